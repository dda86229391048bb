import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type Keyv from 'keyv';
import type { Logger } from '../logger.js';
import { composeStore, type Backend } from './backend.js';
import { monitorStore } from './monitor.js';
import type { Store } from './types.js';

export type { Claim, Namespace, RecordSet, Store, StoredRecord } from './types.js';
export { memoryStore } from './memory.js';
export { monitorStore } from './monitor.js';
export { withLock, LockTimeout } from './lock.js';

/** The store URL without credentials, for messages and logs. */
export function describeStoreUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'sqlite:') return url;
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return '(unparseable store URL)';
  }
}

export class StoreError extends Error {}

export interface StoreOptions {
  connectTimeoutMs?: number;
  /** How often a SQLite file is checked for deletion under the running bot (default 30 s). */
  watchIntervalMs?: number;
  /** Called with the operation's name each time one fails (e.g. to count store errors). */
  onError?: (op: string) => void;
}

/** Writes and removes a value through each path the bot writes by (keyv and the primitives). */
async function probeWrites(store: Store): Promise<void> {
  const key = `store-check:${process.pid}:${Date.now()}`;
  await store.namespace<number>('store-check').set(key, 1, 60_000);
  await store.namespace<number>('store-check').delete(key);
  await store.claim(key, 60_000);
  await store.release(key);
}

/** Errors that mean "can be read, cannot be written" (a read-only file or folder, a read-only replica). */
const NOT_WRITABLE = /SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_PERM|EACCES|EPERM|EROFS|READONLY|NOPERM/;

const why = (err: unknown) => {
  const e = err as { code?: unknown; message?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(err);
  return typeof e.code === 'string' && !message.includes(e.code) ? `${e.code}: ${message}` : message;
};

/**
 * Opens the store named by STORE_URL: `sqlite://path/file.sqlite` (the embedded default, created on first use)
 * or `redis://…`/`rediss://…`. The adapter is imported only for the scheme in use. Start-up writes to it once, so a
 * store that cannot be reached or written (a read-only file or folder, a read-only replica) fails here, clearly.
 */
export async function createStore(url: string, logger: Logger, options: StoreOptions = {}): Promise<Store> {
  const where = describeStoreUrl(url);
  let file: string | undefined;
  const notWritable = (err: unknown, always = false) => {
    if (!always && !NOT_WRITABLE.test(why(err))) return undefined;
    const hint = file
      ? ` Check that the file and its folder (${path.dirname(file)}) exist and are writable by the user the bot runs as.`
      : ' Check that the server accepts writes (not a read-only replica) and that the user may write.';
    return new StoreError(`The store at ${where} cannot be written: ${why(err)}.${hint}`);
  };
  let opened: { backend: Backend; keyv: Keyv };
  try {
    if (url.startsWith('sqlite://')) {
      file = path.resolve(url.slice('sqlite://'.length));
      await mkdir(path.dirname(file), { recursive: true });
      opened = await (await import('./sqlite.js')).openSqliteBackend(file);
    } else if (url.startsWith('redis://') || url.startsWith('rediss://')) {
      opened = await (await import('./redis.js')).openRedisBackend(url, options.connectTimeoutMs ?? 5_000);
    } else {
      throw new StoreError(`STORE_URL must start with sqlite://, redis:// or rediss:// (got ${where}).`);
    }
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw notWritable(err) ?? new StoreError(`Cannot open the store at ${where}: ${why(err)}`);
  }
  // Failures are reported by the monitor (once per outage) and by the callers' own handling: not again here.
  opened.keyv.on('error', (err: unknown) => logger.debug({ err, store: where }, 'keyv reported an error'));
  const store = composeStore(opened.backend);
  try {
    await probeWrites(store);
  } catch (err) {
    await store.close().catch(() => undefined);
    throw notWritable(err, true)!; // it opened, so a failed write is what is wrong
  }
  logger.info({ store: where }, 'store ready');
  return monitorStore(store, logger, {
    where,
    file,
    onError: options.onError,
    ...(options.watchIntervalMs !== undefined && { watchIntervalMs: options.watchIntervalMs }),
  });
}
