/**
 * Everything a store holds, read straight from its SQLite file or Redis server (not through the bot's store API),
 * as `key = value` lines — to prove what is, and is not, stored about someone.
 */
import { createClient } from '@keyv/redis';
import sqlite3 from 'sqlite3';

const TABLES = ['keyv', 'bot_claims', 'bot_counters', 'bot_registers', 'bot_records'] as const;

/** Every row of the bot's SQLite tables: `table key = value` (records: `bot_records name#id = value`). */
export async function sqliteDump(file: string): Promise<string[]> {
  const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
  const all = (sql: string) =>
    new Promise<Record<string, unknown>[]>((resolve, reject) =>
      db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows as Record<string, unknown>[]))),
    );
  try {
    const lines: string[] = [];
    for (const table of TABLES) {
      const rows = await all(`SELECT * FROM ${table}`);
      for (const r of rows)
        lines.push(
          table === 'bot_records'
            ? `${table} ${String(r.name)}#${String(r.id)} = ${String(r.value)}`
            : `${table} ${String(r.key)} = ${String((r.value as string | number | null | undefined) ?? '')}`,
        );
    }
    return lines;
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** Every key of a Redis server with its value, whatever its type: `key = value`. Pass `match` on a shared server. */
export async function redisDump(url: string, match = '*'): Promise<string[]> {
  const client = createClient({ url });
  await client.connect();
  try {
    const lines: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: match, COUNT: 500 })) {
      for (const key of [batch].flat()) {
        const type = await client.type(key);
        const value =
          type === 'string'
            ? await client.get(key)
            : type === 'hash'
              ? JSON.stringify(await client.hGetAll(key))
              : type === 'zset'
                ? JSON.stringify(await client.zRange(key, 0, -1))
                : type === 'set'
                  ? JSON.stringify(await client.sMembers(key))
                  : type === 'list'
                    ? JSON.stringify(await client.lRange(key, 0, -1))
                    : `(${type})`;
        lines.push(`${key} = ${String(value)}`);
      }
    }
    return lines;
  } finally {
    await client.quit();
  }
}
