import { createHash } from 'node:crypto';
import type { AskContext, Drafter, DraftOutcome } from '../answer/service.js';
import type { LlmConfig } from '../config.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { Store } from '../store/store.js';
import { createLlmClient } from './client.js';
import { draftAnswer } from './draft.js';
import { takeUsage } from './usage.js';

/** Drafts are reused for a week, and only while the knowledge base version is the same. */
const CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

type Cached = Extract<DraftOutcome, { kind: 'drafted' | 'insufficient' }>;

/** Questions that differ only in case, spacing or punctuation share one cached draft. */
export function normalizeQuestion(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface LlmFallback {
  /** A drafter bound to one knowledge-base version (the cache key includes it). */
  forKnowledge(kb: KnowledgeBase): Drafter;
}

/**
 * The optional LLM fallback: one OpenAI-compatible client, a cache of drafts in the store, and per-member and
 * per-server daily limits. This module is imported only when OPENAI_API_KEY or OPENAI_BASE_URL is set.
 */
export interface LlmFallbackOptions {
  now?: () => number;
  metrics?: Pick<Metrics, 'llmCall' | 'llmCache' | 'llmSkipped'> | undefined;
}

export function createLlmFallback(config: LlmConfig, logger: Logger, store: Store, options: LlmFallbackOptions = {}): LlmFallback {
  const { now = Date.now, metrics } = options;
  const client = createLlmClient(config, logger);
  const cache = store.namespace<Cached>('llm-draft');
  const log = logger.child({ component: 'llm-fallback' });

  /** Counts one model call against the member and the server (see takeUsage). */
  function withinLimits(context: AskContext) {
    const day = Math.floor(now() / DAY_MS);
    return takeUsage(
      store,
      [
        context.userId ? { key: `llm-usage:user:${context.userId}:${day}`, limit: config.userLimitPerDay } : undefined,
        context.guildId ? { key: `llm-usage:guild:${context.guildId}:${day}`, limit: config.guildLimitPerDay } : undefined,
      ].filter((c) => c !== undefined),
      DAY_MS,
    );
  }

  return {
    forKnowledge(kb) {
      return {
        async draft(question, candidates, context) {
          const key = `${kb.version}:${createHash('sha256').update(normalizeQuestion(question)).digest('hex')}`;
          const hit = await cache.get(key).catch(() => undefined);
          metrics?.llmCache(hit !== undefined);
          if (hit) {
            log.info({ cache: 'hit', outcome: hit.kind }, 'LLM draft served from cache');
            return hit;
          }
          const allowed = await withinLimits(context);
          if (allowed !== 'ok') metrics?.llmSkipped(allowed === 'limit' ? 'limit' : 'store_down');
          if (allowed === 'limit') {
            log.info({ origin: context.origin, guildId: context.guildId }, 'LLM daily limit reached; answering without it');
            return { kind: 'unavailable', reason: 'rate-limited' };
          }
          if (allowed === 'store-down') return { kind: 'unavailable', reason: 'store-down' };
          const result = await draftAnswer(
            { question, entries: candidates.map((h) => h.entry), sources: kb.sources },
            { client, model: config.model, maxOutputTokens: config.maxOutputTokens, logger: log },
          );
          metrics?.llmCall(result.kind === 'failed' ? result.reason : result.kind, result.usage);
          if (result.kind === 'failed') return { kind: 'unavailable', reason: result.reason };
          const outcome: Cached =
            result.kind === 'drafted' ? { kind: 'drafted', answer: result.answer, citedIds: result.citedIds } : { kind: 'insufficient' };
          await cache.set(key, outcome, CACHE_TTL_MS).catch(() => undefined);
          return outcome;
        },
      };
    },
  };
}
