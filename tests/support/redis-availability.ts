/**
 * Where the Redis-backed tests get a server from, as plain functions (no I/O of their own: the caller passes the
 * environment and an executable check). Used by tests/support/redis.ts in the test workers and by
 * redis-reporter.ts in the main vitest process. See redis.ts for how to write a Redis test.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** The tag every Redis-backed test carries (declared in vitest.config.ts; the reporter counts it). */
export const REDIS_TAG = 'redis';
export const INSTALL_COMMAND = 'apt-get install -y redis-server';

export type RedisSource =
  | { kind: 'url'; url: string } // TEST_REDIS_URL: a server someone else runs
  | { kind: 'binary'; path: string } // redis-server on the PATH: each suite starts its own
  | { kind: 'none' };

type Env = Record<string, string | undefined>;

/** TEST_REDIS_URL wins over a redis-server on the PATH. */
export function findRedis(env: Env, isExecutable: (file: string) => boolean): RedisSource {
  const url = env.TEST_REDIS_URL?.trim();
  if (url) return { kind: 'url', url };
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, 'redis-server');
    if (isExecutable(file)) return { kind: 'binary', path: file };
  }
  return { kind: 'none' };
}

/** REQUIRE_REDIS=1 (set by .ci/run) turns a missing Redis into a failure instead of skipped tests. */
export function redisRequired(env: Env): boolean {
  return env.REQUIRE_REDIS === '1' || env.REQUIRE_REDIS === 'true';
}

/** Why Redis tests must fail rather than run or be skipped, or undefined. */
export function redisSetupProblem(source: RedisSource, env: Env): string | undefined {
  if (source.kind === 'url' && !/^rediss?:\/\//.test(source.url)) {
    return `TEST_REDIS_URL must start with redis:// or rediss:// (got "${source.url.split('@').pop()}").`;
  }
  if (source.kind === 'none' && redisRequired(env)) {
    return `REQUIRE_REDIS=1 but no Redis server can be had: no redis-server on the PATH and TEST_REDIS_URL is not set. Install it with: ${INSTALL_COMMAND}`;
  }
  return undefined;
}

/** Whether Redis tests are skipped (not failed) in this environment. */
export function redisTestsSkipped(source: RedisSource, env: Env): boolean {
  return source.kind === 'none' && !redisRequired(env);
}

/** The end-of-run notice when `skipped` Redis tests did not run; empty when all ran. */
export function redisNotice(skipped: number): string[] {
  if (skipped === 0) return [];
  const tests = skipped === 1 ? '1 Redis test' : `${skipped} Redis tests`;
  return [
    `NOTE: ${tests} did not run: no redis-server on the PATH and TEST_REDIS_URL is not set.`,
    `      Run them with: ${INSTALL_COMMAND}   (or TEST_REDIS_URL=redis://host:port npm test)`,
  ];
}

export function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
