import type { DecisionSettings } from '../../src/answer/decision.js';
import type { Entry } from '../../src/kb/schema.js';

/** A hand-made entry for the ranker and decision tests (independent of the curated knowledge base). */
export const entry = (id: string, title = id, keywords: string[] = [], questions: string[] = [], answer = ''): Entry => ({
  id,
  title,
  topic: 't',
  keywords,
  questions,
  answer,
  guides: ['g#s'],
  facts: [],
  sources: [],
  related: [],
  formerly: [],
  reviewed: '2026-11-26',
  file: `${id}.md`,
});

/** Decision thresholds for those tests: four views need 0.05, three 0.15, fewer are never answered; no near ties. */
export const DECISION: DecisionSettings = {
  answer: {
    minScore: 0.35,
    minMargin: { fourViews: 0.05, threeViews: 0.15, twoViews: 1, oneView: 1 },
    maxUnknownShare: 0.5,
    minKnownWords: 2,
    minCoverage: 0,
    wellKnown: { maxUnknownShare: 0, minScore: 1, threeViews: 1 },
    clearWin: { minScore: 1, minMargin: 1, maxUnknownShare: 0 },
    longMessage: [],
    nearTie: 0,
  },
  suggest: { minScore: 0.25, minCoverage: 0, maxUnknownShare: 0.5, closeShare: 0.7 },
  asked: { weight: 0.5, minCoverage: 0.5 },
};
