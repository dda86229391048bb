/** vitest reporter: after the summary, says how many Redis tests did not run for want of a server, and how to run them. */
import type { Reporter, TestModule } from 'vitest/node';
import { REDIS_TAG, redisNotice } from './redis-availability.js';

/** Redis tests describeWithRedis skipped for want of a server (not those skipped because a hook failed: those fail the run). */
export function skippedRedisTests(modules: readonly TestModule[]): number {
  let skipped = 0;
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      if (test.tags.includes(REDIS_TAG) && test.options.mode === 'skip' && test.result().state === 'skipped') skipped++;
    }
  }
  return skipped;
}

export default class RedisReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    const lines = redisNotice(skippedRedisTests(modules));
    if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n\n`);
  }
}
