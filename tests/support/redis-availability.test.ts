import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestModule } from 'vitest/node';
import { findRedis, redisNotice, redisSetupProblem, redisTestsSkipped } from './redis-availability.js';
import { skippedRedisTests } from './redis-reporter.js';

const PATH = ['/opt/a', '/opt/b'].join(path.delimiter);
const onlyIn = (file: string) => (candidate: string) => candidate === file;

describe('findRedis', () => {
  it('GIVEN TEST_REDIS_URL THEN it wins over a redis-server on the PATH', () => {
    expect(findRedis({ TEST_REDIS_URL: ' redis://10.0.0.5:6379 ', PATH }, () => true)).toEqual({
      kind: 'url',
      url: 'redis://10.0.0.5:6379',
    });
  });
  it('GIVEN redis-server in a later PATH entry THEN that file is used', () => {
    expect(findRedis({ PATH }, onlyIn('/opt/b/redis-server'))).toEqual({ kind: 'binary', path: '/opt/b/redis-server' });
  });
  it('GIVEN neither (or an empty TEST_REDIS_URL, or no PATH) THEN none', () => {
    expect(findRedis({ PATH, TEST_REDIS_URL: '' }, () => false)).toEqual({ kind: 'none' });
    expect(findRedis({}, () => true)).toEqual({ kind: 'none' });
  });
});

describe('skipping versus failing', () => {
  const none = { kind: 'none' } as const;
  it('GIVEN no Redis THEN its tests are skipped, unless REQUIRE_REDIS=1 makes the run fail', () => {
    expect(redisTestsSkipped(none, {})).toBe(true);
    expect(redisSetupProblem(none, {})).toBeUndefined();
    expect(redisTestsSkipped(none, { REQUIRE_REDIS: '1' })).toBe(false);
    expect(redisSetupProblem(none, { REQUIRE_REDIS: '1' })).toMatch(
      /^REQUIRE_REDIS=1 but no Redis server .*apt-get install -y redis-server$/,
    );
  });
  it('GIVEN a server THEN nothing is skipped and nothing is wrong, required or not', () => {
    for (const source of [
      { kind: 'binary', path: '/usr/bin/redis-server' },
      { kind: 'url', url: 'rediss://h:6380' },
    ] as const) {
      expect(redisTestsSkipped(source, {})).toBe(false);
      expect(redisSetupProblem(source, { REQUIRE_REDIS: '1' })).toBeUndefined();
    }
  });
  it('GIVEN a TEST_REDIS_URL that is not a Redis URL THEN the run is refused without echoing credentials', () => {
    const problem = redisSetupProblem({ kind: 'url', url: 'http://user:pw@host:6379' }, {});
    expect(problem).toMatch(/^TEST_REDIS_URL must start with redis:\/\/ or rediss:\/\//);
    expect(problem).not.toContain('pw');
  });
});

describe('the end-of-run notice', () => {
  it('counts the skipped Redis tests and names the command that enables them', () => {
    expect(redisNotice(0)).toEqual([]);
    expect(redisNotice(1)[0]).toBe('NOTE: 1 Redis test did not run: no redis-server on the PATH and TEST_REDIS_URL is not set.');
    expect(redisNotice(3).join('\n')).toMatch(
      /^NOTE: 3 Redis tests did not run: .*\n.*apt-get install -y redis-server .*TEST_REDIS_URL=redis:\/\/host:port npm test/,
    );
  });

  it('counts only tests tagged redis that were skipped as such (not those a failed beforeAll left unrun)', () => {
    const test = (tags: string[], state: string, mode = state === 'skipped' ? 'skip' : 'run') => ({
      tags,
      options: { mode },
      result: () => ({ state }),
    });
    const module = (...tests: ReturnType<typeof test>[]) => ({ children: { allTests: () => tests.values() } });
    const modules = [
      module(test(['redis'], 'skipped'), test(['redis'], 'passed'), test([], 'skipped')),
      module(test(['other', 'redis'], 'skipped'), test(['redis'], 'failed'), test(['redis'], 'skipped', 'run')),
    ] as unknown as TestModule[];
    expect(skippedRedisTests(modules)).toBe(2);
  });
});
