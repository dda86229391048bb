import { composeStore, type Backend, type RawRecord, type RecordOps } from './backend.js';
import type { Namespace, Store } from './types.js';

interface Cell<T> {
  value: T;
  expires: number | undefined;
}

/** A map whose entries may expire; expired entries read as absent. */
class Expiring<T> {
  readonly #cells = new Map<string, Cell<T>>();
  get(key: string, now = Date.now()): Cell<T> | undefined {
    const cell = this.#cells.get(key);
    if (cell?.expires !== undefined && cell.expires <= now) {
      this.#cells.delete(key);
      return undefined;
    }
    return cell;
  }
  set(key: string, value: T, ttlMs: number | undefined, now = Date.now()): void {
    this.#cells.set(key, { value, expires: ttlMs === undefined ? undefined : now + ttlMs });
  }
  delete(key: string): boolean {
    return this.#cells.delete(key);
  }
  keys(): string[] {
    return [...this.#cells.keys()].filter((k) => this.get(k) !== undefined);
  }
}

/** Record sets as arrays in memory, by set name. */
function memoryRecords(sets: Map<string, RawRecord[]>, nextId: () => string): RecordOps {
  const set = (name: string) => sets.get(name) ?? sets.set(name, []).get(name)!;
  const find = (name: string, id: string) => set(name).find((r) => r.id === id);
  return {
    async append(name, at, value, max) {
      const list = set(name);
      const id = nextId();
      list.push({ id, at, value });
      if (list.length > max) list.splice(0, list.length - max);
      return id;
    },
    list: async (name, limit, before) =>
      set(name)
        .filter((r) => before === undefined || Number(r.id) < Number(before))
        .slice(-limit)
        .reverse()
        .map((r) => ({ ...r })),
    getRecord: async (name, id) => {
      const r = find(name, id);
      return r && { ...r };
    },
    async putRecord(name, id, value) {
      const r = find(name, id);
      if (r) r.value = value;
      return r !== undefined;
    },
    async removeRecord(name, id) {
      const list = set(name);
      const at = list.findIndex((r) => r.id === id);
      if (at >= 0) list.splice(at, 1);
      return at >= 0;
    },
    countRecords: async (name) => set(name).length,
    clearRecords: async (name) => void sets.delete(name),
  };
}

/**
 * The in-memory backend (tests and the offline CLI). Each method runs synchronously to completion, so it is as atomic
 * as the SQLite and Redis ones within this one process — and shares nothing with other processes.
 */
export function memoryStore(): Store {
  const kv = new Expiring<string>();
  const claims = new Expiring<true>();
  const counts = new Expiring<number>();
  const registers = new Expiring<string>();
  const sets = new Map<string, RawRecord[]>();
  let seq = 0;

  const backend: Backend = {
    namespace(name): Namespace<unknown> {
      const k = (key: string) => `${name}:${key}`;
      return {
        get: async (key) => {
          const cell = kv.get(k(key));
          return cell ? (JSON.parse(cell.value) as unknown) : undefined;
        },
        set: async (key, value, ttlMs) => kv.set(k(key), JSON.stringify(value), ttlMs),
        delete: async (key) => void kv.delete(k(key)),
      };
    },
    async claim(key, ttlMs) {
      const held = claims.get(key);
      if (held) return { claimed: false, remainingMs: held.expires === undefined ? Infinity : held.expires - Date.now() };
      claims.set(key, true, ttlMs);
      return { claimed: true };
    },
    release: async (key) => void claims.delete(key),
    async increment(key, by, ttlMs) {
      const cell = counts.get(key);
      if (!cell) counts.set(key, by, ttlMs);
      else cell.value += by;
      return counts.get(key)!.value;
    },
    counters: async (prefix) =>
      new Map(
        counts
          .keys()
          .filter((k) => k.startsWith(prefix))
          .map((k) => [k, counts.get(k)!.value]),
      ),
    async exchange(key, value, ttlMs) {
      const previous = registers.get(key)?.value;
      registers.set(key, value, ttlMs);
      return previous;
    },
    ...memoryRecords(sets, () => String(++seq)),
    async deletePrefix(prefix) {
      let n = 0;
      for (const map of [kv, claims, counts, registers]) for (const k of map.keys()) if (k.startsWith(prefix) && map.delete(k)) n++;
      for (const [name, list] of sets) {
        if (!name.startsWith(prefix)) continue;
        n += list.length;
        sets.delete(name);
      }
      return n;
    },
    close: async () => undefined,
  };
  return composeStore(backend);
}
