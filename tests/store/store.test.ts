import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, describeStoreUrl, memoryStore } from '../../src/store/store.js';
import { memoryLogger } from '../support/logger.js';
import { describeWithRedis } from '../support/redis.js';
import { behavesLikeAStore } from './primitives.js';

describe('in-memory store (tests)', () => {
  behavesLikeAStore(() => Promise.resolve(memoryStore()));
});

describe('SQLite store (the embedded default)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'store-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  behavesLikeAStore(async () => createStore(`sqlite://${dir}/nested/bot.sqlite`, memoryLogger().logger));

  it('GIVEN a restart THEN data written before is still there', async () => {
    const url = `sqlite://${dir}/persist.sqlite`;
    const first = await createStore(url, memoryLogger().logger);
    await first.namespace<{ n: number }>('queue').set('g', { n: 1 });
    await first.close();
    const second = await createStore(url, memoryLogger().logger);
    expect(await second.namespace<{ n: number }>('queue').get('g')).toEqual({ n: 1 });
    await second.close();
  });
});

describeWithRedis('Redis store (scale-out)', (redis) => {
  behavesLikeAStore(async () => createStore(redis.url, memoryLogger().logger));

  it('GIVEN two bot processes on one Redis THEN they share state', async () => {
    const a = await createStore(redis.url, memoryLogger().logger);
    const b = await createStore(redis.url, memoryLogger().logger);
    await a.namespace<string[]>('help-channels').set('g', ['1']);
    expect(await b.namespace<string[]>('help-channels').get('g')).toEqual(['1']);
    await a.close();
    await b.close();
  });
});

describe('Redis store URL that cannot be reached (no server needed)', () => {
  it('GIVEN an unreachable Redis THEN start-up fails with a clear message and no password', async () => {
    const error = await createStore('redis://user:s3cret@127.0.0.1:1', memoryLogger().logger, { connectTimeoutMs: 500 }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Cannot open the store at redis:\/\/127\.0\.0\.1:1:/);
    expect((error as Error).message).not.toContain('s3cret');
  });
});

describe('describeStoreUrl', () => {
  it('drops credentials from Redis URLs and keeps SQLite paths', () => {
    expect(describeStoreUrl('rediss://admin:pw@cache.example:6380/0')).toBe('rediss://cache.example:6380');
    expect(describeStoreUrl('sqlite://data/bot.sqlite')).toBe('sqlite://data/bot.sqlite');
  });
});
