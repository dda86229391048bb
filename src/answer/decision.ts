import type { Ranking, Scored } from './ranker.js';

/** A lower score floor for a message of at least `minKnownWords` different known words (see `longMessageFloor`). */
export interface LongMessageTier {
  minKnownWords: number;
  minScore: number;
}

/** When the bot answers or suggests (knowledge/search.yaml `decision`), chosen with `npm run calibrate`. */
export interface DecisionSettings {
  /** One entry clearly answers the question. */
  answer: {
    /** The best entry's score must reach this (0–1)… */
    minScore: number;
    /**
     * …and beat the runner-up by this margin, which depends on how many of four independent views (nearest phrasing by
     * words, by n-grams, centroid, coverage) pick the same entry: the fewer agree, the clearer the win must be. None:
     * never answered.
     */
    minMargin: { fourViews: number; threeViews: number; twoViews: number; oneView: number };
    /** At most this share of the question's meaning may be in words no phrasing uses. */
    maxUnknownShare: number;
    /**
     * At least this many different words the knowledge base knows: one word ("same", "nice") is too little to be sure
     * what is asked, however well it matches; such a question gets suggestions at most.
     */
    minKnownWords: number;
    /**
     * At least this share of the question's meaning must be found in the best entry's phrasings, title and keywords (its
     * coverage): one familiar word, such as a city an entry is about, in a question otherwise about something else (the
     * weather there, a gym there) is not what the entry answers, however close its phrasings' n-grams come.
     */
    minCoverage: number;
    /**
     * A question whose words nearly all occur in the phrasings (unknown share at most `maxUnknownShare`) and on whose
     * best entry three or four views agree is understood well enough for a lower score and three-view margin.
     */
    wellKnown: { maxUnknownShare: number; minScore: number; threeViews: number };
    /**
     * A question on whose best entry all four views agree, which beats its runner-up by at least `minMargin` and has at
     * most `maxUnknownShare` of its meaning in unknown words, is a clear win for a lower score: long messages in a
     * member's own words score low against every phrasing, though every view picks the same entry.
     */
    clearWin: { minScore: number; minMargin: number; maxUnknownShare: number };
    /**
     * A long message — at least `minKnownWords` different known words — is answered from a lower score: its similarity
     * to any one short phrasing is diluted by its length (a member's situation, then the question), so its best entry
     * scores low even when it clearly wins. Its margin and every other gate are as usual. Tiers: the longer, the lower.
     */
    longMessage: LongMessageTier[];
    /**
     * An answer whose margin over the runner-up is under this is a near tie: the question likely spans the close
     * entries, so with the LLM fallback configured it drafts from them instead; without it, the best entry answers.
     */
    nearTie: number;
  };
  /**
   * A message of several sentences is also read as the sentence it asks in (see `decide`): `weight` is that sentence's
   * share of the reading that combines the two; `minCoverage`, how much of the whole message (its best entry's
   * coverage) must be about the knowledge base's subjects before a message no entry is close for is read so.
   */
  asked: { weight: number; minCoverage: number };
  /**
   * No entry clearly wins, but the question is inside the domain: the close entries become "did you mean" suggestions
   * and the context of the optional LLM fallback. Stricter than answering, so that near-domain and off-topic
   * questions never reach the LLM: otherwise the question is declined without suggestions. `closeShare`: which
   * entries count as close — those scoring at least this share of the best entry's score (at most five).
   */
  suggest: {
    minScore: number;
    minCoverage: number;
    maxUnknownShare: number;
    closeShare: number;
    /**
     * A long message is close from a lower score, as it is answered from one (`answer.longMessage`): its best entry
     * scores low by its length alone. Its coverage and unknown share are gated as usual.
     */
    longMessage?: LongMessageTier[];
  };
}

export type Decision =
  /** One entry clearly answers the question; `close`: for a near tie, the close entries (best first), else none. */
  | { kind: 'answer'; best: Scored; margin: number; close: Scored[] }
  /** In the domain, but no entry clearly wins: suggest the close ones (or let the LLM fallback draft from them). */
  | { kind: 'close'; close: Scored[]; margin: number }
  /** Nothing in the knowledge base is about this. */
  | { kind: 'none' };

/** The suggestion gate's thresholds (`closeShare` then says which entries count as close). */
export type SuggestGate = Omit<DecisionSettings['suggest'], 'closeShare'>;

/**
 * Whether a question no entry clearly answers is inside the domain, so its close entries may be suggested (and drafted
 * from). Never when no known word names a subject (only verb stems such as 書 or 覚). `long`: with the long-message
 * floor (`suggest.longMessage`), which `decide` tries only on a question it would otherwise decline outright.
 */
export function suggestable(ranking: Ranking, g: SuggestGate, long = false): boolean {
  const best = ranking.hits[0];
  return (
    best !== undefined &&
    ranking.known > 0 &&
    best.score >= (long ? Math.min(g.minScore, longMessageFloor(ranking.known, g.longMessage ?? [])) : g.minScore) &&
    best.coverage >= g.minCoverage &&
    ranking.unknownShare <= g.maxUnknownShare
  );
}

/**
 * What the bot does with a ranked question. A message of several sentences that its whole does not answer (personal
 * context blurs the best entry) is read again with the sentence it asks in: answered when that sentence, ranked alone,
 * clearly wins — or when both readings together do (each entry's two scores averaged by `asked.weight`) — and in
 * either case only with the entry the whole message ranks first, which the sentence ranks first too. Context alone
 * cannot decide it, and the question alone cannot bring in an entry the message as a whole does not put first. A
 * whole that is not even close is read so only when at least `asked.minCoverage` of it is about the best entry's
 * subjects: a short asked sentence ("trails still open?") matches something in any message.
 */
export function decide(ranking: Ranking, s: DecisionSettings): Decision {
  const decision = read(ranking, s);
  // A long message declined outright may still be close by the long-message floor: suggestions (or the LLM's draft),
  // never an answer — what is answered stays as the thresholds above decide.
  if (decision.kind !== 'none' || !s.suggest.longMessage || !suggestable(ranking, s.suggest, true)) return decision;
  const [best, second] = ranking.hits;
  return { kind: 'close', close: closeTo(ranking, s), margin: best!.score - (second?.score ?? 0) };
}

/** The close entries of a ranking: those scoring at least `suggest.closeShare` of the best (at most five). */
function closeTo(ranking: Ranking, s: DecisionSettings): Scored[] {
  const top = ranking.hits[0]?.score ?? 0;
  return ranking.hits.filter((h) => h.score >= s.suggest.closeShare * top).slice(0, 5);
}

/** `decide` without the long-message suggestion floor. */
function read(ranking: Ranking, s: DecisionSettings): Decision {
  const whole = decideOne(ranking, s);
  const top = ranking.hits[0];
  if (whole.kind === 'answer' || !ranking.asked || !top) return whole;
  if (whole.kind === 'none' && top.coverage < s.asked.minCoverage) return whole;
  const alone = ranking.asked();
  if (alone.hits[0]?.entry !== top.entry) return whole;
  if (whole.kind === 'close') {
    const sentence = decideOne(alone, s);
    if (sentence.kind === 'answer') return sentence;
  }
  const both = decideOne(combine(ranking, alone, s.asked.weight), s);
  return both.kind === 'answer' && both.best.entry === top.entry ? both : whole;
}

/**
 * The two readings of a message as one ranking: each entry's score is its whole-message score and its asked-sentence
 * score averaged (`weight`: the sentence's share). For two readings that rank the same entry first (the only ones
 * `decide` combines), as many views agree on it as do in the surer reading; the words (unknown share, known words)
 * are the whole message's.
 */
export function combine(whole: Ranking, asked: Ranking, weight: number): Ranking {
  const merged = new Map<Scored['entry'], Scored>();
  for (const h of whole.hits) merged.set(h.entry, { ...h, score: (1 - weight) * h.score });
  for (const h of asked.hits) {
    const m = merged.get(h.entry);
    if (m) merged.set(h.entry, { ...m, score: m.score + weight * h.score });
    else merged.set(h.entry, { ...h, score: weight * h.score });
  }
  const hits = [...merged.values()].sort((x, y) => y.score - x.score);
  return { hits, unknownShare: whole.unknownShare, agreement: Math.max(whole.agreement, asked.agreement), known: whole.known };
}

/** The score a message with `known` different known words needs by its length alone (`longMessage`): 1 when no tier applies. */
export function longMessageFloor(known: number, tiers: readonly LongMessageTier[]): number {
  return Math.min(1, ...tiers.filter((t) => known >= t.minKnownWords).map((t) => t.minScore));
}

function decideOne(ranking: Ranking, s: DecisionSettings): Decision {
  const [best, second] = ranking.hits;
  if (!best) return { kind: 'none' };
  const margin = best.score - (second?.score ?? 0);
  const a = s.answer;
  const eased = ranking.agreement >= 3 && ranking.unknownShare <= a.wellKnown.maxUnknownShare;
  const threeViews = eased ? Math.min(a.minMargin.threeViews, a.wellKnown.threeViews) : a.minMargin.threeViews;
  const clearWin = ranking.agreement === 4 && margin >= a.clearWin.minMargin && ranking.unknownShare <= a.clearWin.maxUnknownShare;
  const minScore = Math.min(
    a.minScore,
    eased ? a.wellKnown.minScore : 1,
    clearWin ? a.clearWin.minScore : 1,
    longMessageFloor(ranking.known, a.longMessage),
  );
  const needed = [Infinity, a.minMargin.oneView, a.minMargin.twoViews, threeViews, a.minMargin.fourViews][ranking.agreement] ?? Infinity;
  const close = () => closeTo(ranking, s);
  const understood = ranking.unknownShare <= a.maxUnknownShare && ranking.known >= a.minKnownWords && best.coverage >= a.minCoverage;
  if (best.score >= minScore && margin >= needed && understood) {
    const tied = margin < a.nearTie ? close() : [];
    return { kind: 'answer', best, margin, close: tied.length > 1 ? tied : [] };
  }
  if (!suggestable(ranking, s.suggest)) return { kind: 'none' };
  return { kind: 'close', close: close(), margin };
}
