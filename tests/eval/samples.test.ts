import { describe, expect, it } from 'vitest';
import type { Ranking } from '../../src/answer/ranker.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import type { Entry } from '../../src/kb/schema.js';
import { DECISION as d, entry } from '../support/decision.js';
import { wrongAnswers, type Sample } from './samples.js';

const [visa, promo, pr] = [entry('job-change-notification'), entry('how-to-ask-for-promotion'), entry('pr-fast-track')];
const kb = { entries: [visa, promo, pr] } as unknown as KnowledgeBase;

/** With the four views agreeing, the test decision answers a best entry scoring 0.35+ that wins by 0.05+. */
const ranked = (first: Entry, score: number, second: Entry, next: number): Ranking => ({
  hits: [
    { entry: first, score, best: score, coverage: 0.5 },
    { entry: second, score: next, best: next, coverage: 0.3 },
  ],
  unknownShare: 0,
  agreement: 4,
  known: 3,
});
const phrasing = (own: Entry, q: string, ranking: Ranking): Sample => ({ from: 'fold', ok: (id) => id === own.id, ranking, q });

describe('wrongAnswers (npm run calibrate -- --verbose)', () => {
  it('GIVEN held-out phrasings THEN lists only those answered from another entry, grouped by the pair of entries', () => {
    const lines = wrongAnswers(
      kb,
      [
        phrasing(visa, 'do i tell immigration when i quit', ranked(visa, 0.7, promo, 0.2)), // right
        phrasing(pr, 'how fast can i get PR with 80 points', ranked(visa, 0.5, pr, 0.47)), // declined: margin 0.03
        phrasing(promo, 'when should i ask about moving up', ranked(visa, 0.62, promo, 0.3)), // wrong
        phrasing(pr, 'fast track permanent residency', ranked(promo, 0.55, pr, 0.2)), // wrong
        phrasing(promo, 'asking my boss for a raise in title', ranked(visa, 0.45, pr, 0.3)), // wrong, same pair as the first
      ],
      d,
    );
    expect(lines).toEqual([
      '  how-to-ask-for-promotion → job-change-notification  (0.62, margin 0.32): when should i ask about moving up',
      '  how-to-ask-for-promotion → job-change-notification  (0.45, margin 0.15): asking my boss for a raise in title',
      '  pr-fast-track → how-to-ask-for-promotion  (0.55, margin 0.35): fast track permanent residency',
    ]);
  });

  it('GIVEN every phrasing answered from its own entry or declined THEN lists nothing', () => {
    expect(wrongAnswers(kb, [phrasing(visa, 'q', ranked(visa, 0.9, pr, 0.1)), phrasing(pr, 'q', ranked(visa, 0.3, pr, 0.29))], d)).toEqual(
      [],
    );
  });
});
