import type { Entry } from '../kb/schema.js';
import type { Analyzer } from './analyzer.js';
import { Features, InvertedIndex, vectorOf, type Vec } from './vectors.js';

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
  readonly wordIndex = new InvertedIndex();
  readonly gramIndex = new InvertedIndex();
  readonly centroids = new InvertedIndex();
  /** Vector lengths before normalising, per phrasing (for recall). */
  readonly wordNorm: number[] = [];
  readonly gramNorm: number[] = [];
  private readonly phrasingTerms: Set<string>[] = [];
  private readonly answerTerms: Set<string>[] = [];
  private readonly phrasingJa: string[] = [];
  private readonly answerJa: string[] = [];
  private readonly cache = new Map<string, Occurrences>();

  constructor(
    readonly entries: readonly Entry[],
    analyzer: Analyzer,
    private readonly mix: Mix,
  ) {
    const analysed: { terms: string[]; grams: string[] }[] = [];
    entries.forEach((e, i) => {
      const texts = [e.title, ...e.keywords, ...e.questions];
      const own = new Set<string>();
      const ownGrams: string[] = [];
      for (const text of texts) {
        const a = analyzer.analyze(text);
        this.owner.push(i);
        analysed.push(a);
        for (const t of a.terms) own.add(t);
        ownGrams.push(...a.grams);
      }
      const answer = new Set(analyzer.analyze(e.answer).terms);
      this.phrasingTerms.push(own);
      this.answerTerms.push(answer);
      this.phrasingJa.push(japaneseOf(texts));
      this.answerJa.push(japaneseOf([e.answer]));
      this.words.addDocument([...own, ...answer]);
      this.grams.addDocument(ownGrams);
    });
    const sums: Vec[] = entries.map(() => new Map());
    analysed.forEach((a, p) => {
      const w = this.wordVector(a.terms);
      const g = this.gramVector(a.grams);
      this.wordIndex.add(p, w);
      this.gramIndex.add(p, g);
      this.wordNorm.push(w.norm);
      this.gramNorm.push(g.norm);
      const sum = sums[this.owner[p]!]!;
      for (const [k, v] of this.joint(w, g)) sum.set(k, (sum.get(k) ?? 0) + v);
    });
    sums.forEach((sum, e) => this.centroids.add(e, normalise(sum)));
  }

  idf(df: number): number {
    return Math.log(1 + this.entries.length / Math.max(df, 0.5));
  }

  wordVector(terms: readonly string[]) {
    return vectorOf(terms, this.words, (id) => this.idf(this.words.df[id]!));
  }

  gramVector(grams: readonly string[]) {
    return vectorOf(grams, this.grams, (id) => this.idf(this.grams.df[id]!));
  }

  /** Words and n-grams in one space, mixed as for phrasings and normalised (for centroids). */
  joint(w: Vec, g: Vec): Vec {
    const v: Vec = new Map();
    for (const [k, x] of w) v.set(2 * k, x * this.mix.words);
    for (const [k, x] of g) v.set(2 * k + 1, x * this.mix.grams);
    return normalise(v);
  }

  /**
   * Where a term occurs: per entry, 1 = in its phrasings, title or keywords, 2 = only in its answer, 0 = nowhere; and
   * in how many entries at all. Japanese is matched as text ("受け" occurs in 受けられる). Cached, bounded.
   */
  occurrences(t: string): Occurrences {
    let o = this.cache.get(t);
    if (o === undefined) {
      const cjk = CJK.test(t);
      const where = new Uint8Array(this.entries.length);
      let df = 0;
      let known = false;
      for (let e = 0; e < this.entries.length; e++) {
        if (cjk ? this.phrasingJa[e]!.includes(t) : this.phrasingTerms[e]!.has(t)) where[e] = 1;
        else if (cjk ? this.answerJa[e]!.includes(t) : this.answerTerms[e]!.has(t)) where[e] = 2;
        if (where[e]) df++;
        if (where[e] === 1) known = true;
      }
      o = { where, df, known };
      if (this.cache.size >= 20_000) this.cache.clear(); // bounded: questions are user input
      this.cache.set(t, o);
    }
    return o;
  }
}

function normalise(v: Vec): Vec {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [k, x] of v) v.set(k, x / norm);
  return v;
}
