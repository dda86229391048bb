import type { Store } from '../store/store.js';

export interface UsageCounter {
  key: string;
  limit: number;
}

/**
 * Takes one unit from each counter (e.g. the member's and the server's daily LLM calls), all or none. Each counter is
 * incremented atomically first and given back when any is over its limit, so simultaneous calls — across processes
 * too — never overshoot a limit. With the store down nothing is taken: the limits could not be kept, so the caller
 * must not spend (the store's monitor reports the fault).
 */
export async function takeUsage(store: Store, counters: readonly UsageCounter[], windowMs: number): Promise<'ok' | 'limit' | 'store-down'> {
  try {
    const counts = await Promise.all(counters.map((c) => store.increment(c.key, 1, windowMs)));
    if (counters.every((c, i) => counts[i]! <= c.limit)) return 'ok';
    await Promise.all(counters.map((c) => store.increment(c.key, -1)));
    return 'limit';
  } catch {
    return 'store-down';
  }
}
