import type { Entry } from '../kb/schema.js';
import type { Analyzer } from './analyzer.js';
import { Features, InvertedIndex, Rows, vectorOf, type Vec } from './vectors.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
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
}

/** How the words and n-grams of one phrasing are mixed (knowledge/search.yaml `ranking.phrasing`). */
export interface Mix {
  words: number;
  grams: number;
}

/**
 * The phrasing bank, indexed once per knowledge base: every entry's member phrasings, title and keywords as
 * IDF-weighted word and character n-gram vectors (IDF over entries, so a word many entries use weighs little), each
 * entry's centroid, and the terms of its phrasings and of its answer for coverage.
 */
export class PhrasingBank {
  readonly words = new Features();
  readonly grams = new Features();
  /** Entry index of every phrasing. */
  readonly owner: number[] = [];
  readonly wordIndex: InvertedIndex;
  readonly gramIndex: InvertedIndex;
  readonly centroids: InvertedIndex;
  /** Vector lengths before normalising, per phrasing (for recall). */
  readonly wordNorm: Float64Array;
  readonly gramNorm: Float64Array;
  /** Each word's / n-gram's IDF (from the number of entries it occurs in). */
  private readonly wordIdf: Float64Array;
  private readonly gramIdf: Float64Array;
  private readonly phrasingTerms: Set<string>[] = [];
  private readonly answerTerms: Set<string>[] = [];
  /** Each entry's Japanese as text, for `occurrences`: worked out on first use (no index needs it). */
  private ja: { phrasings: string[]; answers: string[] } | undefined;
  private readonly cache = new Map<string, Occurrences>();

  constructor(
    readonly entries: readonly Entry[],
    analyzer: Analyzer,
    private readonly mix: Mix,
  ) {
    const wordRows = new Rows();
    const gramRows = new Rows();
    const wordDf = new EntryCounts();
    const gramDf = new EntryCounts();
    const wordGrams = new Map<readonly string[], number[]>();
    entries.forEach((e, i) => {
      const texts = [e.title, ...e.keywords, ...e.questions];
      const own = new Set<string>();
      for (const text of texts) {
        const a = analyzer.parts(text);
        this.words.intern(a.terms, wordRows);
        this.grams.internParts(a.grams, wordGrams, gramRows);
        this.owner.push(i);
        for (const t of a.terms) own.add(t);
        wordDf.addRow(i, wordRows);
        gramDf.addRow(i, gramRows);
      }
      // The answer counts for coverage in Latin terms; its Japanese is matched as text (see occurrences).
      const answer = new Set(analyzer.terms(e.answer, { latinOnly: true }));
      wordDf.add(i, this.words.intern([...answer], []));
      this.phrasingTerms.push(own);
      this.answerTerms.push(answer);
    });
    this.wordIdf = Float64Array.from(wordDf.df, (df) => this.idf(df));
    this.gramIdf = Float64Array.from(gramDf.df, (df) => this.idf(df));
    this.wordNorm = wordRows.weigh(this.wordIdf);
    this.gramNorm = gramRows.weigh(this.gramIdf);
    this.wordIndex = new InvertedIndex(this.words.size, wordRows);
    this.gramIndex = new InvertedIndex(this.grams.size, gramRows);
    this.centroids = centroidIndex(entries.length, this.owner, wordRows, gramRows, this.words.size, this.grams.size, this.mix);
  }

  idf(df: number): number {
    return Math.log(1 + this.entries.length / Math.max(df, 0.5));
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
      const cjk = CJK.test(t);
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
      o = { where, df, known };
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

function normalised(ids: readonly number[], ws: readonly number[]): Vec {
  let sum = 0;
  for (const x of ws) sum += x * x;
  const norm = Math.sqrt(sum) || 1;
  const unit = new Float64Array(ws.length);
  for (let i = 0; i < ws.length; i++) unit[i] = ws[i]! / norm;
  return { ids: Int32Array.from(ids), ws: unit, norm };
}

/** In how many entries each feature occurs, counted as each entry's features are added (entries in order). */
class EntryCounts {
  readonly df: number[] = [];
  private readonly last: number[] = [];

  add(entry: number, ids: ArrayLike<number>, from = 0, to = ids.length): void {
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      if (this.last[id] === entry) continue;
      this.last[id] = entry;
      this.df[id] = (this.df[id] ?? 0) + 1;
    }
  }

  /** `add` for the current row of `rows`, which it then ends. */
  addRow(entry: number, rows: Rows): void {
    this.add(entry, rows.ids, rows.start[rows.count], rows.length);
    rows.end();
  }
}

/** Centroids: the sum of each entry's phrasing vectors in one joint space (words, then n-grams), normalised. */
function centroidIndex(
  entryCount: number,
  owner: readonly number[],
  wordRows: Rows,
  gramRows: Rows,
  wordsSize: number,
  gramsSize: number,
  mix: Mix,
): InvertedIndex {
  const sum = new Float64Array(wordsSize + gramsSize);
  const centroids = new Rows(wordRows.length + gramRows.length); // at most every phrasing's features
  // A feature joins the entry's row when first touched (its sum still 0), then its sum is worked out.
  const add = (rows: Rows, p: number, offset: number, weight: number) => {
    for (let i = rows.start[p]!; i < rows.start[p + 1]!; i++) {
      const k = offset + rows.ids[i]!;
      if (sum[k] === 0) centroids.push(k);
      sum[k] = sum[k]! + weight * rows.ws[i]!;
    }
  };
  let p = 0;
  for (let e = 0; e < entryCount; e++) {
    const from = centroids.length;
    for (; p < owner.length && owner[p] === e; p++) {
      add(wordRows, p, 0, mix.words);
      add(gramRows, p, wordsSize, mix.grams);
    }
    // Normalised as `normalised` does: the same sums in the same order.
    const { ids, ws } = centroids;
    let squares = 0;
    for (let i = from; i < centroids.length; i++) {
      ws[i] = sum[ids[i]!]!;
      squares += ws[i]! * ws[i]!;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let i = from; i < centroids.length; i++) ws[i] = ws[i]! / norm;
    for (let i = from; i < centroids.length; i++) sum[ids[i]!] = 0;
    centroids.end();
  }
  return new InvertedIndex(wordsSize + gramsSize, centroids);
}
