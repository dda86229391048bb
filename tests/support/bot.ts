import { once } from 'node:events';
import { Events } from 'discord.js';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { commands } from '../../commands/index.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import type { Readiness } from '../../src/discord/readiness.js';
import type { SchedulerOptions } from '../../src/discord/scheduler.js';
import type { LlmFallback } from '../../src/llm/fallback.js';
import type { Metrics } from '../../src/ops/metrics.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { memoryStore, monitorStore, type Store } from '../../src/store/store.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fakes/discord.js';
import { realKnowledgeBase } from './kb.js';
import { memoryLogger } from './logger.js';

export interface TestBot {
  fake: FakeDiscord;
  bot: RunningBot;
  config: Config;
  store: Store;
  logs: ReturnType<typeof memoryLogger>;
  close(): Promise<void>;
}

export interface TestBotOptions {
  env?: Record<string, string>;
  /** Options for a new fake Discord, or a running one to reuse (e.g. a restarted bot); a reused fake is not closed. */
  fake?: FakeDiscordOptions | FakeDiscord;
  store?: Store;
  /** The bot's clock (reminders, date checks); default Date.now. */
  now?: () => number;
  llm?: (config: Config, logger: ReturnType<typeof memoryLogger>['logger'], store: Store) => LlmFallback;
  /** The bot's metrics registry and readiness check (as the entry point makes them for the operations endpoint). */
  metrics?: Metrics;
  readiness?: Readiness;
  /**
   * When a waiting interaction is acknowledged early or dropped. Default here: never (still in arrival order, a turn
   * of the event loop each), so a loaded test machine does not turn replies into deferrals — the fake enforces
   * Discord's deadline itself; overload tests pass their own thresholds.
   */
  scheduler?: SchedulerOptions;
}

const TEST_SCHEDULER: SchedulerOptions = { deferAfterMs: Number.POSITIVE_INFINITY, dropAfterMs: Number.POSITIVE_INFINITY };

const isRunningFake = (fake: TestBotOptions['fake']): fake is FakeDiscord => fake !== undefined && 'api' in fake;

/**
 * The real bot (registry, router, help-channel listener, discord.js client) against the fake Discord, with an
 * in-memory store. `env` adds to the environment the bot would see; the fake's help channel is a help channel.
 */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const ownsFake = !isRunningFake(options.fake);
  const fake = isRunningFake(options.fake) ? options.fake : await startFakeDiscord(options.fake);
  const loaded = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.api,
    HELP_CHANNEL_IDS: fake.channels.help.id,
    HELP_COOLDOWN_SECONDS: '0',
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const config = loaded.config;
  const logs = memoryLogger('debug');
  // As createStore does for the real stores: a fault is logged once, with its cause.
  const onError = options.metrics ? (op: string) => options.metrics?.storeError(op) : undefined;
  const store = monitorStore(options.store ?? memoryStore(), logs.logger, { where: 'test store', onError });
  const llm = options.llm?.(config, logs.logger, store);
  const kb = await realKnowledgeBase();
  const bot = await startBot({
    config,
    logger: logs.logger,
    store,
    kb,
    knowledgeDir: KNOWLEDGE_DIR,
    llm,
    commands,
    token: fake.token,
    metrics: options.metrics,
    readiness: options.readiness,
    now: options.now,
    scheduler: options.scheduler ?? TEST_SCHEDULER,
  });
  if (!bot.client.isReady()) await once(bot.client, Events.ClientReady);
  return {
    fake,
    bot,
    config,
    store,
    logs,
    async close() {
      await bot.stop(); // destroys the client before the fake goes away
      if (ownsFake) await fake.close();
    },
  };
}

/**
 * The test bot of one test file (or describe block): started before its tests, checked after each that the fake saw
 * no protocol violation (a second response to one interaction, a message without `allowedMentions`…), closed after
 * all. Its fields are filled in once it has started, so use them in tests and hooks, not at the top of the file.
 */
export function useTestBot(options?: TestBotOptions): TestBot {
  const t = {} as TestBot;
  beforeAll(async () => {
    Object.assign(t, await startTestBot(options));
  });
  afterEach(() => {
    expect(t.fake.violations).toEqual([]);
  });
  afterAll(async () => {
    await t.close?.();
  });
  return t;
}
