/**
 * Two bot processes writing to one store at the same moment (Redis, the store for several processes; and SQLite,
 * which sharded bots may share): queue records, votes, the cooldown and the LLM usage limit lose nothing and
 * overshoot nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCuratorQueue } from '../../src/curation/queue.js';
import { ROOT_DIR } from '../../src/paths.js';
import { createStore } from '../../src/store/store.js';
import { memoryLogger } from '../support/logger.js';
import { describeWithRedis } from '../support/redis.js';

/** Fresh per run: a shared test Redis (TEST_REDIS_URL) keeps what earlier runs wrote. */
const RUN = `${Date.now()}`;
const GUILD = `1${RUN.padStart(17, '0')}`;
const ENTRY = `entry-${RUN}`;
const PER_PROCESS = 20;
const USAGE_LIMIT = 30;

interface Worker {
  ready: Promise<void>;
  go(): void;
  result: Promise<{ turns: number; allowed: number }>;
}

/** A worker process: `ready` once it has opened the store; `go()` starts its writes. */
function startWorker(url: string, name: string): Worker {
  const child = spawn(
    path.join(ROOT_DIR, 'node_modules/.bin/tsx'),
    [path.join(ROOT_DIR, 'tests/store/worker.ts'), url, name, GUILD, ENTRY],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const failed = async () => new Error(`worker ${name} exited ${await exited}: ${err}`);
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready\n')) resolve();
    });
    void exited.then(async () => reject(await failed()));
  });
  const result = exited.then(async (code) => {
    const line = /^result (.*)$/m.exec(out)?.[1];
    if (code !== 0 || !line) throw await failed();
    return JSON.parse(line) as { turns: number; allowed: number };
  });
  return { ready, go: () => child.stdin.end('go\n'), result };
}

function twoProcesses(name: string, url: () => string) {
  it(`${name}: GIVEN two processes writing at the same moment THEN every queue record and vote is kept, one cooldown turn and ${USAGE_LIMIT} LLM calls are granted`, async () => {
    const workers = [startWorker(url(), 'a'), startWorker(url(), 'b')];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const results = await Promise.all(workers.map((w) => w.result));
    const store = await createStore(url(), memoryLogger().logger);
    try {
      const items = await createCuratorQueue(store).list(GUILD);
      expect(items.filter((i) => i.kind === 'unanswered')).toHaveLength(2 * PER_PROCESS);
      expect(items.find((i) => i.kind === 'downvoted')?.count).toBe(2 * PER_PROCESS);
      expect(await store.counters(`tally:${ENTRY}:`)).toEqual(new Map([[`tally:${ENTRY}:down`, 2 * PER_PROCESS]]));
      expect(results.reduce((n, r) => n + r.turns, 0)).toBe(1);
      expect(results.reduce((n, r) => n + r.allowed, 0)).toBe(USAGE_LIMIT);
      expect((await store.counters(`llm-usage:guild:${GUILD}:`)).get(`llm-usage:guild:${GUILD}:0`)).toBe(USAGE_LIMIT);
    } finally {
      await store.close();
    }
  }, 60_000);
}

describeWithRedis('two processes on one Redis', (redis) => twoProcesses('Redis', () => redis.url));

describe('two processes on one SQLite file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'processes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  twoProcesses('SQLite', () => `sqlite://${path.join(dir, 'shared.sqlite')}`);
});
