import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerEngine, type AnswerEngine, type Hit } from '../../src/answer/engine.js';
import type { AskContext } from '../../src/answer/service.js';
import type { LlmConfig } from '../../src/config.js';
import { createLlmFallback, normalizeQuestion } from '../../src/llm/fallback.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { memoryStore } from '../../src/store/store.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.js';
import { realKnowledgeBase } from '../support/kb.js';
import { memoryLogger } from '../support/logger.js';
import { parsePrometheus } from '../support/prometheus.js';
import { API_KEY, llmConfig } from './helpers.js';
import { TWO_ENTRY_QUESTION } from '../support/questions.js';

let openai: FakeOpenAI;
let engine: AnswerEngine;
beforeAll(async () => {
  openai = await startFakeOpenAI();
  engine = createAnswerEngine(await realKnowledgeBase());
});
afterAll(async () => {
  await openai.close();
});
beforeEach(() => {
  openai.requests.length = 0;
});

const QUESTION = TWO_ENTRY_QUESTION;
/** The entries the ask service hands the drafter for a question whose top entries are close (the engine's own choice). */
const candidates = (q: string): Hit[] => engine.answer(q).candidates;
const grounded = (id = 'after-alt-it-tech') => ({
  kind: 'json' as const,
  content: { answer: 'IT support is a common first step out of teaching.', cited_ids: [id], context_sufficient: true },
});
const member: AskContext = { origin: 'slash', userId: '111111111111111111', guildId: '222222222222222222' };

function setup(overrides: Partial<LlmConfig> = {}, clock = { now: Date.UTC(2026, 10, 21, 12) }) {
  const logs = memoryLogger();
  const fallback = createLlmFallback(llmConfig(openai.baseURL, overrides), logs.logger, memoryStore(), { now: () => clock.now });
  return { drafter: fallback.forKnowledge(engine.kb), fallback, logs, clock };
}

describe('LLM fallback: cache', () => {
  it('GIVEN the same question again (other case and punctuation) THEN the cached draft answers and no second call is made', async () => {
    const { drafter, logs } = setup();
    openai.enqueue(grounded());
    const first = await drafter.draft(QUESTION, candidates(QUESTION), member);
    const second = await drafter.draft(`  ${QUESTION.toUpperCase()}?! `, candidates(QUESTION), member);
    expect(first).toEqual({ kind: 'drafted', answer: expect.any(String) as string, citedIds: ['after-alt-it-tech'] });
    expect(second).toEqual(first);
    expect(openai.requests).toHaveLength(1);
    expect(logs.lines().some((l) => l.cache === 'hit')).toBe(true);
  });

  it('GIVEN an insufficient-context reply THEN that is cached too', async () => {
    const { drafter } = setup();
    openai.enqueue({ kind: 'json', content: { answer: '', cited_ids: [], context_sufficient: false } });
    expect(await drafter.draft('what about smoking breaks', candidates(QUESTION), member)).toEqual({ kind: 'insufficient' });
    expect(await drafter.draft('What about smoking breaks?', candidates(QUESTION), member)).toEqual({ kind: 'insufficient' });
    expect(openai.requests).toHaveLength(1);
  });

  it('GIVEN a failed call THEN it is not cached and the next ask tries again', async () => {
    const { drafter } = setup();
    openai.enqueue({ kind: 'status', status: 500, body: { error: { message: 'boom' } } }, grounded());
    expect(await drafter.draft(QUESTION, candidates(QUESTION), member)).toEqual({ kind: 'unavailable', reason: 'server-error' });
    expect((await drafter.draft(QUESTION, candidates(QUESTION), member)).kind).toBe('drafted');
    expect(openai.requests).toHaveLength(2);
  });

  it('GIVEN a new knowledge-base version THEN the old draft is not reused', async () => {
    const { fallback } = setup();
    openai.enqueue(grounded(), grounded());
    await fallback.forKnowledge(engine.kb).draft(QUESTION, candidates(QUESTION), member);
    await fallback.forKnowledge({ ...engine.kb, version: 'changed' }).draft(QUESTION, candidates(QUESTION), member);
    expect(openai.requests).toHaveLength(2);
  });

  it('normalizes questions for the cache key', () => {
    expect(normalizeQuestion('  How do I ASK for a raise?? ')).toBe(normalizeQuestion('how do i ask for a raise'));
  });
});

describe('LLM fallback: limits', () => {
  it('GIVEN a member over the daily limit THEN no call is made, other members still get drafts, and the next day it resets', async () => {
    const { drafter, clock } = setup({ userLimitPerDay: 2, guildLimitPerDay: 100 });
    openai.enqueue(grounded(), grounded(), grounded(), grounded());
    const ask = (q: string, userId = member.userId) => drafter.draft(q, candidates(QUESTION), { ...member, userId });
    expect((await ask('smoking breaks one')).kind).toBe('drafted');
    expect((await ask('smoking breaks two')).kind).toBe('drafted');
    expect(await ask('smoking breaks three')).toEqual({ kind: 'unavailable', reason: 'rate-limited' });
    expect((await ask('smoking breaks three', '333333333333333333')).kind).toBe('drafted');
    clock.now += 24 * 60 * 60 * 1000;
    expect((await ask('smoking breaks four')).kind).toBe('drafted');
    expect(openai.requests).toHaveLength(4);
  });

  it('GIVEN a server over its daily limit THEN every member there is limited', async () => {
    const { drafter } = setup({ userLimitPerDay: 100, guildLimitPerDay: 1 });
    openai.enqueue(grounded());
    expect((await drafter.draft('smoking one', candidates(QUESTION), member)).kind).toBe('drafted');
    expect(await drafter.draft('smoking two', candidates(QUESTION), { ...member, userId: '444444444444444444' })).toEqual({
      kind: 'unavailable',
      reason: 'rate-limited',
    });
    expect(openai.requests).toHaveLength(1);
  });
});

describe('LLM fallback: what is sent', () => {
  it("carries the schema, the context and this question only: never the key, member ids or another member's question", async () => {
    const { drafter } = setup();
    openai.enqueue(grounded(), grounded());
    await drafter.draft('first member asks about SMOKING-BREAKS-ALPHA', candidates(QUESTION), member);
    await drafter.draft(QUESTION, candidates(QUESTION), { ...member, userId: '555555555555555555' });
    const second = openai.requests[1]!;
    const body = second.body as { response_format: { type: string }; messages: { content: string }[] };
    expect(body.response_format.type).toBe('json_schema');
    expect(second.raw).toContain('after-alt-it-tech');
    expect(second.raw).toContain('helpdesk back home');
    for (const secret of [API_KEY, 'SMOKING-BREAKS-ALPHA', member.userId!, member.guildId!, '555555555555555555'])
      expect(second.raw).not.toContain(secret);
  });
});

describe('LLM fallback: metrics', () => {
  it('GIVEN a draft, a cache hit, a refusal and a member over the limit THEN calls, tokens, cache lookups, refusals and skips are counted', async () => {
    const metrics = createMetrics();
    const fallback = createLlmFallback(llmConfig(openai.baseURL, { userLimitPerDay: 2 }), memoryLogger().logger, memoryStore(), {
      metrics,
    });
    const drafter = fallback.forKnowledge(engine.kb);
    openai.enqueue(grounded(), { kind: 'refusal', refusal: "I can't help with that." });
    await drafter.draft(QUESTION, candidates(QUESTION), member);
    await drafter.draft(QUESTION, candidates(QUESTION), member); // cache hit
    await drafter.draft('what about smoking breaks', candidates(QUESTION), member); // refused
    await drafter.draft('what about smoking areas', candidates(QUESTION), member); // over the member's limit of 2
    const e = parsePrometheus(await metrics.registry.metrics());
    expect(e.value('helpbot_llm_calls_total', { outcome: 'drafted' })).toBe(1);
    expect(e.value('helpbot_llm_calls_total', { outcome: 'refusal' })).toBe(1);
    expect(e.value('helpbot_llm_refusals_total')).toBe(1);
    expect(e.value('helpbot_llm_cache_lookups_total', { result: 'hit' })).toBe(1);
    expect(e.value('helpbot_llm_cache_lookups_total', { result: 'miss' })).toBe(3);
    expect(e.value('helpbot_llm_skipped_total', { reason: 'limit' })).toBe(1);
    expect(e.value('helpbot_llm_tokens_total', { kind: 'prompt' })).toBeGreaterThan(0);
    expect(e.value('helpbot_llm_tokens_total', { kind: 'completion' })).toBeGreaterThan(0);
  });
});
