import { createAnswerEngine, type AnswerEngine } from '../answer/engine.js';
import { createAskService, type AskService } from '../answer/service.js';
import type { Config } from '../config.js';
import { loadKnowledge, type KnowledgeBase } from '../kb/load.js';
import type { Problem } from '../kb/problems.js';
import type { Logger } from '../logger.js';
import type { LlmFallback } from '../llm/fallback.js';
import type { Store } from '../store/store.js';
import { createCuratorQueue, type CuratorQueue } from './queue.js';
import { createHelpChannels, type HelpChannels } from './help-channel-settings.js';

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
  /** Re-reads knowledge/; on problems the current knowledge stays in place. */
  reloadKnowledge(): Promise<{ ok: true; kb: KnowledgeBase } | { ok: false; problems: Problem[] }>;
  helpChannels: HelpChannels;
  queue: CuratorQueue;
}

export interface ContextDeps {
  config: Config;
  logger: Logger;
  store: Store;
  kb: KnowledgeBase;
  knowledgeDir: string;
  /** The optional LLM fallback: undefined unless configured (its module is then never loaded). */
  llm?: LlmFallback | undefined;
}

export function createBotContext(deps: ContextDeps): BotContext {
  const { config, logger, store } = deps;
  const build = (kb: KnowledgeBase): Knowledge => {
    const engine = createAnswerEngine(kb);
    return {
      kb,
      engine,
      ask: createAskService({ engine, logger, drafter: deps.llm?.forKnowledge(kb) }),
    };
  };
  let current = build(deps.kb);
  return {
    config,
    logger,
    store,
    knowledge: () => current,
    async reloadKnowledge() {
      const result = await loadKnowledge(deps.knowledgeDir);
      if (result.ok) {
        current = build(result.kb);
        logger.info({ version: result.kb.version, entries: result.kb.entries.length }, 'knowledge base reloaded');
      }
      return result;
    },
    helpChannels: createHelpChannels(store, config.discord.helpChannelIds),
    queue: createCuratorQueue(store),
  };
}
