import { createAnswerEngine, type AnswerEngine } from '../answer/engine.js';
import { createAskService, type AskService } from '../answer/service.js';
import { warmUp, warmUpQuestions } from '../answer/warm-up.js';
import type { Config } from '../config.js';
import { loadKnowledge, type KnowledgeBase } from '../kb/load.js';
import type { Problem } from '../kb/problems.js';
import type { Logger } from '../logger.js';
import type { LlmFallback } from '../llm/fallback.js';
import type { Metrics } from '../ops/metrics.js';
import { noMetrics } from '../ops/no-metrics.js';
import type { Store } from '../store/store.js';
import { createCuratorQueue, type CuratorQueue } from '../curation/queue.js';
import { createHelpChannels, type HelpChannels } from './help-channel-settings.js';
import { createKnowledgeSync, type KnowledgeSync, type KnowledgeSyncOptions } from './knowledge-sync.js';

/** The knowledge base and the engines built from it; swapped as a whole when a moderator reloads. */
export interface Knowledge {
  kb: KnowledgeBase;
  engine: AnswerEngine;
  ask: AskService;
}

export interface BotContext {
  config: Config;
  logger: Logger;
  store: Store;
  knowledge(): Knowledge;
  /**
   * Re-reads knowledge/; on problems the current knowledge stays in place. `origin`: a moderator's /config reload
   * here (the default; other shards then follow, see knowledge-sync.ts) or another shard's reload being followed.
   */
  reloadKnowledge(origin?: 'command' | 'shard'): Promise<{ ok: true; kb: KnowledgeBase } | { ok: false; problems: Problem[] }>;
  /** Follows reloads made on other shards and processes (through the store); announces this one's. */
  knowledgeSync: KnowledgeSync;
  helpChannels: HelpChannels;
  queue: CuratorQueue;
  metrics: Metrics;
  /** The clock (ms since the epoch): reminders and date checks read it, so tests can move time. */
  now(): number;
}

export interface ContextDeps {
  config: Config;
  logger: Logger;
  store: Store;
  kb: KnowledgeBase;
  /** `kb`'s answer engine when start-up already built it (from the start-up snapshot); built from `kb` otherwise. */
  engine?: AnswerEngine | undefined;
  knowledgeDir: string;
  /** The optional LLM fallback: undefined unless configured (its module is then never loaded). */
  llm?: LlmFallback | undefined;
  /** This bot instance's metrics (default: none recorded, see no-metrics.ts). */
  metrics?: Metrics | undefined;
  /** How reloads reach the other shards: the store poll interval, and a nudge through the ShardingManager. */
  knowledgeSync?: KnowledgeSyncOptions | undefined;
  /** The clock (default Date.now). */
  now?: (() => number) | undefined;
  /**
   * Warm each new answer service up in the background (see answer/warm-up.ts): the production start sets it, so members'
   * first questions after a start or a reload are not the ones that pay V8's compilation. Off by default (tests).
   */
  warmUp?: boolean | undefined;
}

export function createBotContext(deps: ContextDeps): BotContext {
  const { config, logger, store } = deps;
  const metrics = deps.metrics ?? noMetrics();
  const build = (kb: KnowledgeBase, engine = createAnswerEngine(kb)): Knowledge => {
    const ask = createAskService({ engine, logger, drafter: deps.llm?.forKnowledge(kb) });
    if (deps.warmUp) {
      const started = performance.now();
      warmUp(ask, warmUpQuestions(kb)).then(
        (questions) => logger.debug({ questions, ms: Math.round(performance.now() - started) }, 'answer service warmed up'),
        (err: unknown) => logger.warn({ err }, 'answer service warm-up failed'),
      );
    }
    return { kb, engine, ask };
  };
  let current = build(deps.kb, deps.engine?.kb === deps.kb ? deps.engine : undefined);
  metrics.knowledgeVersion(current.kb.version);
  const reloadKnowledge: BotContext['reloadKnowledge'] = async (origin = 'command') => {
    const result = await loadKnowledge(deps.knowledgeDir);
    metrics.knowledgeReload(origin, result.ok);
    if (result.ok) {
      current = build(result.kb);
      metrics.knowledgeVersion(result.kb.version);
      logger.info({ version: result.kb.version, entries: result.kb.entries.length, origin }, 'knowledge base reloaded');
      if (origin === 'command') await knowledgeSync.announce(result.kb.version);
    }
    return result;
  };
  const knowledgeSync = createKnowledgeSync(store, logger, () => reloadKnowledge('shard'), deps.knowledgeSync);
  return {
    config,
    logger,
    store,
    knowledge: () => current,
    now: deps.now ?? Date.now,
    reloadKnowledge,
    knowledgeSync,
    helpChannels: createHelpChannels(store, config.discord.helpChannelIds),
    queue: createCuratorQueue(store, metrics),
    metrics,
  };
}
