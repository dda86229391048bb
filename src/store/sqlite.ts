import Keyv from 'keyv';
import type sqlite3 from 'sqlite3';
import { keyvNamespace, type Backend, type Primitives, type RawRecord, type RecordOps } from './backend.js';

/** How long a statement waits for another connection or process holding the write lock (then SQLITE_BUSY). */
export const BUSY_TIMEOUT_MS = 5_000;
/** keyv's own namespace: its rows are keyed `bot:<name>:<key>` in its table `keyv`. */
export const KEYV_NAMESPACE = 'bot';

const SCHEMA = [
  'CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT )',
  'CREATE TABLE IF NOT EXISTS bot_claims(key TEXT PRIMARY KEY, expires INTEGER)',
  'CREATE TABLE IF NOT EXISTS bot_counters(key TEXT PRIMARY KEY, value INTEGER NOT NULL, expires INTEGER)',
  'CREATE TABLE IF NOT EXISTS bot_registers(key TEXT PRIMARY KEY, value TEXT NOT NULL, prev TEXT, expires INTEGER)',
  'CREATE TABLE IF NOT EXISTS bot_records(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, at INTEGER NOT NULL, value TEXT NOT NULL)',
  'CREATE INDEX IF NOT EXISTS bot_records_by_name ON bot_records(name, id)',
];
const live = (table: string) => `(${table}.expires IS NULL OR ${table}.expires > ?)`;
const expiredAt = (table: string, now: string) => `(${table}.expires IS NOT NULL AND ${table}.expires <= ${now})`;
const startsWith = 'substr(key, 1, length(?)) = ?';

interface Db {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
  run(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

function open(file: string, driver: typeof sqlite3): Promise<Db> {
  return new Promise((resolve, reject) => {
    const db = new driver.Database(file, (err) => {
      if (err) return reject(err);
      db.configure('busyTimeout', BUSY_TIMEOUT_MS);
      resolve({
        all: <T>(sql: string, params: unknown[] = []) =>
          new Promise<T[]>((res, rej) => db.all(sql, params, (e, rows) => (e ? rej(e) : res(rows as T[])))),
        run: (sql, params = []) =>
          new Promise<number>((res, rej) =>
            db.run(sql, params, function (this: sqlite3.RunResult, e: Error | null) {
              return e ? rej(e) : res(this.changes);
            }),
          ),
        close: () => new Promise<void>((res, rej) => db.close((e) => (e ? rej(e) : res()))),
      });
    });
  });
}

const record = (r: { id: number; at: number; value: string }): RawRecord => ({ id: String(r.id), at: r.at, value: r.value });
const expiry = (ttlMs: number | undefined) => (ttlMs === undefined ? null : Date.now() + ttlMs);

/** Claims, counters and registers: each one SQL statement. */
function sqlitePrimitives(db: Db): Primitives {
  return {
    async claim(key, ttlMs) {
      const now = Date.now();
      const won = await db.all(
        `INSERT INTO bot_claims(key, expires) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET expires = excluded.expires WHERE ${expiredAt('bot_claims', '?3')} RETURNING key`,
        [key, expiry(ttlMs), now],
      );
      if (won.length > 0) return { claimed: true };
      const [held] = await db.all<{ expires: number | null }>('SELECT expires FROM bot_claims WHERE key = ?', [key]);
      return { claimed: false, remainingMs: held?.expires == null ? Infinity : Math.max(0, held.expires - now) };
    },
    release: async (key) => void (await db.run('DELETE FROM bot_claims WHERE key = ?', [key])),
    async increment(key, by, ttlMs) {
      const expired = expiredAt('bot_counters', '?4');
      const [row] = await db.all<{ value: number }>(
        `INSERT INTO bot_counters(key, value, expires) VALUES(?1, ?2, ?3) ON CONFLICT(key) DO UPDATE SET
           value = CASE WHEN ${expired} THEN excluded.value ELSE bot_counters.value + excluded.value END,
           expires = CASE WHEN ${expired} THEN excluded.expires ELSE bot_counters.expires END
         RETURNING value`,
        [key, by, expiry(ttlMs), Date.now()],
      );
      return row!.value;
    },
    async counters(prefix) {
      const rows = await db.all<{ key: string; value: number }>(
        `SELECT key, value FROM bot_counters WHERE ${startsWith} AND ${live('bot_counters')}`,
        [prefix, prefix, Date.now()],
      );
      return new Map(rows.map((r) => [r.key, r.value]));
    },
    async exchange(key, value, ttlMs) {
      const [row] = await db.all<{ prev: string | null }>(
        `INSERT INTO bot_registers(key, value, prev, expires) VALUES(?1, ?2, NULL, ?3) ON CONFLICT(key) DO UPDATE SET
           prev = CASE WHEN ${expiredAt('bot_registers', '?4')} THEN NULL ELSE bot_registers.value END,
           value = excluded.value, expires = excluded.expires
         RETURNING prev`,
        [key, value, expiry(ttlMs), Date.now()],
      );
      return row?.prev ?? undefined;
    },
  };
}

/** Append-only record sets in one table, keyed by set name. */
function sqliteRecords(db: Db): RecordOps {
  return {
    async append(set, at, value, max) {
      const [row] = await db.all<{ id: number }>('INSERT INTO bot_records(name, at, value) VALUES(?, ?, ?) RETURNING id', [set, at, value]);
      await db.run(
        'DELETE FROM bot_records WHERE name = ?1 AND id <= (SELECT id FROM bot_records WHERE name = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)',
        [set, max],
      );
      return String(row!.id);
    },
    async list(set, limit, before) {
      const rows = await db.all<{ id: number; at: number; value: string }>(
        'SELECT id, at, value FROM bot_records WHERE name = ? AND id < ? ORDER BY id DESC LIMIT ?',
        [set, before === undefined ? Number.MAX_SAFE_INTEGER : Number(before), limit],
      );
      return rows.map(record);
    },
    async getRecord(set, id) {
      const [row] = await db.all<{ id: number; at: number; value: string }>(
        'SELECT id, at, value FROM bot_records WHERE name = ? AND id = ?',
        [set, Number(id)],
      );
      return row && record(row);
    },
    putRecord: async (set, id, value) =>
      (await db.run('UPDATE bot_records SET value = ? WHERE name = ? AND id = ?', [value, set, Number(id)])) > 0,
    removeRecord: async (set, id) => (await db.run('DELETE FROM bot_records WHERE name = ? AND id = ?', [set, Number(id)])) > 0,
    countRecords: async (set) => (await db.all<{ n: number }>('SELECT count(*) AS n FROM bot_records WHERE name = ?', [set]))[0]!.n,
    clearRecords: async (set) => void (await db.run('DELETE FROM bot_records WHERE name = ?', [set])),
  };
}

/**
 * SQLite: keyv (its own connection) for namespaces, and a second connection for the atomic primitives, each one
 * SQL statement (INSERT … ON CONFLICT … RETURNING), so simultaneous events and several processes on one file
 * (sharding) cannot lose each other's writes. Both connections wait up to BUSY_TIMEOUT_MS for the write lock.
 */
export async function openSqliteBackend(file: string): Promise<{ backend: Backend; keyv: Keyv }> {
  const [{ default: KeyvSqlite }, { default: driver }] = await Promise.all([import('@keyv/sqlite'), import('sqlite3')]);
  const keyv = new Keyv({
    store: new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: BUSY_TIMEOUT_MS }),
    namespace: KEYV_NAMESPACE,
    throwOnErrors: true,
  });
  const db = await open(file, driver);
  try {
    for (const statement of SCHEMA) await db.all(statement);
  } catch (err) {
    await db.close().catch(() => undefined);
    await keyv.disconnect().catch(() => undefined);
    throw err;
  }
  const backend: Backend = {
    namespace: (name) => keyvNamespace(keyv, name),
    ...sqlitePrimitives(db),
    ...sqliteRecords(db),
    async deletePrefix(prefix) {
      let n = 0;
      for (const table of ['bot_claims', 'bot_counters', 'bot_registers'])
        n += await db.run(`DELETE FROM ${table} WHERE ${startsWith}`, [prefix, prefix]);
      n += await db.run(`DELETE FROM bot_records WHERE substr(name, 1, length(?)) = ?`, [prefix, prefix]);
      const keyvPrefix = `${KEYV_NAMESPACE}:${prefix}`;
      return n + (await db.run(`DELETE FROM keyv WHERE ${startsWith}`, [keyvPrefix, keyvPrefix]));
    },
    async close() {
      await Promise.allSettled([db.close(), keyv.disconnect()]);
    },
  };
  return { backend, keyv };
}
