import { describe, expect, it } from 'vitest';
import { combine, decide } from '../../src/answer/decision.js';
import { viewsPicking } from '../../src/answer/ranker.js';
import { DECISION, entry } from '../support/decision.js';

/** The decision as a plain function over hand-made rankings: when the best entry has clearly won. */
const ENTRIES = [entry('ask-raise'), entry('nomikai')];

describe('the margin the best entry needs depends on how many views agree on it', () => {
  const ranking = (second: number, agreement: number, unknownShare = 0, known = 3) => ({
    hits: [
      { entry: ENTRIES[0]!, score: 0.8, best: 0.8, coverage: 1 },
      { entry: ENTRIES[1]!, score: second, best: second, coverage: 1 },
    ],
    unknownShare,
    agreement,
    known,
  });
  it.each([
    [0.77, 4, 'close'],
    [0.74, 4, 'answer'],
    [0.7, 3, 'close'],
    [0.6, 3, 'answer'],
    [0.2, 2, 'close'],
  ])('GIVEN a runner-up at %s and %s views agreeing THEN %s', (second, agreement, kind) => {
    expect(decide(ranking(second, agreement), DECISION).kind).toBe(kind);
  });
  it('GIVEN only one view picking the best entry THEN it is answered only with the one-view margin; none picking it: never', () => {
    const oneView = { ...DECISION, answer: { ...DECISION.answer, minMargin: { ...DECISION.answer.minMargin, oneView: 0.3 } } };
    expect(decide(ranking(0.4, 1), oneView).kind).toBe('answer');
    expect(decide(ranking(0.6, 1), oneView).kind).toBe('close');
    expect(decide(ranking(0.4, 1), DECISION).kind).toBe('close');
    expect(decide(ranking(0, 0), oneView).kind).toBe('close');
  });
  it('GIVEN an answer that beats its runner-up by less than nearTie THEN it is a near tie: still answered, with both close entries for the LLM fallback', () => {
    const nearTie = { ...DECISION, answer: { ...DECISION.answer, nearTie: 0.1 } };
    const tie = decide(ranking(0.74, 4), nearTie);
    expect(tie.kind).toBe('answer');
    expect(tie.kind === 'answer' && tie.close.map((h) => h.entry.id)).toEqual([ENTRIES[0]!.id, ENTRIES[1]!.id]);
    const clear = decide(ranking(0.6, 4), nearTie);
    expect(clear.kind === 'answer' && clear.close).toEqual([]);
    // A runner-up too far below to count as close (under closeShare of the best): no near tie, whatever the margin.
    const lone = decide(ranking(0.74, 4), {
      ...nearTie,
      answer: { ...nearTie.answer, nearTie: 0.5 },
      suggest: { ...nearTie.suggest, closeShare: 0.99 },
    });
    expect(lone.kind === 'answer' && lone.close).toEqual([]);
  });
  it('GIVEN a view that ties the best entry with an earlier one THEN that view still counts as agreeing; a blank view never does', () => {
    const words = [0.5, 0.9, 0.2];
    const coverageTie = [1, 1, 0.5];
    const blank = [0, 0, 0];
    expect(viewsPicking([words, coverageTie, blank], 1)).toBe(2);
    expect(viewsPicking([words, coverageTie, blank], 0)).toBe(1);
    expect(viewsPicking([words, coverageTie, blank], 2)).toBe(0);
  });
  it('GIVEN a clear winner that covers too little of the question (minCoverage) THEN it is not answered, at most suggested', () => {
    const thin = (coverage: number) => ({
      ...ranking(0.2, 4),
      hits: ranking(0.2, 4).hits.map((h, i) => (i === 0 ? { ...h, coverage } : h)),
    });
    const gated = { ...DECISION, answer: { ...DECISION.answer, minCoverage: 0.25 } };
    expect(decide(thin(0.2), gated).kind).toBe('close');
    expect(decide(thin(0.3), gated).kind).toBe('answer');
    expect(decide(thin(0.2), DECISION).kind).toBe('answer');
  });
  it('GIVEN a long message (many known words) whose best entry wins clearly at a low score THEN the long-message floor answers it; a shorter one at that score is not', () => {
    const long = {
      ...DECISION,
      answer: {
        ...DECISION.answer,
        minScore: 0.4,
        longMessage: [
          { minKnownWords: 11, minScore: 0.38 },
          { minKnownWords: 15, minScore: 0.34 },
        ],
      },
    };
    const lowScore = (known: number, score = 0.36) => ({
      hits: [
        { entry: ENTRIES[0]!, score, best: 0.5, coverage: 0.5 },
        { entry: ENTRIES[1]!, score: 0.1, best: 0.1, coverage: 0.1 },
      ],
      unknownShare: 0,
      agreement: 3,
      known,
    });
    expect(decide(lowScore(16), long).kind).toBe('answer');
    expect(decide(lowScore(10), long).kind).toBe('close');
    expect(decide(lowScore(16, 0.32), long).kind).toBe('close'); // under the long-message floor too
    expect(decide(lowScore(12, 0.385), long).kind).toBe('answer'); // the first tier: 11 words, 0.38
    expect(decide(lowScore(12, 0.36), long).kind).toBe('close'); // 0.34 only from 15 words
  });
  it('GIVEN a long message under the suggestion floor THEN the long-message suggestion floor makes it close (suggestions, the LLM), never an answer; a shorter one stays declined', () => {
    const gated = { ...DECISION, suggest: { ...DECISION.suggest, minScore: 0.38 } };
    const long = { ...gated, suggest: { ...gated.suggest, longMessage: [{ minKnownWords: 15, minScore: 0.34 }] } };
    // Two views on the best entry and a small lead: never an answer; under the usual suggestion floor (0.38).
    const lowScore = (known: number, score = 0.35, unknownShare = 0) => ({
      hits: [
        { entry: ENTRIES[0]!, score, best: 0.5, coverage: 0.5 },
        { entry: ENTRIES[1]!, score: 0.3, best: 0.3, coverage: 0.3 },
      ],
      unknownShare,
      agreement: 2,
      known,
    });
    expect(decide(lowScore(16), gated)).toEqual({ kind: 'none' });
    const d = decide(lowScore(16), long);
    expect(d.kind).toBe('close');
    expect(d.kind === 'close' && d.close.map((h) => h.entry.id)).toEqual(['ask-raise', 'nomikai']);
    expect(d.kind === 'close' && d.margin).toBeCloseTo(0.05);
    expect(decide(lowScore(12), long)).toEqual({ kind: 'none' }); // under 15 known words
    expect(decide(lowScore(16, 0.33), long)).toEqual({ kind: 'none' }); // under the long floor too
    expect(decide(lowScore(16, 0.35, 0.6), long)).toEqual({ kind: 'none' }); // the other gates hold
  });
  it('GIVEN a long message whose asked sentence would answer only once the whole is close THEN the long-message suggestion floor does not let it answer', () => {
    const long = { ...DECISION, suggest: { ...DECISION.suggest, minScore: 0.38, longMessage: [{ minKnownWords: 15, minScore: 0.3 }] } };
    const whole = {
      hits: [
        { entry: ENTRIES[0]!, score: 0.32, best: 0.5, coverage: 0.3 },
        { entry: ENTRIES[1]!, score: 0.2, best: 0.2, coverage: 0.2 },
      ],
      unknownShare: 0,
      agreement: 2,
      known: 20,
    };
    const sentence = {
      ...whole,
      hits: [
        { ...whole.hits[0]!, score: 0.9 },
        { ...whole.hits[1]!, score: 0.1 },
      ],
      agreement: 4,
      known: 4,
    };
    // Without the floor the whole is declined outright and its sentence never read (coverage under asked.minCoverage).
    expect(decide({ ...whole, asked: () => sentence }, { ...long, suggest: { ...long.suggest, longMessage: undefined } }).kind).toBe(
      'none',
    );
    expect(decide({ ...whole, asked: () => sentence }, long).kind).toBe('close');
  });
  it('GIVEN most of the question in words no phrasing uses THEN nothing is suggested', () => {
    expect(decide(ranking(0.2, 4, 0.9), DECISION)).toEqual({ kind: 'none' });
  });
  it('GIVEN three views agreeing on a question whose words are nearly all known THEN a smaller margin and score suffice', () => {
    const eased = { ...DECISION, answer: { ...DECISION.answer, wellKnown: { maxUnknownShare: 0.2, minScore: 0.3, threeViews: 0.08 } } };
    expect(decide(ranking(0.7, 3, 0.1), eased).kind).toBe('answer');
    expect(decide(ranking(0.7, 3, 0.3), eased).kind).toBe('close');
    expect(decide(ranking(0.7, 3, 0.1), DECISION).kind).toBe('close');
    expect(decide(ranking(0.75, 3, 0.1), eased).kind).toBe('close');
    expect(decide(ranking(0.7, 2, 0.1), eased).kind).toBe('close');
  });
  it('GIVEN a question of one known word THEN it gets suggestions, not an answer, however clear the winner', () => {
    expect(decide(ranking(0, 4, 0, 1), DECISION).kind).toBe('close');
    expect(decide(ranking(0, 4, 0, 2), DECISION).kind).toBe('answer');
  });
  it('GIVEN no known word that names a subject (known 0: only single-kanji verb stems) THEN declined without suggestions', () => {
    expect(decide(ranking(0, 4, 0, 0), DECISION)).toEqual({ kind: 'none' });
  });
  it('GIVEN all four views on the best entry, a clear lead and few unknown words THEN a lower score suffices (clearWin); any of the three missing: not', () => {
    const lowScore = (agreement: number, runnerUp: number, unknownShare: number) => ({
      hits: [
        { entry: ENTRIES[0]!, score: 0.32, best: 0.32, coverage: 1 },
        { entry: ENTRIES[1]!, score: runnerUp, best: runnerUp, coverage: 1 },
      ],
      unknownShare,
      agreement,
      known: 3,
    });
    const clearWin = { ...DECISION, answer: { ...DECISION.answer, clearWin: { minScore: 0.3, minMargin: 0.1, maxUnknownShare: 0.1 } } };
    const answered = decide(lowScore(4, 0.2, 0.1), clearWin);
    expect(answered.kind === 'answer' && answered.best.entry.id).toBe('ask-raise');
    expect(decide(lowScore(4, 0.2, 0.1), DECISION).kind).toBe('close'); // under DECISION's minScore of 0.35
    expect(decide(lowScore(3, 0.1, 0), clearWin).kind).toBe('close'); // three views, however clear the lead
    expect(decide(lowScore(4, 0.25, 0), clearWin).kind).toBe('close'); // a lead of 0.07
    expect(decide(lowScore(4, 0.2, 0.2), clearWin).kind).toBe('close'); // a fifth of the question unknown
  });
  it('GIVEN a best score under minScore THEN it is not answered, however clear the margin', () => {
    const low = { ...ranking(0, 4), hits: [{ entry: ENTRIES[0]!, score: 0.3, best: 0.3, coverage: 1 }] };
    expect(decide(low, DECISION).kind).toBe('close');
  });
});

describe('a message of several sentences: the sentence it asks in may settle what its whole leaves undecided', () => {
  const [raise, nomikai] = ENTRIES as [ReturnType<typeof entry>, ReturnType<typeof entry>];
  const ranked = (first: typeof raise, score: number, second: typeof raise, runnerUp: number, agreement = 4, known = 3, coverage = 1) => ({
    hits: [
      { entry: first, score, best: score, coverage },
      { entry: second, score: runnerUp, best: runnerUp, coverage },
    ],
    unknownShare: 0,
    agreement,
    known,
  });
  // The whole message: ask-raise first but by too little (context blurs it); inside the domain, so it is close.
  const whole = ranked(raise, 0.5, nomikai, 0.48);

  it('GIVEN the asked sentence alone clearly picks the entry the whole ranks first THEN it is answered from that entry', () => {
    const d = decide({ ...whole, asked: () => ranked(raise, 0.7, nomikai, 0.3) }, DECISION);
    expect(d.kind).toBe('answer');
    expect(d.kind === 'answer' && d.best.entry.id).toBe('ask-raise');
    expect(decide(whole, DECISION).kind).toBe('close');
  });

  it('GIVEN the asked sentence alone picks another entry THEN the whole stays close: the sentence cannot bring in a new entry', () => {
    expect(decide({ ...whole, asked: () => ranked(nomikai, 0.7, raise, 0.3) }, DECISION).kind).toBe('close');
  });

  it('GIVEN the asked sentence alone is not a clear win either THEN the whole stays close', () => {
    expect(decide({ ...whole, asked: () => ranked(raise, 0.6, nomikai, 0.58) }, DECISION).kind).toBe('close');
  });

  it('GIVEN a whole message outside the domain (nothing to suggest, little of it about the best entry) THEN its asked sentence is never read', () => {
    let read = false;
    // "is climbing fuji in mid september too late? trails still open?": a short sentence matches something anywhere.
    const outside = { ...ranked(raise, 0.2, nomikai, 0.1, 4, 3, 0.3), asked: () => ((read = true), ranked(raise, 0.9, nomikai, 0.1)) };
    expect(decide(outside, DECISION).kind).toBe('none');
    expect(read).toBe(false);
  });

  it('GIVEN a whole not even close but mostly about its best entry, and the sentence clearly picking it THEN both readings together answer', () => {
    const context = ranked(raise, 0.2, nomikai, 0.15, 3, 3, 0.6);
    expect(decide(context, DECISION).kind).toBe('none');
    const d = decide({ ...context, asked: () => ranked(raise, 0.9, nomikai, 0.1) }, DECISION);
    // (0.2 + 0.9) / 2 = 0.55 against (0.15 + 0.1) / 2 = 0.125; as many views agree as in the surer reading (four).
    expect(d.kind === 'answer' && d.best.entry.id).toBe('ask-raise');
    expect(d.kind === 'answer' && d.best.score).toBeCloseTo(0.55);
    expect(d.kind === 'answer' && d.margin).toBeCloseTo(0.425);
    const stricter = { ...DECISION, answer: { ...DECISION.answer, minMargin: { ...DECISION.answer.minMargin, fourViews: 0.5 } } };
    expect(decide({ ...context, asked: () => ranked(raise, 0.9, nomikai, 0.1) }, stricter).kind).toBe('none');
  });

  it('GIVEN a sentence too short to answer alone (one known word) THEN the words of the whole message let both readings together answer', () => {
    const d = decide({ ...whole, asked: () => ranked(raise, 0.7, nomikai, 0.1, 4, 1) }, DECISION);
    expect(d.kind === 'answer' && d.best.entry.id).toBe('ask-raise');
    const otherEntry = decide({ ...whole, asked: () => ranked(nomikai, 0.7, raise, 0.1, 4, 1) }, DECISION);
    expect(otherEntry.kind).toBe('close');
  });

  it('combines two readings by averaging the scores of each entry with the weight of the sentence, best first', () => {
    const both = combine(ranked(raise, 0.5, nomikai, 0.3, 2), ranked(raise, 0.9, nomikai, 0.6, 4), 0.25);
    expect(both.hits.map((h) => [h.entry.id, Math.round(h.score * 1000) / 1000])).toEqual([
      ['ask-raise', 0.6],
      ['nomikai', 0.375],
    ]);
    expect(both.agreement).toBe(4);
  });

  it('GIVEN a whole message that already clearly wins THEN it answers as before, whatever its sentence says', () => {
    const clear = { ...ranked(raise, 0.8, nomikai, 0.5), asked: () => ranked(nomikai, 0.9, raise, 0.1) };
    const d = decide(clear, DECISION);
    expect(d.kind === 'answer' && d.best.entry.id).toBe('ask-raise');
  });
});
