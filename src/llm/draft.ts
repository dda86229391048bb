import type OpenAI from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { Logger } from '../logger.js';
import { defaultDeadlineMs, tokenLimitField } from './client.js';
import { classifyError, DeadlineExceeded, interpretCompletion, type Diagnosis, type DraftResult } from './outcome.js';
import { buildPrompt, type ContextCandidate, type SourceLookup } from './prompt.js';
import { draftResponseFormat } from './schema.js';

export type { DraftFailure, DraftResult, TokenUsage } from './outcome.js';

export interface DraftInput {
  /** The member's question, as typed. Sent to the model as data only; never logged. */
  question: string;
  /** Ranked knowledge entries (best first); the prompt keeps as many as fit the token budget. */
  entries: readonly ContextCandidate[];
  /** Source id → source (e.g. `KnowledgeBase.sources`), so the entries' source URLs are in the context. */
  sources?: SourceLookup | undefined;
}

export interface DraftOptions {
  client: OpenAI;
  model: string;
  maxOutputTokens: number;
  logger: Logger;
  /** Approximate token budget for context entries (default 2,500). */
  budgetTokens?: number | undefined;
  /** Wall-clock limit over all attempts (default: the client's timeout × attempts + back-off). */
  deadlineMs?: number | undefined;
  /** Low, so the draft stays close to the entries (default 0.2). */
  temperature?: number | undefined;
}

/** Runs `task` with an abort signal and gives up (aborting the request) when `ms` passes. */
async function withDeadline<T>(ms: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new DeadlineExceeded());
      controller.abort();
    }, ms);
  });
  try {
    return await Promise.race([task(controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks the model for an answer grounded only in the given entries. Never throws for API, network or output problems:
 * every outcome is a `DraftResult`, and exactly one structured log line is written per call.
 */
export async function draftAnswer(input: DraftInput, options: DraftOptions): Promise<DraftResult> {
  const { client, model, logger } = options;
  const started = performance.now();
  const prompt = buildPrompt({
    question: input.question,
    entries: input.entries,
    sources: input.sources,
    budgetTokens: options.budgetTokens,
  });
  const contextIds = prompt.context.map((e) => e.id);

  const finish = (result: DraftResult, diagnosis: Diagnosis = {}): DraftResult => {
    const usage = result.usage;
    const line = {
      event: 'llm_draft',
      model,
      contextIds,
      outcome: result.kind,
      ...(result.kind === 'failed' && { reason: result.reason }),
      ...(result.kind === 'drafted' && { citedIds: result.citedIds }),
      promptTokens: usage?.promptTokens,
      completionTokens: usage?.completionTokens,
      totalTokens: usage?.totalTokens,
      latencyMs: Math.round(performance.now() - started),
      ...diagnosis,
    };
    // auth and rejected requests (400) are configuration problems that will not fix themselves.
    if (result.kind !== 'failed') logger.info(line, 'LLM draft');
    else if (result.reason === 'auth' || result.reason === 'error') logger.error(line, 'LLM draft failed: check the LLM configuration');
    else logger.warn(line, 'LLM draft failed');
    return result;
  };

  if (contextIds.length === 0) return finish({ kind: 'insufficient', usage: undefined }, { detail: 'no context entries' });

  const tokenLimit =
    tokenLimitField(client.baseURL) === 'max_completion_tokens'
      ? { max_completion_tokens: options.maxOutputTokens }
      : { max_tokens: options.maxOutputTokens };
  let completion: ChatCompletion;
  try {
    completion = await withDeadline(options.deadlineMs ?? defaultDeadlineMs(client), (signal) =>
      client.chat.completions.create(
        {
          model,
          messages: prompt.messages,
          response_format: draftResponseFormat(),
          temperature: options.temperature ?? 0.2,
          ...tokenLimit,
        },
        { signal },
      ),
    );
  } catch (err) {
    const { reason, ...diagnosis } = classifyError(err);
    return finish({ kind: 'failed', reason }, diagnosis);
  }
  try {
    const { result, diagnosis } = interpretCompletion(completion, prompt.context);
    return finish(result, diagnosis);
  } catch {
    // A 200 whose body is not a chat completion at all (e.g. a misconfigured proxy).
    return finish({ kind: 'failed', reason: 'malformed' }, { detail: 'unexpected response shape' });
  }
}
