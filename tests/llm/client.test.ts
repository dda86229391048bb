import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capRetryAfter, createLlmClient, defaultDeadlineMs, retryAfterMs, tokenLimitField } from '../../src/llm/client.js';
import { captureLogger, llmConfig } from './helpers.js';

describe('createLlmClient', () => {
  it('builds the SDK client from config only', () => {
    const client = createLlmClient(llmConfig('http://127.0.0.1:1/v1', { timeoutMs: 1234, maxRetries: 3 }), captureLogger().logger);
    expect(client.baseURL).toBe('http://127.0.0.1:1/v1');
    expect(client.timeout).toBe(1234);
    expect(client.maxRetries).toBe(3);
    expect(client.organization).toBeNull();
    expect(client.project).toBeNull();
  });

  it('defaults to the OpenAI API when no base URL is configured', () => {
    const client = createLlmClient(llmConfig('x', { baseURL: undefined }), captureLogger().logger);
    expect(client.baseURL).toBe('https://api.openai.com/v1');
  });
});

describe('helpers', () => {
  it('chooses max_completion_tokens for OpenAI and max_tokens for local servers', () => {
    expect(tokenLimitField('https://api.openai.com/v1')).toBe('max_completion_tokens');
    expect(tokenLimitField('http://localhost:11434/v1')).toBe('max_tokens');
    expect(tokenLimitField('not a url')).toBe('max_tokens');
  });

  it('bounds the default deadline by timeout × attempts plus back-off', () => {
    expect(defaultDeadlineMs({ timeout: 15_000, maxRetries: 0 })).toBe(15_000);
    expect(defaultDeadlineMs({ timeout: 15_000, maxRetries: 2 })).toBe(61_000);
  });

  it('reads retry-after-ms, retry-after seconds and HTTP dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6_000);
    expect(retryAfterMs(new Headers())).toBeUndefined();
  });

  it('marks a long retry-after as not retryable and leaves short ones alone', async () => {
    const reply = (status: number, retryAfter: string) => () =>
      Promise.resolve(new Response('{}', { status, headers: { 'retry-after': retryAfter } }));
    const long = await capRetryAfter(reply(429, '60'), 5_000)('http://x');
    expect(long.headers.get('x-should-retry')).toBe('false');
    expect(long.status).toBe(429);
    expect((await capRetryAfter(reply(429, '1'), 5_000)('http://x')).headers.get('x-should-retry')).toBeNull();
    expect((await capRetryAfter(reply(200, '60'), 5_000)('http://x')).headers.get('x-should-retry')).toBeNull();
  });
});

async function tsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.ts') ? [join(dir, e.name)] : []))),
  );
  return nested.flat();
}

describe('loading', () => {
  it('no code outside src/llm imports src/llm statically (it is loaded with import() only when configured)', async () => {
    const src = join(import.meta.dirname, '../../src');
    const offenders: string[] = [];
    for (const file of await tsFiles(src)) {
      const rel = relative(src, file);
      if (rel.startsWith('llm')) continue;
      const text = await readFile(file, 'utf8');
      // `import type` is erased at compile time and loads nothing.
      if (/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+['"][./]*(?:\.\.\/)*llm\//m.test(text)) offenders.push(rel);
    }
    expect(offenders).toEqual([]);
  });

  it('src/llm never reads process.env', async () => {
    const dir = join(import.meta.dirname, '../../src/llm');
    for (const file of await tsFiles(dir)) expect(await readFile(file, 'utf8'), file).not.toMatch(/process\.env/);
  });
});
