import type { Namespace, RecordSet, Store } from '../../src/store/store.js';
import { memoryStore } from '../../src/store/store.js';

export interface FaultyStore {
  store: Store;
  /** Makes every operation on keys (or namespaces, record sets) starting with one of `prefixes` fail; '' = everything. */
  fail(...prefixes: string[]): void;
  /** Makes only writes fail there (reads still work), like a read-only file. */
  failWrites(...prefixes: string[]): void;
  heal(): void;
}

/**
 * A store that fails on demand, like one that went down or became read-only. Namespace operations are matched as
 * `<name>:<key>`, record sets by their name.
 */
export function faultyStore(inner: Store = memoryStore()): FaultyStore {
  const all = new Set<string>();
  const writes = new Set<string>();
  const check = (key: string, write: boolean) => {
    const hit = [...all, ...(write ? writes : [])].find((p) => key.startsWith(p));
    if (hit !== undefined) throw Object.assign(new Error(`store is down (test): ${key.split(':')[0]}`), { code: 'TEST_STORE_DOWN' });
  };
  /** `key` is the first argument unless given (namespaces and record sets have their own names). */
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, write: boolean, key?: string) =>
    async (...args: A): Promise<R> => {
      check(key ?? String(args[0]), write);
      return fn(...args);
    };
  const store: Store = {
    namespace<T>(name: string): Namespace<T> {
      const ns = inner.namespace<T>(name);
      const k = (key: string) => `${name}:${key}`;
      return {
        get: async (key) => guard(ns.get, false, k(key))(key),
        set: async (key, value, ttl) => guard(ns.set, true, k(key))(key, value, ttl),
        delete: async (key) => guard(ns.delete, true, k(key))(key),
      };
    },
    claim: guard(inner.claim, true),
    release: guard(inner.release, true),
    increment: guard(inner.increment, true),
    counters: guard(inner.counters, false),
    exchange: guard(inner.exchange, true),
    records<T>(name: string, options?: { max?: number }): RecordSet<T> {
      const set = inner.records<T>(name, options);
      return {
        append: guard(set.append, true, name),
        list: guard(set.list, false, name),
        get: guard(set.get, false, name),
        put: guard(set.put, true, name),
        remove: guard(set.remove, true, name),
        count: guard(set.count, false, name),
        clear: guard(set.clear, true, name),
      };
    },
    deletePrefix: guard(inner.deletePrefix, true),
    close: () => inner.close(),
  };
  return {
    store,
    fail: (...prefixes) => prefixes.forEach((p) => all.add(p)),
    failWrites: (...prefixes) => prefixes.forEach((p) => writes.add(p)),
    heal: () => {
      all.clear();
      writes.clear();
    },
  };
}
