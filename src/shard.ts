import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { configFromEnvironment, describeConfigProblems, MISSING_TOKEN } from './config.js';
import { createLogger } from './logger.js';
import { SYNC_MESSAGE } from './shard-messages.js';

/**
 * `npm run start:sharded`: runs the bot as several gateway shards, one process each (discord.js ShardingManager).
 * Needed from 2,500 servers. Shards share state only through the store, so use STORE_URL=redis://… with it.
 * SHARD_COUNT is "auto" (Discord's recommendation) or a number.
 */
async function main(): Promise<number> {
  const loaded = configFromEnvironment();
  if (!loaded.ok) {
    process.stderr.write(`Cannot start: ${describeConfigProblems(loaded.problems)}\n`);
    return 1;
  }
  const { config } = loaded;
  if (!config.discord.token) {
    process.stderr.write(`Cannot start: ${MISSING_TOKEN}\n`);
    return 1;
  }
  const logger = createLogger({ level: config.logLevel }).child({ component: 'shards' });
  if (config.storeUrl.startsWith('sqlite:')) logger.warn('shards share a SQLite file; STORE_URL=redis://… is the store meant for sharding');
  // Run as TypeScript (through tsx), the shards are too; run as the compiled build, they run it with this process's Node flags.
  const compiled = import.meta.url.endsWith('.js');
  const manager = new ShardingManager(fileURLToPath(new URL(compiled ? './index.js' : './index.ts', import.meta.url)), {
    token: config.discord.token,
    totalShards: config.discord.shardCount,
    execArgv: compiled ? process.execArgv : ['--import', 'tsx'],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, total: manager.totalShards }, 'shard launched');
    // A shard that cannot start or go on (token rejected, store not writable…) would fail again if respawned.
    shard.on('message', (message: unknown) => {
      // A /config reload on one shard: every shard checks the store for it now instead of at its next poll.
      if ((message as Record<string, unknown> | null)?.[SYNC_MESSAGE] !== undefined)
        return void manager.broadcast(message).catch(() => undefined);
      const reason = (message as { botFatal?: unknown } | null)?.botFatal;
      if (typeof reason !== 'string') return;
      logger.fatal({ shard: shard.id, reason }, 'a shard cannot run; stopping all shards');
      for (const s of manager.shards.values()) s.kill();
      process.exit(1);
    });
  });
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping all shards');
    for (const shard of manager.shards.values()) shard.kill();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await manager.spawn();
  return 0;
}

const code = await main();
if (code !== 0) process.exit(code);
