import { decide, type DecisionSettings } from '../../src/answer/decision.js';
import type { Sample } from './samples.js';

/** What `npm run calibrate` (calibrate.ts) may spend: its budgets, and how a setting's answers are counted against them. */
export const BUDGET = {
  /**
   * Wrong answers allowed on the replayed first looks: new questions, the nearest thing to members' own, so a quarter of
   * the 2 % allowed for members.
   */
  firstWrong: 0.005,
  /** Wrong answers allowed on the public and dev sets (share of their in-scope questions). */
  publicWrong: 0.01,
  /**
   * Wrong answers allowed on held-out phrasings (strict: only the phrasing's own entry counts as right). Below the 2 %
   * allowed for members: held-out phrasings are written like the bank's, so members' own wording goes wrong more often.
   */
  foldWrong: 0.015,
  /**
   * Calibration negatives (near-domain and off-topic, written to look like member questions) that may be answered —
   * or as many as search.yaml answers now, where that is more: a recalibration never answers more of them…
   */
  negativesAnswered: 0.005,
  /** …and that may get an answer or suggestions (and so reach the LLM fallback, when configured). */
  negativesReached: 0.02,
};

export const GROUPS = ['fold', 'public', 'negative', 'first'] as const;
export type Counts = Record<Sample['from'], number>;
const zero = (): Counts => ({ fold: 0, public: 0, negative: 0, first: 0 });

/** What a setting may not exceed: each budget, and never more negatives answered or reached than `current` does. */
export function limits(samples: readonly Sample[], current: DecisionSettings) {
  const total = zero();
  let answered = 0;
  let reached = 0;
  for (const x of samples) {
    total[x.from]++;
    if (x.from !== 'negative') continue;
    const kind = decide(x.ranking, current).kind;
    if (kind === 'answer') answered++;
    if (kind !== 'none') reached++;
  }
  return {
    total,
    fits: (wrong: Counts, negativesReached: number) =>
      wrong.negative <= Math.max(BUDGET.negativesAnswered * total.negative, answered) &&
      negativesReached <= Math.max(BUDGET.negativesReached * total.negative, reached) &&
      wrong.first <= BUDGET.firstWrong * total.first &&
      wrong.public <= BUDGET.publicWrong * total.public &&
      wrong.fold <= BUDGET.foldWrong * total.fold,
  };
}

/** Which setting is better: the most first looks right, then public and dev, then phrasings. */
export const better = (a: Counts, b: Counts | undefined) =>
  !b || a.first > b.first || (a.first === b.first && (a.public > b.public || (a.public === b.public && a.fold > b.fold)));

/** Right and wrong answers per group under `d`, and how many negatives it answers or suggests for. */
export function counts(samples: readonly Sample[], d: DecisionSettings) {
  const right = zero();
  const wrong = zero();
  let reached = 0;
  for (const x of samples) {
    const decision = decide(x.ranking, d);
    if (decision.kind === 'answer') (x.ok(decision.best.entry.id) ? right : wrong)[x.from]++;
    if (x.from === 'negative' && decision.kind !== 'none') reached++;
  }
  return { right, wrong, reached };
}
