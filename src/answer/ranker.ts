import type { Entry } from '../kb/schema.js';
import type { Analyzer } from './analyzer.js';
import { buildBank } from './bank-build.js';
import { PhrasingBank, type BankState, type Mix } from './bank.js';
import { LONE_KANJI } from './text.js';

/** How a question is scored against an entry (knowledge/search.yaml `ranking`). */
export interface RankingSettings {
  /**
   * One phrasing's similarity: over word terms and over character n-grams (mixed by `words` and `grams`), each the
   * cosine blended with recall — the share of the phrasing found in the question (`recall`: 0 = cosine only), so a
   * long question that contains a phrasing after some personal context still matches it.
   */
  phrasing: Mix & { recall: number };
  /** An entry's score: its closest phrasing, the centroid of its phrasings, their coverage of the question, its answer. */
  entry: { best: number; centroid: number; coverage: number; answer: number };
}

/** One entry's score for a question, 0–1, with its parts. */
export interface Scored {
  entry: Entry;
  score: number;
  /** Similarity of the closest phrasing (question, title or keyword). */
  best: number;
  /** Share of the question's meaning (IDF-weighted terms) found in the entry's phrasings, title and keywords. */
  coverage: number;
}

export interface Ranking {
  /** Entries with any overlap, best first. */
  hits: Scored[];
  /**
   * Share of the question's meaning in words no entry's phrasings use: high for subjects no entry covers. An unknown
   * Japanese compound counts only for its unfamiliar share (see Occurrences.familiar).
   */
  unknownShare: number;
  /** How many of four independent views (nearest phrasing by words, by n-grams, centroid, coverage) pick the best entry. */
  agreement: number;
  /**
   * How many different words of the question some entry's phrasings, title or keywords use, words that ask (when,
   * how…) aside — 0 when every such word is a single kanji (the stem of an inflected verb: 書き → 書, 覚えられない → 覚),
   * which alone names no subject.
   */
  known: number;
  /**
   * For a message of several sentences, the ranking of the sentence it asks in alone (see `askedSentence`), worked out
   * when first asked for: `decide` reads it when the whole message leaves the best entry close.
   */
  asked?: () => Ranking;
  /** Declined outright before ranking (a subject or a kind of detail no entry covers: see engine.ts `outright`). */
  outright?: boolean;
}

/** A number, or a number with its unit (7.2M's "2m", "28yo", "5yrs", "10k"), but not an ordinal ("6th" year). */
const NUMBER = /^\d+(?!st$|nd$|rd$|th$)[a-z]{0,3}$/;
/** `Ranking.known`: the question's known words that name something (not a word that asks), unless all are single-kanji stems. */
function knownWords(terms: readonly string[], occ: readonly { known: boolean }[], asks: (term: string) => boolean): number {
  const known = terms.filter((t, i) => occ[i]!.known && !asks(t));
  return known.some((t) => !LONE_KANJI.test(t)) ? known.length : 0;
}
/** The ranking of a question with nothing the knowledge base knows (a new object each time: callers may keep it). */
export const nothing = (): Ranking => ({ hits: [], unknownShare: 1, agreement: 0, known: 0 });
/**
 * How many views pick entry `top`: it has the view's highest value, ties included (a view that ties two entries does
 * not vote against either — before, the tie went to whichever entry came first in the files), and the view sees
 * something at all.
 */
export function viewsPicking(views: readonly (ArrayLike<number> & Iterable<number>)[], top: number): number {
  const picks = (xs: ArrayLike<number> & Iterable<number>) => {
    const value = xs[top]!;
    if (!(value > 0)) return false;
    for (const x of xs) if (x > value) return false;
    return true;
  };
  return views.filter(picks).length;
}

/**
 * Question-to-question ranking: each entry is represented mainly by its curated member phrasings (plus title and
 * keywords), matched by word-level TF-IDF cosine and character n-gram cosine; its answer text adds a weak signal.
 * Everything is in memory and deterministic.
 */
export function createRanker(entries: readonly Entry[], analyzer: Analyzer, settings: RankingSettings, index?: BankState) {
  const bank = new PhrasingBank(entries, settings.phrasing, index ?? buildBank(entries, analyzer, settings.phrasing));
  const n = entries.length;
  const phrasings = bank.owner.length;
  const wordScores = new Float64Array(phrasings);
  const gramScores = new Float64Array(phrasings);
  const centroidScores = new Float64Array(n);
  /** Cosine blended with recall (cosine × |question| / |phrasing|, at most 1). */
  const blend = (cos: number, qNorm: number, pNorm: number) =>
    cos === 0 ? 0 : (1 - settings.phrasing.recall) * cos + settings.phrasing.recall * Math.min(1, (cos * qNorm) / pNorm);

  return {
    /** The index the ranker was built on (`index`, or built from `entries`): what a start-up snapshot stores. */
    index: bank.state,
    rank(question: string): Ranking {
      const a = analyzer.analyze(question, { correct: true });
      // Numbers the knowledge base never mentions (a salary, an age), with or without their unit, carry no meaning for
      // matching.
      const terms = [...new Set(a.terms)].filter((t) => !NUMBER.test(t) || bank.occurrences(t).df > 0);
      // A number alone ("1", "2026") says nothing about what is asked.
      if (terms.every((t) => NUMBER.test(t))) return nothing();
      const occ = terms.map((t) => bank.occurrences(t));
      const weights = occ.map((o) => bank.idf(o.df));
      const total = weights.reduce((sum, w) => sum + w, 0);
      if (total === 0) return nothing();
      // An unknown Japanese compound of familiar parts counts only for its unfamiliar share (see Occurrences.familiar).
      const unknown = occ.reduce((sum, o, i) => sum + weights[i]! * (1 - o.familiar), 0);

      const qw = bank.wordVector(terms);
      const qg = bank.gramVector(a.grams);
      bank.wordIndex.scores(qw, wordScores);
      bank.gramIndex.scores(qg, gramScores);
      bank.centroids.scores(bank.joint(qw, qg), centroidScores);

      // Per entry: the closest phrasing overall, by words alone and by n-grams alone.
      const best = new Float64Array(n);
      const byWords = new Float64Array(n);
      const byGrams = new Float64Array(n);
      for (let p = 0; p < phrasings; p++) {
        const e = bank.owner[p]!;
        const ws = blend(wordScores[p]!, qw.norm, bank.wordNorm[p]!);
        const gs = blend(gramScores[p]!, qg.norm, bank.gramNorm[p]!);
        best[e] = Math.max(best[e]!, settings.phrasing.words * ws + settings.phrasing.grams * gs);
        byWords[e] = Math.max(byWords[e]!, ws);
        byGrams[e] = Math.max(byGrams[e]!, gs);
      }

      const w = settings.entry;
      const coverage = new Float64Array(n);
      const hits: Scored[] = [];
      for (let e = 0; e < n; e++) {
        let covered = 0;
        let inAnswer = 0;
        for (let i = 0; i < occ.length; i++) {
          const where = occ[i]!.where[e];
          if (where === 1) covered += weights[i]!;
          else if (where === 2) inAnswer += weights[i]!;
        }
        coverage[e] = covered / total;
        const score = w.best * best[e]! + w.centroid * centroidScores[e]! + w.coverage * coverage[e]! + w.answer * (inAnswer / total);
        if (score > 0) hits.push({ entry: entries[e]!, score, best: best[e]!, coverage: coverage[e]! });
      }
      hits.sort((x, y) => y.score - x.score);
      const top = hits[0] ? entries.indexOf(hits[0].entry) : -1;
      const agreement = top < 0 ? 0 : viewsPicking([byWords, byGrams, centroidScores, coverage], top);
      return { hits, unknownShare: unknown / total, agreement, known: knownWords(terms, occ, (t) => analyzer.asks(t)) };
    },
  };
}
