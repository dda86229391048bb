import type { Store } from './types.js';

export class LockTimeout extends Error {}

/**
 * Runs `fn` while holding `lock:<key>` (a claim), so read-modify-write sequences on one value never interleave,
 * across processes too. The claim expires after `ttlMs` should its holder crash; waiting gives up after `waitMs`.
 */
export async function withLock<T>(
  store: Store,
  key: string,
  fn: () => Promise<T>,
  options: { ttlMs?: number; waitMs?: number } = {},
): Promise<T> {
  const lockKey = `lock:${key}`;
  const deadline = Date.now() + (options.waitMs ?? 5_000);
  while (!(await store.claim(lockKey, options.ttlMs ?? 10_000)).claimed) {
    if (Date.now() > deadline) throw new LockTimeout(`timed out waiting for the lock on ${key}`);
    await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
  }
  try {
    return await fn();
  } finally {
    await store.release(lockKey);
  }
}
