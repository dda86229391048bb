import type { Entry } from '../kb/schema.js';
import type { Analyzer } from './analyzer.js';
import { idfOf, type BankState, type Mix } from './bank.js';
import { Features, InvertedIndex, Rows, type Postings } from './vectors.js';

/**
 * Indexes the phrasing bank: every entry's phrasings, title and keywords analysed into word terms and character
 * n-grams, interned, IDF-weighted and normalised row after row; inverted indexes over phrasings and over the entries'
 * centroids; each entry's phrasing and answer terms for coverage. The cost of start-up, besides loading.
 */
export function buildBank(entries: readonly Entry[], analyzer: Analyzer, mix: Mix): BankState {
  const words = new Features();
  const grams = new Features();
  const owner: number[] = [];
  const phrasingTerms: Set<string>[] = [];
  const answerTerms: Set<string>[] = [];
  const wordRows = new Rows();
  const gramRows = new Rows();
  const wordDf = new EntryCounts();
  const gramDf = new EntryCounts();
  const wordGrams = new Map<readonly string[], number[]>();
  entries.forEach((e, i) => {
    const texts = [e.title, ...e.keywords, ...e.questions];
    const own = new Set<string>();
    for (let t = 0; t < texts.length; t++) {
      const a = analyzer.parts(texts[t]!);
      words.intern(a.terms, wordRows);
      grams.internParts(a.grams, wordGrams, gramRows);
      owner.push(i);
      for (let k = 0; k < a.terms.length; k++) own.add(a.terms[k]!);
      wordDf.addRow(i, wordRows);
      gramDf.addRow(i, gramRows);
    }
    // The answer counts for coverage in Latin terms; its Japanese is matched as text (see PhrasingBank.occurrences).
    const answer = new Set(analyzer.terms(e.answer, { latinOnly: true }));
    wordDf.add(i, words.intern([...answer], []));
    phrasingTerms.push(own);
    answerTerms.push(answer);
  });
  const wordIdf = idfs(entries.length, wordDf.df);
  const gramIdf = idfs(entries.length, gramDf.df);
  const wordNorm = wordRows.weigh(wordIdf);
  const gramNorm = gramRows.weigh(gramIdf);
  return {
    words: words.ids,
    grams: grams.ids,
    owner: Int32Array.from(owner),
    wordIndex: InvertedIndex.of(words.size, wordRows).postings,
    gramIndex: InvertedIndex.of(grams.size, gramRows).postings,
    centroids: centroidIndex(entries.length, owner, wordRows, gramRows, words.size, grams.size, mix),
    wordNorm,
    gramNorm,
    wordIdf,
    gramIdf,
    phrasingTerms,
    answerTerms,
  };
}
/** Each feature's IDF (a plain loop: `Float64Array.from` with a function is slow before the JIT warms up). */
function idfs(entries: number, df: readonly number[]): Float64Array {
  const out = new Float64Array(df.length);
  for (let i = 0; i < df.length; i++) out[i] = idfOf(entries, df[i]!);
  return out;
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
): Postings {
  const sum = new Float64Array(wordsSize + gramsSize);
  const centroids = new Rows(wordRows.length + gramRows.length); // at most every phrasing's features
  // A feature joins the entry's row when first touched (its sum still 0), then its sum is worked out.
  // The row's arrays in locals: this runs ~250,000 times in a cold process, mostly before the JIT optimises it.
  const add = (rows: Rows, p: number, offset: number, weight: number) => {
    const { ids, ws, start } = rows;
    for (let i = start[p]!, end = start[p + 1]!; i < end; i++) {
      const k = offset + ids[i]!;
      if (sum[k] === 0) centroids.push(k);
      sum[k] = sum[k]! + weight * ws[i]!;
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
  return InvertedIndex.of(wordsSize + gramsSize, centroids).postings;
}
