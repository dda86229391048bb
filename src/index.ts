import { commands } from '../commands/index.js';
import { startKnowledge } from './answer/snapshot.js';
import { configFromEnvironment, describeConfigProblems, MISSING_TOKEN } from './config.js';
import { startBot } from './discord/bot.js';
import { createReadiness } from './discord/readiness.js';
import { DiscordFatalError, fatalMessage, type FatalReason } from './discord/fatal.js';
import { KnowledgeBaseError } from './kb/problems.js';
import { createLogger, type Logger } from './logger.js';
import { exposition, OpsServerError, startOpsServer } from './ops/http.js';
import { noMetrics } from './ops/no-metrics.js';
import { KNOWLEDGE_DIR, SNAPSHOT_FILE } from './paths.js';
import { managerGone, SYNC_MESSAGE } from './shard-messages.js';
import { createStore, StoreError } from './store/store.js';

/**
 * The knowledge base and its answer engine: from the start-up snapshot when the knowledge and the code are unchanged since
 * it was written, else read, validated and indexed (and the snapshot written). Problems throw, as `npm run kb:check` prints them.
 */
function startKnowledgeOrThrow(logger: Logger) {
  const started = startKnowledge(KNOWLEDGE_DIR, { file: SNAPSHOT_FILE });
  if (!started.ok) throw new KnowledgeBaseError(started.problems);
  if (started.saved && !started.saved.ok) logger.warn({ reason: started.saved.error }, 'start-up snapshot not written');
  return started;
}

/** `npm start`: validates everything up front, composes the bot from its parts (the command registry included), then connects. Problems end the process with a clear message. */
async function main(): Promise<number> {
  const loaded = configFromEnvironment();
  if (!loaded.ok) {
    process.stderr.write(`Cannot start: ${describeConfigProblems(loaded.problems)}\n`);
    return 1;
  }
  const config = loaded.config;
  if (!config.discord.token) {
    process.stderr.write(`Cannot start the Discord bot: ${MISSING_TOKEN}\n`);
    return 1;
  }
  // Pretty lines (pino-pretty, in a worker thread) only for `npm start` in a terminal; the build — the production start — always
  // writes JSON, so that module and thread are never in a production process.
  const logger = createLogger({ level: config.logLevel, pretty: process.stderr.isTTY && import.meta.url.endsWith('.ts') });
  try {
    // prom-client is loaded only for the operations endpoint (HTTP_PORT): without it nothing reads the metrics.
    const prom = config.http ? (await import('./ops/metrics.js')).createMetrics({ processMetrics: true }) : undefined;
    const metrics = prom ?? noMetrics();
    const { kb, engine, from } = startKnowledgeOrThrow(logger);
    const store = await createStore(config.storeUrl, logger, { onError: (op) => metrics.storeError(op) });
    const readiness = createReadiness(store);
    const ops =
      config.http && prom
        ? await startOpsServer(config.http, { readiness: () => readiness.check(), metrics: () => exposition(prom.registry) }, logger)
        : undefined;
    // The LLM fallback's modules (and the openai SDK) are loaded only when it is configured.
    const llm = config.llm ? (await import('./llm/fallback.js')).createLlmFallback(config.llm, logger, store, { metrics }) : undefined;
    logger.info({ entries: kb.entries.length, version: kb.version, index: from, llm: config.llm ? config.llm.model : 'off' }, 'starting');
    // Discord refusing the bot later on (token revoked: gateway 4004, REST 401) stops it with the same clear message.
    let stopBot: () => Promise<void> = async () => void (await ops?.close());
    const onFatal = (reason: FatalReason) => {
      process.stderr.write(`Stopping: ${fatalMessage(reason)}\n`);
      process.send?.({ botFatal: reason }); // under npm run start:sharded: the manager stops every shard instead of respawning
      void stopBot().finally(() => process.exit(1));
    };
    // Under npm run start:sharded, a reload here nudges the other shards through the manager (the store poll is the fallback).
    const knowledgeSync = { onAnnounce: () => process.send?.({ [SYNC_MESSAGE]: 'knowledge' }) };
    const bot = await startBot({
      config,
      logger,
      store,
      kb,
      engine,
      knowledgeDir: KNOWLEDGE_DIR,
      llm,
      commands,
      token: config.discord.token,
      onFatal,
      metrics,
      readiness,
      knowledgeSync,
      // Members' first questions after a start or a reload are not the ones that pay V8's compilation (answer/warm-up.ts).
      warmUp: true,
    });
    process.on('message', (message: unknown) => {
      if ((message as Record<string, unknown> | null)?.[SYNC_MESSAGE] === 'knowledge') void bot.ctx.knowledgeSync.check();
    });
    const stopAll = () => Promise.all([bot.stop(), ops?.close()]).then(() => undefined);
    stopBot = () => stopAll().catch(() => undefined);
    stopOnSignals(logger, stopAll);
    return 0;
  } catch (err) {
    return startupFailed(err, logger);
  }
}

/** How long a graceful stop may take before the process exits anyway (a gateway or store that no longer answers). */
const STOP_DEADLINE_MS = 10_000;

/**
 * SIGINT / SIGTERM: stop everything, then exit 0 (1 if stopping failed or took over 10 s). A shard started by
 * `npm run start:sharded` also stops when its manager is gone (the IPC channel closes), so no shard outlives it.
 */
function stopOnSignals(logger: Logger, stopAll: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ signal, deadlineMs: STOP_DEADLINE_MS }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    stopAll().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (!process.send) return;
  process.once('disconnect', () => shutdown('manager gone'));
  // While the client is destroyed, discord.js's shard side reports the disconnect to the manager over IPC. With the
  // manager gone that send fails (the channel closed, or EPIPE when it closes under the send), and Node raises it as
  // an 'error' event on the process: unhandled, it would crash the stop half-way with a stack trace. There is no one
  // left to tell, so it is only noted.
  process.on('error', (err: NodeJS.ErrnoException) => {
    if (managerGone(err)) logger.debug({ err }, 'the shard manager is gone; nothing to tell it');
    else logger.error({ err }, 'process error');
  });
}

/** Expected start-up problems are shown as they are; anything else is logged. The exit code is 1 either way. */
function startupFailed(err: unknown, logger: Logger): number {
  if (err instanceof KnowledgeBaseError || err instanceof StoreError || err instanceof DiscordFatalError || err instanceof OpsServerError) {
    process.stderr.write(`Cannot start: ${err.message}\n`);
    process.send?.({ botFatal: err instanceof DiscordFatalError ? err.reason : 'start-up' });
    return 1;
  }
  logger.fatal({ err }, 'start-up failed');
  return 1;
}

const code = await main();
if (code !== 0) process.exit(code);
