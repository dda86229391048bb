/**
 * Redis for tests — the one module every Redis-backed test uses.
 *
 *   describeWithRedis('my feature on Redis', (redis) => {
 *     it('…', async () => { const store = await createStore(redis.url, logger); … });
 *   });
 *
 * A server is had from TEST_REDIS_URL (a server you run; it is not flushed, so use keys unique to your test —
 * files run in parallel) or else from `redis-server` on the PATH (each describeWithRedis starts its own throwaway
 * server on a free port, without persistence, and stops it afterwards). With neither, the suite's tests are
 * skipped, tagged `redis`, and tests/support/redis-reporter.ts prints how many did not run and how to enable them;
 * with REQUIRE_REDIS=1 (set by .ci/run) they run instead and fail, saying that no Redis server can be had.
 * Never use describe.skip for Redis tests: describeWithRedis is what keeps the count honest.
 * startRedis() is there for tests that need several servers or their own lifecycle; call it inside a
 * describeWithRedis suite so the test is counted and skipped like the others.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe } from 'vitest';
import { freePort } from './ports.js';
import {
  findRedis,
  INSTALL_COMMAND,
  isExecutableFile,
  REDIS_TAG,
  redisSetupProblem,
  redisTestsSkipped,
  type RedisSource,
} from './redis-availability.js';

let source: RedisSource | undefined;
/** Where this process gets Redis from (looked up once, on first use). */
export function redisSource(): RedisSource {
  source ??= findRedis(process.env, isExecutableFile);
  return source;
}

/** True when Redis tests run here (a server can be had, or REQUIRE_REDIS=1 makes its absence a failure). */
export function redisAvailable(): boolean {
  return !redisTestsSkipped(redisSource(), process.env);
}

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/** What a describeWithRedis body gets: the server's URL, readable from beforeAll/tests on. */
export interface RedisHandle {
  readonly url: string;
}

/** A suite of Redis-backed tests: tagged, given a server for its duration, skipped and counted when there is none. */
export function describeWithRedis(name: string, fn: (redis: RedisHandle) => void): void {
  describe(name, { tags: [REDIS_TAG], skip: !redisAvailable() }, () => {
    let server: RedisServer | undefined;
    beforeAll(async () => {
      server = await startRedis();
    });
    afterAll(async () => {
      await server?.stop();
    });
    fn({
      get url() {
        if (!server) throw new Error('the Redis server is not started yet: read redis.url inside beforeAll or a test');
        return server.url;
      },
    });
  });
}

/** A Redis server for the caller: TEST_REDIS_URL's (stop() leaves it running) or a throwaway redis-server. */
export async function startRedis(): Promise<RedisServer> {
  const from = redisSource();
  const problem = redisSetupProblem(from, process.env);
  if (problem) throw new Error(problem);
  if (from.kind === 'url') return { url: from.url, stop: () => Promise.resolve() };
  const bin = from.kind === 'binary' ? from.path : 'redis-server';
  const port = await freePort();
  const child: ChildProcess = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cannot start redis-server (${err.message}); install it with: ${INSTALL_COMMAND}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
