import { describe, expect, it } from 'vitest';
import type { DecisionSettings } from '../../src/answer/decision.js';
import type { Ranking } from '../../src/answer/ranker.js';
import { DECISION, entry } from '../support/decision.js';
import { counts } from './budget.js';
import { calibrate } from './calibrate.js';
import type { Sample } from './samples.js';

const [right, other] = [entry('job-change-notification'), entry('change-of-status-needed')];

/** Three of four views agree and every word is known: a well-known question, eased to `wellKnown.threeViews`. */
const wellKnown = (score: number, margin: number): Ranking => ({
  hits: [
    { entry: right, score, best: score, coverage: 0.6 },
    { entry: other, score: score - margin, best: score - margin, coverage: 0.4 },
  ],
  unknownShare: 0,
  agreement: 3,
  known: 4,
});
const first = (ok: boolean, ranking: Ranking): Sample => ({ from: 'first', ok: (id) => ok && id === right.id, ranking, q: 'q' });

describe('calibrate (npm run calibrate)', () => {
  it('GIVEN only the well-known easing answers a first look wrongly THEN it re-chooses that easing and keeps every other threshold', () => {
    const today: DecisionSettings = {
      ...DECISION,
      answer: { ...DECISION.answer, minScore: 0.4, wellKnown: { maxUnknownShare: 0.2, minScore: 0.38, threeViews: 0.08 } },
    };
    const samples = [
      first(false, wellKnown(0.5, 0.09)), // answered wrongly today (0.09 ≥ 0.08): over the budget
      first(true, wellKnown(0.5, 0.12)),
      first(true, wellKnown(0.55, 0.2)),
    ];
    const chosen = calibrate(samples, today)!.d;
    expect(chosen.answer.wellKnown.threeViews).toBe(0.1);
    expect(chosen.answer.minScore).toBe(0.4);
    expect(chosen.answer.minMargin).toEqual(today.answer.minMargin);
    expect(chosen.suggest).toEqual(today.suggest);
  });

  it('GIVEN a long message that only the whole and its asked sentence read together answer, wrongly THEN the setting it chooses does not answer it', () => {
    // The whole: not even close (0.2), but mostly about its best entry (coverage 0.6); the sentence: a clear win. Read
    // together, 0.55 against 0.375 with four views: answered at any four-view margin calibrate tries (at most 0.1).
    const whole = (score: number, runnerUp: number, agreement: number, coverage: number): Ranking => ({
      hits: [
        { entry: right, score, best: score, coverage },
        { entry: other, score: runnerUp, best: runnerUp, coverage },
      ],
      unknownShare: 0,
      agreement,
      known: 4,
    });
    const combinedWrong = first(false, { ...whole(0.2, 0.15, 3, 0.6), asked: () => whole(0.9, 0.6, 4, 1) });
    const plainRight = first(true, whole(0.8, 0.5, 4, 1));
    const samples = [combinedWrong, plainRight];
    expect(counts(samples, DECISION).wrong.first).toBe(1); // the test's own thresholds answer it
    const chosen = calibrate(samples, DECISION)!.d;
    // Only a minimum score over 0.55 declines it (and keeps the plain question's answer): the search must count it.
    expect(counts(samples, chosen)).toMatchObject({ right: { first: 1 }, wrong: { first: 0 } });
    expect(chosen.answer.minScore).toBeGreaterThan(0.55);
  });

  it('GIVEN four-view clear wins under a score a three-view wrong answer shares THEN only the clear-win score is lowered for them', () => {
    const ranked = (score: number, runnerUp: number, agreement: number): Ranking => ({
      hits: [
        { entry: right, score, best: score, coverage: 1 },
        { entry: other, score: runnerUp, best: runnerUp, coverage: 1 },
      ],
      unknownShare: 0,
      agreement,
      known: 4,
    });
    // Right: all four views, a lead of 0.15, a score of 0.33. Wrong: three views, alone at 0.34 (answered by any
    // minimum score under 0.34, whatever the three-view margin).
    const samples = [first(true, ranked(0.33, 0.18, 4)), first(true, ranked(0.33, 0.18, 4)), first(false, ranked(0.34, 0, 3))];
    const chosen = calibrate(samples, DECISION)!.d;
    expect(counts(samples, chosen)).toMatchObject({ right: { first: 2 }, wrong: { first: 0 } });
    expect(chosen.answer.minScore).toBeGreaterThan(0.34);
    expect(chosen.answer.clearWin.minScore).toBeLessThanOrEqual(0.33);
    expect(chosen.answer.clearWin.minMargin).toBeLessThanOrEqual(0.15);
  });
});
