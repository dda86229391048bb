import type { Entry } from '../kb/schema.js';
import { HIRAGANA_ONLY } from './text.js';
import { Features, InvertedIndex, vectorOf, type Postings, type Vec } from './vectors.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A two-character piece of a Japanese word that can carry meaning alone: kanji or katakana, no kana grammar. */
const PIECE = /^[\p{Script=Han}\p{Script=Katakana}ー]{2}$/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+/gu;
const japaneseOf = (texts: readonly string[]) =>
  texts.map((t) => t.normalize('NFKC').toLowerCase().match(CJK_RUN)?.join('|') ?? '').join('|');

/** Where a term occurs in the knowledge base (see PhrasingBank.occurrences). */
export interface Occurrences {
  /** Per entry: 1 in its phrasings, title or keywords; 2 only in its answer; 0 nowhere. */
  where: Uint8Array;
  /** In how many entries it occurs at all. */
  df: number;
  /** Some entry's phrasings use it: answers alone mention many subjects in passing. */
  known: boolean;
  /**
   * For a Japanese word no phrasing uses, the share of its two-character pieces of kanji or katakana that some
   * phrasing, title or keyword contains (文学部 → 文学, 学部): a compound made of familiar parts is not a subject the
   * knowledge base has never heard of. Kana grammar inside a piece (焼き, たこ) says nothing, so such pieces are skipped.
   * 1 for a known word, 0 for an unknown Latin word or one with no such piece.
   */
  familiar: number;
}

/** How the words and n-grams of one phrasing are mixed (knowledge/search.yaml `ranking.phrasing`). */
export interface Mix {
  words: number;
  grams: number;
}

/**
 * What indexing the phrasings produces (see bank-build.ts): plain data — Maps, Sets and typed arrays — so a start-up
 * snapshot can store it as it is and a bank restored from it ranks exactly as the bank it was taken from.
 */
export interface BankState {
  /** Feature → id, for word terms and for n-grams. */
  words: Map<string, number>;
  grams: Map<string, number>;
  /** Entry index of every phrasing. */
  owner: Int32Array;
  wordIndex: Postings;
  gramIndex: Postings;
  centroids: Postings;
  /** Vector lengths before normalising, per phrasing (for recall). */
  wordNorm: Float64Array;
  gramNorm: Float64Array;
  /** Each word's / n-gram's IDF (from the number of entries it occurs in). */
  wordIdf: Float64Array;
  gramIdf: Float64Array;
  /** Per entry: the terms of its phrasings, title and keywords, and the Latin terms of its answer (coverage). */
  phrasingTerms: Set<string>[];
  answerTerms: Set<string>[];
}

/** IDF over entries: a word many entries use weighs little. */
export const idfOf = (entries: number, df: number): number => Math.log(1 + entries / Math.max(df, 0.5));

/**
 * The phrasing bank, indexed once per knowledge base (bank-build.ts): every entry's member phrasings, title and
 * keywords as IDF-weighted word and character n-gram vectors (IDF over entries, so a word many entries use weighs
 * little), each entry's centroid, and the terms of its phrasings and of its answer for coverage.
 */
export class PhrasingBank {
  readonly words: Features;
  readonly grams: Features;
  readonly owner: Int32Array;
  readonly wordIndex: InvertedIndex;
  readonly gramIndex: InvertedIndex;
  readonly centroids: InvertedIndex;
  readonly wordNorm: Float64Array;
  readonly gramNorm: Float64Array;
  private readonly wordIdf: Float64Array;
  private readonly gramIdf: Float64Array;
  private readonly phrasingTerms: Set<string>[];
  private readonly answerTerms: Set<string>[];
  /** Each entry's Japanese as text, for `occurrences`: worked out on first use (no index needs it). */
  private ja: { phrasings: string[]; answers: string[] } | undefined;
  private readonly cache = new Map<string, Occurrences>();

  constructor(
    readonly entries: readonly Entry[],
    private readonly mix: Mix,
    readonly state: BankState,
  ) {
    this.words = new Features(state.words);
    this.grams = new Features(state.grams);
    this.wordIndex = new InvertedIndex(state.wordIndex);
    this.gramIndex = new InvertedIndex(state.gramIndex);
    this.centroids = new InvertedIndex(state.centroids);
    ({ owner: this.owner, wordNorm: this.wordNorm, gramNorm: this.gramNorm, wordIdf: this.wordIdf, gramIdf: this.gramIdf } = state);
    ({ phrasingTerms: this.phrasingTerms, answerTerms: this.answerTerms } = state);
  }

  idf(df: number): number {
    return idfOf(this.entries.length, df);
  }

  wordVector(terms: readonly string[]): Vec {
    return vectorOf(this.words.known(terms), this.wordIdf);
  }

  gramVector(grams: readonly string[]): Vec {
    return vectorOf(this.grams.known(grams), this.gramIdf);
  }

  /** A question's word and n-gram vectors in the centroids' joint space. */
  joint(w: Vec, g: Vec): Vec {
    const ids = [...w.ids, ...Array.from(g.ids, (id) => this.words.size + id)];
    const ws = [...Array.from(w.ws, (x) => x * this.mix.words), ...Array.from(g.ws, (x) => x * this.mix.grams)];
    return normalised(ids, ws);
  }

  /**
   * Where a term occurs: per entry, 1 = in its phrasings, title or keywords, 2 = only in its answer, 0 = nowhere; and
   * in how many entries at all. Japanese is matched as text ("受け" occurs in 受けられる). Cached, bounded.
   */
  occurrences(t: string): Occurrences {
    let o = this.cache.get(t);
    if (o === undefined) {
      // Kana mentioned in a Latin sentence (a term of its own, see analyzer.ts) is matched as a word: as text, は or が
      // occurs in nearly every Japanese phrasing.
      const cjk = CJK.test(t) && !HIRAGANA_ONLY.test(t);
      const ja = cjk ? this.japanese() : undefined;
      const where = new Uint8Array(this.entries.length);
      let df = 0;
      let known = false;
      for (let e = 0; e < this.entries.length; e++) {
        if (ja ? ja.phrasings[e]!.includes(t) : this.phrasingTerms[e]!.has(t)) where[e] = 1;
        else if (ja ? ja.answers[e]!.includes(t) : this.answerTerms[e]!.has(t)) where[e] = 2;
        if (where[e]) df++;
        if (where[e] === 1) known = true;
      }
      o = { where, df, known, familiar: known ? 1 : ja ? familiarShare(t, ja.phrasings) : 0 };
      if (this.cache.size >= 20_000) this.cache.clear(); // bounded: questions are user input
      this.cache.set(t, o);
    }
    return o;
  }

  private japanese(): { phrasings: string[]; answers: string[] } {
    return (this.ja ??= {
      phrasings: this.entries.map((e) => japaneseOf([e.title, ...e.keywords, ...e.questions])),
      answers: this.entries.map((e) => japaneseOf([e.answer])),
    });
  }
}

/** `Occurrences.familiar` of an unknown Japanese word, against each entry's Japanese phrasing text. */
function familiarShare(word: string, phrasings: readonly string[]): number {
  const chars = [...word];
  let pieces = 0;
  let found = 0;
  for (let i = 0; i + 2 <= chars.length; i++) {
    const piece = chars[i]! + chars[i + 1]!;
    if (!PIECE.test(piece)) continue;
    pieces++;
    if (phrasings.some((p) => p.includes(piece))) found++;
  }
  return pieces === 0 ? 0 : found / pieces;
}

function normalised(ids: readonly number[], ws: readonly number[]): Vec {
  let sum = 0;
  for (const x of ws) sum += x * x;
  const norm = Math.sqrt(sum) || 1;
  const unit = new Float64Array(ws.length);
  for (let i = 0; i < ws.length; i++) unit[i] = ws[i]! / norm;
  return { ids: Int32Array.from(ids), ws: unit, norm };
}
