import type Keyv from 'keyv';
import type { Claim, Namespace, RecordSet, Store, StoredRecord } from './types.js';

/** A record as a backend holds it: the value is JSON text. */
export interface RawRecord {
  id: string;
  at: number;
  value: string;
}

/**
 * What each backend (memory, SQLite, Redis) implements, on JSON text; `composeStore` adds the typing. Every method
 * is atomic on its own, in that backend's own terms (one SQL statement, one Redis command or script).
 */
export interface Backend {
  namespace(name: string): Namespace<unknown>;
  claim(key: string, ttlMs: number | undefined): Promise<Claim>;
  release(key: string): Promise<void>;
  increment(key: string, by: number, ttlMs: number | undefined): Promise<number>;
  counters(prefix: string): Promise<Map<string, number>>;
  exchange(key: string, value: string, ttlMs: number | undefined): Promise<string | undefined>;
  append(set: string, at: number, value: string, max: number): Promise<string>;
  list(set: string, limit: number, before: string | undefined): Promise<RawRecord[]>;
  getRecord(set: string, id: string): Promise<RawRecord | undefined>;
  putRecord(set: string, id: string, value: string): Promise<boolean>;
  removeRecord(set: string, id: string): Promise<boolean>;
  countRecords(set: string): Promise<number>;
  clearRecords(set: string): Promise<void>;
  deletePrefix(prefix: string): Promise<number>;
  close(): Promise<void>;
}

/** The atomic primitives of a backend, and its record sets: each backend builds them apart from its connection. */
export type Primitives = Pick<Backend, 'claim' | 'release' | 'increment' | 'counters' | 'exchange'>;
export type RecordOps = Pick<Backend, 'append' | 'list' | 'getRecord' | 'putRecord' | 'removeRecord' | 'countRecords' | 'clearRecords'>;

/** Without a `max`, a record set keeps this many (the oldest go first). */
export const DEFAULT_RECORD_MAX = 10_000;
const DEFAULT_PAGE = 50;

/** A TTL of 0 or less is a programming error: it would mean "already expired". */
export function checkTtl(ttlMs: number | undefined): number | undefined {
  if (ttlMs !== undefined && !(ttlMs > 0)) throw new RangeError(`ttlMs must be positive (got ${ttlMs})`);
  return ttlMs === undefined ? undefined : Math.ceil(ttlMs);
}

/** Namespaces stored through keyv, keyed `<name>:<key>` inside keyv's own namespace. */
export function keyvNamespace(keyv: Keyv, name: string): Namespace<unknown> {
  const k = (key: string) => `${name}:${key}`;
  return {
    get: async (key) => ((await keyv.get(k(key))) as unknown) ?? undefined,
    set: async (key, value, ttlMs) => {
      await keyv.set(k(key), value, checkTtl(ttlMs));
    },
    delete: async (key) => {
      await keyv.delete(k(key));
    },
  };
}

const parse = <T>(r: RawRecord): StoredRecord<T> => ({ id: r.id, at: r.at, value: JSON.parse(r.value) as T });

function recordSet<T>(b: Backend, name: string, max: number): RecordSet<T> {
  return {
    append: (value, at = Date.now()) => b.append(name, at, JSON.stringify(value), max),
    async list(options = {}) {
      return (await b.list(name, Math.max(1, options.limit ?? DEFAULT_PAGE), options.before)).map((r) => parse<T>(r));
    },
    async get(id) {
      const r = await b.getRecord(name, id);
      return r && parse<T>(r);
    },
    put: (id, value) => b.putRecord(name, id, JSON.stringify(value)),
    remove: (id) => b.removeRecord(name, id),
    count: () => b.countRecords(name),
    clear: () => b.clearRecords(name),
  };
}

/** The typed Store over a backend. */
export function composeStore(b: Backend): Store {
  return {
    namespace: <T>(name: string) => b.namespace(name) as Namespace<T>,
    claim: async (key, ttlMs) => b.claim(key, checkTtl(ttlMs)),
    release: (key) => b.release(key),
    increment: async (key, by = 1, ttlMs) => b.increment(key, by, checkTtl(ttlMs)),
    counters: (prefix) => b.counters(prefix),
    async exchange<T>(key: string, value: T, ttlMs?: number) {
      const previous = await b.exchange(key, JSON.stringify(value), checkTtl(ttlMs));
      return previous === undefined ? undefined : (JSON.parse(previous) as T);
    },
    records: <T>(name: string, options: { max?: number } = {}) => recordSet<T>(b, name, options.max ?? DEFAULT_RECORD_MAX),
    deletePrefix: (prefix) => b.deletePrefix(prefix),
    close: () => b.close(),
  };
}
