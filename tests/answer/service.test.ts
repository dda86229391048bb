import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine, type AnswerEngine } from '../../src/answer/engine.js';
import { createAskService, type Drafter, type DraftOutcome } from '../../src/answer/service.js';
import { answerJson as toJson } from '../../src/cli/render.js';
import { realKnowledgeBase } from '../support/kb.js';
import { memoryLogger } from '../support/logger.js';
import { NEAR_TIE_QUESTION, NO_WINNER_QUESTION } from '../support/questions.js';

/** The label of AI drafts in knowledge/replies.yaml. */
const AI_LABEL = 'AI-drafted from the guides — check the sources';

let engine: AnswerEngine;
beforeAll(async () => {
  engine = createAnswerEngine(await realKnowledgeBase());
});

/** A hand-made drafter that answers with a scripted outcome and records what it was asked. */
function scripted(outcome: DraftOutcome) {
  const calls: { question: string; ids: string[] }[] = [];
  const events: string[] = [];
  const drafter: Drafter = {
    draft(question, candidates) {
      events.push('draft');
      calls.push({ question, ids: candidates.map((c) => c.entry.id) });
      return Promise.resolve(outcome);
    },
  };
  const service = createAskService({ engine, logger: memoryLogger('silent').logger, drafter });
  const ask = (q: string) => service.ask(q, { origin: 'slash' }, { beforeDraft: () => Promise.resolve(void events.push('defer')) });
  return { calls, events, ask };
}

const UNCONFIDENT = NO_WINNER_QUESTION;
const NEAR_TIE = NEAR_TIE_QUESTION;

describe('ask service with the LLM fallback', () => {
  it('GIVEN search is not confident THEN defers, then drafts from the best entries; the answer is labelled with the cited sources', async () => {
    expect(engine.answer(UNCONFIDENT).answered).toBe(false);
    const s = scripted({ kind: 'drafted', answer: 'Keep an eye on the market while you wait.', citedIds: ['never-stop-job-hunting'] });
    const r = await s.ask(UNCONFIDENT);
    expect(s.events).toEqual(['defer', 'draft']);
    expect(s.calls[0]!.ids).toEqual(expect.arrayContaining(['how-to-ask-for-promotion', 'never-stop-job-hunting']));
    expect(r.ok && r.view).toMatchObject({ answered: true, mode: 'llm', label: AI_LABEL, entryIds: ['never-stop-job-hunting'] });
    const json = toJson(r.ok ? r.view : (undefined as never), engine.kb);
    expect(json.mode).toBe('llm');
    expect(json.text).toContain(AI_LABEL);
    expect(json.sources.map((s) => s.id)).toEqual(['never-stop-job-hunting']);
  });

  it('GIVEN search is confident THEN the model is never called', async () => {
    const s = scripted({ kind: 'insufficient' });
    const r = await s.ask('how do I ask for a raise without seeming pushy?');
    expect(s.calls).toEqual([]);
    expect(r.ok && r.view.mode).toBe('knowledge');
  });

  it('GIVEN an off-topic question with no related entry THEN the model is not called', async () => {
    const s = scripted({ kind: 'insufficient' });
    const r = await s.ask('how do I set up Kubernetes on my laptop');
    expect(s.calls).toEqual([]);
    expect(r.ok && r.view.mode).toBe('none');
  });

  it.each<[string, DraftOutcome]>([
    ['insufficient context', { kind: 'insufficient' }],
    ['a timeout', { kind: 'unavailable', reason: 'timeout' }],
    ['the daily limit', { kind: 'unavailable', reason: 'rate-limited' }],
  ])('GIVEN %s THEN the member gets the honest no-answer with suggestions, never an error', async (_, outcome) => {
    const r = await scripted(outcome).ask(UNCONFIDENT);
    expect(r.ok).toBe(true);
    expect(r.ok && r.view).toMatchObject({ answered: false, mode: 'none', title: 'Not in my guides' });
    expect(r.ok && r.view.related.map((e) => e.id)).toContain('never-stop-job-hunting');
  });

  it('GIVEN a near tie (one entry wins only narrowly) THEN it drafts from both close entries instead of answering', async () => {
    expect(engine.answer(NEAR_TIE)).toMatchObject({ answered: true, entry: { id: 'permanent-residency-requirements' } });
    const s = scripted({ kind: 'drafted', answer: 'Ten years as a rule; with HSP points, one or three.', citedIds: ['pr-fast-track'] });
    const r = await s.ask(NEAR_TIE);
    expect(s.events).toEqual(['defer', 'draft']);
    expect(s.calls[0]!.ids).toEqual(['permanent-residency-requirements', 'pr-fast-track']);
    expect(r.ok && r.view).toMatchObject({ answered: true, mode: 'llm', entryIds: ['pr-fast-track'] });
  });

  it.each<[string, DraftOutcome]>([
    ['insufficient context', { kind: 'insufficient' }],
    ['a timeout', { kind: 'unavailable', reason: 'timeout' }],
  ])("GIVEN a near tie and %s THEN the member gets the best entry's answer, as without the fallback", async (_, outcome) => {
    const r = await scripted(outcome).ask(NEAR_TIE);
    expect(r.ok && r.view).toMatchObject({ answered: true, mode: 'knowledge', entryIds: ['permanent-residency-requirements'] });
    expect(r.ok && r.view.related.map((e) => e.id)[0]).toBe('pr-fast-track');
  });

  it('GIVEN a near tie asked where drafts are off (help-channel chatter) THEN the best entry answers and the model is not called', async () => {
    // A drafter that fails the ask if it is ever called.
    const drafter: Drafter = { draft: () => Promise.reject(new Error('the model was called')) };
    const service = createAskService({ engine, logger: memoryLogger('silent').logger, drafter });
    const r = await service.ask(NEAR_TIE, { origin: 'help-channel', allowDraft: false });
    expect(r.ok && r.view).toMatchObject({ answered: true, mode: 'knowledge', entryIds: ['permanent-residency-requirements'] });
  });
});

describe('a question declined outright', () => {
  it('GIVEN a kind of detail no entry gives, asked with the facts of a command THEN the command does not answer either: the honest no-answer', async () => {
    // N2, an ALT, "moving into" (a /career-path cue): the report would list careers, not the salary asked for.
    const q =
      "ALT with N2, thinking about moving into bilingual recruiting in tokyo. what's a typical starting salary there, in actual yen?";
    expect(engine.answer(q)).toMatchObject({ answered: false, outright: true, suggestions: [] });
    const service = createAskService({ engine, logger: memoryLogger('silent').logger });
    const reply = await service.ask(q, { origin: 'cli' });
    expect(reply.ok && reply.view.rules).toBeUndefined();
    expect(reply.ok && toJson(reply.view, engine.kb)).toMatchObject({ answered: false, mode: 'none' });
    // The same facts asked without the salary: the report answers.
    const asked = await service.ask('ALT with N2, thinking about moving into bilingual recruiting in tokyo. what are my options?', {
      origin: 'cli',
    });
    expect(asked.ok && toJson(asked.view, engine.kb)).toMatchObject({ mode: 'rules', command: 'career-path' });
  });
});
