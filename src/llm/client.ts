import OpenAI from 'openai';
import type { LlmConfig } from '../config.js';
import type { Logger } from '../logger.js';

/**
 * The openai SDK obeys any `retry-after` a server sends, however long. A wait longer than this is not worth it for a
 * member who is waiting: the response is returned as it is (no retry), and the caller falls back to the knowledge base.
 */
export const MAX_HONOURED_RETRY_AFTER_MS = 5_000;
/** Upper bound of the SDK's own back-off between attempts (0.5 s doubling, capped at 8 s). */
const MAX_BACKOFF_MS = 8_000;

/** `retry-after-ms` or `retry-after` (seconds or an HTTP date), as the SDK reads them; undefined when absent. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(ms)) return ms;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  if (!Number.isNaN(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - now;
}

/** Wraps fetch so a retryable response asking for a long wait carries `x-should-retry: false`, which the SDK obeys. */
export function capRetryAfter(inner: typeof fetch, maxMs: number): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    if (res.status !== 429 && res.status < 500) return res;
    const wait = retryAfterMs(res.headers);
    if (wait === undefined || wait <= maxMs) return res;
    const headers = new Headers(res.headers);
    headers.set('x-should-retry', 'false');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
}

/** OpenAI's reasoning models reject `max_tokens`; local servers (Ollama, older llama.cpp) only read `max_tokens`. */
export function tokenLimitField(baseURL: string): 'max_tokens' | 'max_completion_tokens' {
  try {
    return new URL(baseURL).hostname === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens';
  } catch {
    return 'max_tokens';
  }
}

/** Worst case for one draft with the client's own timeout and retries: every attempt timing out, plus back-off. */
export function defaultDeadlineMs(client: Pick<OpenAI, 'timeout' | 'maxRetries'>): number {
  return client.timeout * (client.maxRetries + 1) + MAX_BACKOFF_MS * client.maxRetries;
}

function sdkLogger(logger: Logger) {
  const log = logger.child({ component: 'openai-sdk' });
  // The SDK logs (message, details); details can hold request headers, so only the message is kept.
  return {
    error: (message: string) => log.warn(message),
    warn: (message: string) => log.warn(message),
    info: (message: string) => log.debug(message),
    debug: (message: string) => log.debug(message),
  };
}

/**
 * Builds the SDK client from validated config. Nothing happens at import time and no connection is opened here.
 * Every option the SDK would otherwise read from the environment is passed explicitly.
 */
export function createLlmClient(config: LlmConfig, logger: Logger): OpenAI {
  return new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL ?? 'https://api.openai.com/v1',
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    fetch: capRetryAfter((input, init) => fetch(input, init), MAX_HONOURED_RETRY_AFTER_MS),
    logger: sdkLogger(logger),
    logLevel: 'warn',
  });
}
