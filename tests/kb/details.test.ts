import { describe, expect, it } from 'vitest';
import { detailGate } from '../../src/kb/details.js';
import { entry } from '../support/decision.js';

/** The kinds of detail a question asks for, against hand-made entries (independent of the curated knowledge base). */
const ASKS = [
  { name: 'a price', cues: ['\\bhow much (?:is|are) (?:the )?(?:fee|fees)', 'いくら'], signs: ['¥'] },
  { name: 'names', cues: ['\\bnames? please\\b'], signs: [] },
  { name: 'a comparison', lists: { firm: ['interac', 'a.b'] }, cues: ['\\b{firm}\\b[^?]*\\bbetter than\\b'], signs: [] },
  { name: 'a spouse visa', cues: ['\\bspouse visa\\b[^?]*\\brequirements\\b'], unless: '\\bpr\\b|永住', signs: [] },
];
const fees = entry('fees', 'Fees', [], [], 'A renewal costs ¥6,000.');
const renewal = entry('renewal', 'Renewing', [], [], 'Apply up to three months before your stay ends.');
const lacking = detailGate(ASKS, [fees, renewal]);

describe('details a question asks for (search.yaml asksFor)', () => {
  it('GIVEN a question that asks a price THEN only an entry whose answer shows one may answer it', () => {
    expect(lacking('how much is the fee for a renewal?', fees)).toEqual([]);
    expect(lacking('how much is the fee for a renewal?', renewal)).toEqual(['a price']);
    expect(lacking('更新の手数料はいくら？', renewal)).toEqual(['a price']);
  });
  it('GIVEN a kind of detail no entry gives (no signs) THEN no entry may answer it', () => {
    expect(lacking('good agencies for renewals? names please', fees)).toEqual(['names']);
    expect(lacking('good agencies for renewals? names please', renewal)).toEqual(['names']);
  });
  it('GIVEN a cue naming a word list THEN any of its words matches there, each as written (a dot is a dot)', () => {
    expect(lacking('is Interac better than my company?', fees)).toEqual(['a comparison']);
    expect(lacking('is a.b better than my company?', fees)).toEqual(['a comparison']);
    expect(lacking('is axb better than my company?', fees)).toEqual([]);
  });
  it("GIVEN a kind's cue in a question that also matches its `unless` THEN that kind is not asked for", () => {
    expect(lacking('spouse visa requirements and documents?', renewal)).toEqual(['a spouse visa']);
    expect(lacking("I'm on a spouse visa, what are the requirements for PR?", renewal)).toEqual([]);
  });
  it('GIVEN a question that asks for no such detail, or full-width punctuation around a cue THEN nothing is lacking where the entry gives it', () => {
    expect(lacking('when can I apply for a renewal?', renewal)).toEqual([]);
    expect(lacking('ＨＯＷ ＭＵＣＨ ＩＳ ＴＨＥ ＦＥＥ？', fees)).toEqual([]);
    expect(lacking('ＨＯＷ ＭＵＣＨ ＩＳ ＴＨＥ ＦＥＥ？', renewal)).toEqual(['a price']);
  });
});
