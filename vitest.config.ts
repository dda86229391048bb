import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Each end-to-end file runs its own fake Discord and a fresh discord.js Client in its own process.
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Redis-backed tests (tests/support/redis.ts) are tagged, skipped and counted when no Redis can be had.
    reporters: ['default', './tests/support/redis-reporter.ts'],
    tags: [{ name: 'redis', description: 'needs a Redis server (redis-server on the PATH or TEST_REDIS_URL)' }],
  },
});
