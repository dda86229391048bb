import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LlmConfig } from '../../src/config.js';
import { createLlmClient } from '../../src/llm/client.js';
import { draftAnswer, type DraftResult } from '../../src/llm/draft.js';
import { LINK_REMOVED } from '../../src/llm/sanitize.js';
import { DEFAULT_USAGE, startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.js';
import { captureLogger, CHANGE_JOBS, llmConfig, RESIDENCE_CARD, SOURCES, type CapturedLogger } from './helpers.js';

const QUESTION = 'I changed jobs last week. Do I have to tell immigration?';
const usage = { promptTokens: 321, completionTokens: 45, totalTokens: 366 };

let fake: FakeOpenAI;
let log: CapturedLogger;
beforeEach(async () => {
  fake = await startFakeOpenAI();
  log = captureLogger();
});
afterEach(async () => {
  await fake.close();
});

function draft(overrides: Partial<LlmConfig> = {}, extra: { question?: string; deadlineMs?: number } = {}): Promise<DraftResult> {
  const config = llmConfig(fake.baseURL, overrides);
  return draftAnswer(
    { question: extra.question ?? QUESTION, entries: [CHANGE_JOBS, RESIDENCE_CARD], sources: SOURCES },
    {
      client: createLlmClient(config, log.logger),
      model: config.model,
      maxOutputTokens: config.maxOutputTokens,
      logger: log.logger,
      deadlineMs: extra.deadlineMs,
    },
  );
}

const grounded = {
  answer: 'Yes: notify immigration within **14 days**. File online at https://www.ras-immigration.moj.go.jp/.',
  cited_ids: [CHANGE_JOBS.id],
  context_sufficient: true,
};

describe('draftAnswer against a fake OpenAI server (real SDK over HTTP)', () => {
  it('returns a grounded answer with its valid citations and logs token usage', async () => {
    fake.enqueue({ kind: 'json', content: grounded });
    const result = await draft();
    expect(result).toEqual({ kind: 'drafted', answer: grounded.answer, citedIds: [CHANGE_JOBS.id], usage });
    const line = log.lines().find((l) => l.event === 'llm_draft');
    expect(line).toMatchObject({
      model: 'fake-model',
      contextIds: [CHANGE_JOBS.id, RESIDENCE_CARD.id],
      outcome: 'drafted',
      promptTokens: DEFAULT_USAGE.prompt_tokens,
      completionTokens: DEFAULT_USAGE.completion_tokens,
      totalTokens: DEFAULT_USAGE.total_tokens,
    });
    expect(typeof line?.latencyMs).toBe('number');
  });

  it('sanitizes the drafted text: no ping, no link outside the cited entries', async () => {
    fake.enqueue({
      kind: 'json',
      content: {
        ...grounded,
        answer:
          '@everyone notify within 14 days at https://www.ras-immigration.moj.go.jp/ — not [here](https://evil.example/x), nor https://www.example-city.lg.jp/moving',
      },
    });
    const result = await draft();
    expect(result.kind).toBe('drafted');
    if (result.kind !== 'drafted') return;
    expect(result.answer).not.toContain('@everyone');
    expect(result.answer).toContain('https://www.ras-immigration.moj.go.jp/');
    expect(result.answer).not.toContain('evil.example');
    // The city-office link belongs to an entry that was in the context but was not cited.
    expect(result.answer).not.toContain('example-city');
    expect(result.answer).toContain(LINK_REMOVED);
  });

  it('discards a draft citing an entry that was not in the context', async () => {
    fake.enqueue({ kind: 'json', content: { ...grounded, cited_ids: [CHANGE_JOBS.id, 'pension-lump-sum'] } });
    expect(await draft()).toEqual({ kind: 'failed', reason: 'invalid-citation', usage });
  });

  it('discards a draft that claims sufficiency without citing anything', async () => {
    fake.enqueue({ kind: 'json', content: { ...grounded, cited_ids: [] } });
    expect(await draft()).toMatchObject({ kind: 'failed', reason: 'invalid-citation' });
  });

  it('turns an insufficient-context reply into "insufficient", whatever the answer text says', async () => {
    fake.enqueue({ kind: 'json', content: { answer: 'Probably you should just guess.', cited_ids: [], context_sufficient: false } });
    expect(await draft()).toEqual({ kind: 'insufficient', usage });
    expect(log.lines().find((l) => l.event === 'llm_draft')).toMatchObject({ outcome: 'insufficient', totalTokens: 366 });
  });

  it('reports malformed JSON and non-JSON text as malformed', async () => {
    fake.enqueue({ kind: 'text', content: '{"answer": "Notify within 14 days", "cited_ids": [' });
    expect(await draft()).toMatchObject({ kind: 'failed', reason: 'malformed' });
    fake.enqueue({ kind: 'text', content: 'Sure! You need to notify immigration within 14 days.' });
    expect(await draft()).toMatchObject({ kind: 'failed', reason: 'malformed' });
    fake.enqueue({ kind: 'json', content: { answer: 'x', cited_ids: 'changing-jobs-notification', context_sufficient: true } });
    expect(await draft()).toMatchObject({ kind: 'failed', reason: 'malformed' });
  });

  it('accepts plain JSON content without usage, as some local servers send', async () => {
    fake.enqueue({ kind: 'text', content: '```json\n' + JSON.stringify(grounded) + '\n```', usage: null });
    expect(await draft()).toEqual({ kind: 'drafted', answer: grounded.answer, citedIds: [CHANGE_JOBS.id], usage: undefined });
  });

  it('maps a refusal and finish_reason "length" to failures', async () => {
    fake.enqueue({ kind: 'refusal', refusal: "I can't help with that." }, { kind: 'length' });
    expect(await draft()).toMatchObject({ kind: 'failed', reason: 'refusal' });
    expect(await draft()).toMatchObject({ kind: 'failed', reason: 'truncated' });
  });

  it('times out when the server is too slow (per-request timeout, no retry)', async () => {
    fake.enqueue({ kind: 'json', content: grounded, delayMs: 2_000 });
    const started = Date.now();
    expect(await draft({ timeoutMs: 300, maxRetries: 0 })).toEqual({ kind: 'failed', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(fake.requests).toHaveLength(1);
  });

  it('times out at the overall deadline even when the client timeout is long', async () => {
    fake.enqueue({ kind: 'json', content: grounded, delayMs: 3_000 });
    const started = Date.now();
    expect(await draft({ timeoutMs: 10_000 }, { deadlineMs: 300 })).toEqual({ kind: 'failed', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('retries a 500 and succeeds', async () => {
    fake.enqueue({ kind: 'status', status: 500 }, { kind: 'json', content: grounded });
    expect(await draft({ maxRetries: 1 })).toMatchObject({ kind: 'drafted', citedIds: [CHANGE_JOBS.id] });
    expect(fake.requests.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
  });

  it('gives "server-error" when every attempt gets a 5xx', async () => {
    fake.enqueue({ kind: 'status', status: 503 }, { kind: 'status', status: 502 });
    expect(await draft({ maxRetries: 1 })).toEqual({ kind: 'failed', reason: 'server-error' });
    expect(fake.pending()).toBe(0);
  });

  it('gives "rate-limited" once retries on 429 are exhausted', async () => {
    const tooMany = { kind: 'status', status: 429, headers: { 'retry-after': '0' } } as const;
    fake.enqueue(tooMany, tooMany);
    expect(await draft({ maxRetries: 1 })).toEqual({ kind: 'failed', reason: 'rate-limited' });
    expect(fake.requests).toHaveLength(2);
  });

  it('does not wait out a long retry-after: one request, rate-limited at once', async () => {
    fake.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '3600' } });
    const started = Date.now();
    expect(await draft({ maxRetries: 2 })).toEqual({ kind: 'failed', reason: 'rate-limited' });
    expect(fake.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives "auth" on 401 without retrying, and logs no key', async () => {
    fake.enqueue({ kind: 'status', status: 401, body: { error: { message: 'Incorrect API key provided', code: 'invalid_api_key' } } });
    expect(await draft({ maxRetries: 2 })).toEqual({ kind: 'failed', reason: 'auth' });
    expect(fake.requests).toHaveLength(1);
    expect(log.lines().find((l) => l.event === 'llm_draft')).toMatchObject({ level: 50, outcome: 'failed', reason: 'auth', status: 401 });
    expect(log.text()).not.toContain('sk-test-SECRET');
  });

  it('gives "server-error" when nothing listens at the base URL', async () => {
    await fake.close();
    expect(await draft()).toEqual({ kind: 'failed', reason: 'server-error' });
    fake = await startFakeOpenAI();
  });

  it('makes no call when there is no context entry and answers "insufficient"', async () => {
    const config = llmConfig(fake.baseURL);
    const result = await draftAnswer(
      { question: QUESTION, entries: [] },
      { client: createLlmClient(config, log.logger), model: config.model, maxOutputTokens: 100, logger: log.logger },
    );
    expect(result).toEqual({ kind: 'insufficient', usage: undefined });
    expect(fake.requests).toHaveLength(0);
  });

  it('never logs the question text', async () => {
    fake.enqueue({ kind: 'json', content: grounded });
    await draft();
    expect(log.lines().filter((l) => l.event === 'llm_draft')).toHaveLength(1);
    expect(log.text()).not.toContain('changed jobs last week');
  });
});
