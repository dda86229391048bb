import { detailGate } from '../kb/details.js';
import type { KnowledgeBase } from '../kb/load.js';
import { phraseMatcher } from '../kb/mentions.js';
import type { Entry } from '../kb/schema.js';
import { createAnalyzer } from './analyzer.js';
import type { BankState } from './bank.js';
import { decide, type Decision } from './decision.js';
import { createRanker, nothing, type Ranking, type Scored } from './ranker.js';
import { askedSentence } from './text.js';

/** A ranked entry: its score for the question (0–1) and the same rounded to two decimals. */
export interface Hit {
  entry: Entry;
  score: number;
  confidence: number;
}

export interface AnswerResult {
  answered: boolean;
  /** Score of the best match, 0–1, two decimals. */
  confidence: number;
  /** The entry given as the answer (only when answered). */
  entry: Entry | undefined;
  /** Up to two further entries worth reading (only when answered): a near tie's runner-up first, then curated ones. */
  related: Entry[];
  /** Close matches offered as "did you mean" when nothing is answered (at most three; none for off-domain questions). */
  suggestions: Entry[];
  /**
   * Close matches (at most five), the context for the optional LLM fallback: when no entry clearly wins, or when the
   * answer only narrowly beats its runner-up (a near tie: with the fallback configured, it drafts from them instead).
   */
  candidates: Hit[];
  /**
   * Declined outright: the question asks about a subject or a kind of detail no entry covers (search.yaml outOfScope,
   * asksFor). The rule commands decline it too.
   */
  outright?: boolean;
}

export interface AnswerEngine {
  readonly kb: KnowledgeBase;
  /** The phrasing bank's index (plain data): what a start-up snapshot stores (see snapshot.ts). */
  readonly index: BankState;
  answer(question: string): AnswerResult;
  /** Ranked entries for a question, best first: autocomplete and diagnostics. */
  search(question: string, limit?: number): Hit[];
  /** The ranking behind `answer` (for calibration): out-of-scope subjects rank nothing. */
  rank(question: string): Ranking;
  /** The ranking and the decision behind `answer` (for diagnostics and tests). */
  explain(question: string): { hits: Hit[]; unknownShare: number; agreement: number; decision: Decision; outright: boolean };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** Nothing answered, nothing suggested; `outright` when declined outright (see the function `outright`). */
const declinedResult = (outright: boolean): AnswerResult => ({
  answered: false,
  confidence: 0,
  entry: undefined,
  related: [],
  suggestions: [],
  candidates: [],
  ...(outright ? { outright } : {}),
});
const toHit = (s: Scored): Hit => ({ entry: s.entry, score: s.score, confidence: round2(s.score) });

/**
 * What is declined outright, whatever else the question shares: a subject no entry covers (search.yaml outOfScope), and
 * a kind of detail its best entry cannot give (asksFor: a pay figure, names of companies, opening hours).
 */
function outright(kb: KnowledgeBase) {
  const outOfScope = phraseMatcher(kb.search.outOfScope);
  const lacking = detailGate(kb.search.asksFor, kb.entries);
  return {
    subject: (question: string) => outOfScope(question) !== undefined,
    detail: (question: string, ranking: Ranking) => ranking.hits[0] !== undefined && lacking(question, ranking.hits[0].entry).length > 0,
  };
}

/** An answer's related entries: `others` first (close runners-up), then the entry's curated ones; at most two. */
export function relatedTo(kb: Pick<KnowledgeBase, 'byId'>, entry: Entry, others: readonly Entry[]): Entry[] {
  const curated = entry.related.map((id) => kb.byId.get(id)).filter((e): e is Entry => e !== undefined);
  return [...new Map([...others, ...curated].map((e) => [e.id, e])).values()].slice(0, 2);
}

/** The engine for `kb`; `index`: its index as an earlier engine for the same knowledge and code built it (a snapshot). */
export function createAnswerEngine(kb: KnowledgeBase, index?: BankState): AnswerEngine {
  const s = kb.search;
  const phrasings = kb.entries.flatMap((e) => [e.title, ...e.keywords, ...e.questions]);
  const analyzer = createAnalyzer(s, phrasings);
  const ranker = createRanker(kb.entries, analyzer, s.ranking, index);
  const declined = outright(kb);

  // Some questions are declined outright (see `outright`). A message of several sentences also carries the ranking of
  // the sentence it asks in, ranked only when read.
  const rank = (question: string): Ranking => {
    if (declined.subject(question)) return { ...nothing(), outright: true };
    const ranking = ranker.rank(question);
    if (declined.detail(question, ranking)) return { ...nothing(), outright: true };
    const sentence = askedSentence(question);
    if (sentence === undefined) return ranking;
    let asked: Ranking | undefined;
    return { ...ranking, asked: () => (asked ??= ranker.rank(sentence)) };
  };

  function explain(question: string) {
    const ranking = rank(question);
    return {
      hits: ranking.hits.map(toHit),
      unknownShare: ranking.unknownShare,
      agreement: ranking.agreement,
      decision: decide(ranking, s.decision),
      outright: ranking.outright === true,
    };
  }

  function answer(question: string): AnswerResult {
    const { decision, outright } = explain(question);
    if (decision.kind === 'none') return declinedResult(outright);
    if (decision.kind === 'close') {
      const close = decision.close.map(toHit);
      return {
        answered: false,
        confidence: close[0]?.confidence ?? 0,
        entry: undefined,
        related: [],
        suggestions: close.slice(0, 3).map((h) => h.entry),
        candidates: close,
      };
    }
    const { best } = decision;
    // A near tie: the runner-up comes first among the related entries, in case the question was really about it.
    const runnersUp = decision.close.slice(1).map((h) => h.entry);
    return {
      answered: true,
      confidence: round2(best.score),
      entry: best.entry,
      related: relatedTo(kb, best.entry, runnersUp),
      suggestions: [],
      candidates: decision.close.map(toHit),
    };
  }

  return {
    kb,
    index: ranker.index,
    answer,
    rank,
    explain,
    search: (question, limit = 5) => ranker.rank(question).hits.slice(0, limit).map(toHit),
  };
}
