import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletion, CompletionUsage } from 'openai/resources';
import type { ContextEntry } from './prompt.js';
import { parseDraft } from './schema.js';
import { extractUrls, sanitizeDraft } from './sanitize.js';

export type DraftFailure =
  'timeout' | 'rate-limited' | 'server-error' | 'refusal' | 'malformed' | 'invalid-citation' | 'truncated' | 'auth' | 'error';

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

/** `usage` is undefined when the server reports none (some local servers) or no completion was received. */
export type DraftResult =
  | { kind: 'drafted'; answer: string; citedIds: string[]; usage: TokenUsage | undefined }
  | { kind: 'insufficient'; usage: TokenUsage | undefined }
  | { kind: 'failed'; reason: DraftFailure; usage?: TokenUsage | undefined };

/** Why a result came out as it did, for the log line only (never shown to members, never containing content). */
export interface Diagnosis {
  detail?: string;
  status?: number;
  code?: string;
}

/** Thrown by draft.ts when its overall deadline passes. */
export class DeadlineExceeded extends Error {
  constructor() {
    super('draft deadline exceeded');
  }
}

export function toUsage(u: CompletionUsage | undefined | null): TokenUsage | undefined {
  if (!u) return undefined;
  return { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens, totalTokens: u.total_tokens };
}

/** Maps anything the SDK or the deadline can throw to a failure reason. Subclasses are checked before their parents. */
export function classifyError(err: unknown): { reason: DraftFailure } & Diagnosis {
  if (err instanceof DeadlineExceeded || err instanceof APIUserAbortError) return { reason: 'timeout', detail: 'deadline' };
  if (err instanceof APIConnectionTimeoutError) return { reason: 'timeout', detail: 'request timeout' };
  if (err instanceof APIConnectionError) return { reason: 'server-error', detail: 'connection failed' };
  if (err instanceof APIError) {
    const status = err.status as number | undefined;
    const code = err.code;
    const diag: Diagnosis = { ...(status !== undefined && { status }), ...(code ? { code } : {}) };
    if (status === 401 || status === 403) return { reason: 'auth', ...diag };
    if (status === 429) return { reason: 'rate-limited', ...diag };
    if (status === 408) return { reason: 'timeout', ...diag };
    if (status !== undefined && status >= 500) return { reason: 'server-error', ...diag };
    return { reason: 'error', ...diag, detail: 'request rejected' };
  }
  if (err instanceof SyntaxError) return { reason: 'malformed', detail: 'response body is not JSON' };
  return { reason: 'error', detail: err instanceof Error ? err.name : typeof err };
}

interface Interpreted {
  result: DraftResult;
  diagnosis?: Diagnosis;
}

function failed(reason: DraftFailure, usage: TokenUsage | undefined, detail: string): Interpreted {
  return { result: { kind: 'failed', reason, usage }, diagnosis: { detail } };
}

/**
 * Turns a completion into a result. A draft survives only if it parses, says the context sufficed, cites at least
 * one entry and only entries that were in the context; its text is then sanitized against the cited entries' links.
 */
export function interpretCompletion(completion: ChatCompletion, context: readonly ContextEntry[]): Interpreted {
  const usage = toUsage(completion.usage);
  const choice = Array.isArray(completion.choices) ? completion.choices[0] : undefined;
  if (!choice) return failed('malformed', usage, 'no choices');
  const message = choice.message as ChatCompletion.Choice['message'] | undefined;
  if (message?.refusal || choice.finish_reason === 'content_filter') return failed('refusal', usage, 'refused');
  if (choice.finish_reason === 'length') return failed('truncated', usage, 'finish_reason length');
  const content = message?.content;
  if (typeof content !== 'string' || content.trim() === '') return failed('malformed', usage, 'empty content');

  const parsed = parseDraft(content);
  if (!parsed.ok) return failed('malformed', usage, parsed.problem);
  const { answer, cited_ids, context_sufficient } = parsed.value;
  if (!context_sufficient) return { result: { kind: 'insufficient', usage } };

  const byId = new Map(context.map((e) => [e.id, e]));
  const cited = [...new Set(cited_ids.map((id) => id.trim()))];
  const outside = cited.filter((id) => !byId.has(id)).length;
  if (outside > 0) return failed('invalid-citation', usage, `${outside} cited id(s) not in the context`);
  if (cited.length === 0) return failed('invalid-citation', usage, 'sufficient but no citation');

  const citedEntries = cited.flatMap((id) => byId.get(id) ?? []);
  const allowedUrls = citedEntries.flatMap((e) => [...extractUrls(e.answer), ...e.sourceUrls]);
  const text = sanitizeDraft(answer, allowedUrls);
  if (text === '') return failed('malformed', usage, 'empty answer');
  return { result: { kind: 'drafted', answer: text, citedIds: cited, usage } };
}
