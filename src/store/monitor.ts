import { statSync } from 'node:fs';
import type { Logger } from '../logger.js';
import type { Namespace, RecordSet, Store } from './types.js';

export interface MonitorOptions {
  /** The store as shown in logs (no credentials). */
  where: string;
  /** For SQLite: the file to watch; its deletion or replacement under the running bot is reported. */
  file?: string | undefined;
  /** How often the file is checked (default 30 s). */
  watchIntervalMs?: number;
  /** Counts every failed operation (the log has one line per outage). */
  onError?: ((op: string) => void) | undefined;
}

/** Operations that change data: a success of one of these after failures means the store is writable again. */
const WRITES = new Set(['set', 'delete', 'claim', 'release', 'increment', 'exchange', 'append', 'put', 'remove', 'clear', 'deletePrefix']);

const MONITORED = Symbol('monitored store');

const inode = (file: string) => {
  try {
    return statSync(file).ino;
  } catch {
    return undefined;
  }
};

type Track = <A extends unknown[], R>(op: string, fn: (...args: A) => Promise<R>) => (...args: A) => Promise<R>;

/** Wraps operations so that a fault is logged once, with its cause, and its end (a successful write) too. */
function faultTracker(log: Logger, file: string | undefined, onError: MonitorOptions['onError']): Track {
  let failing: { since: number; failures: number } | undefined;
  const fileState = () => (file === undefined ? {} : { fileExists: inode(file) !== undefined });
  return (op, fn) =>
    async (...args) => {
      try {
        const result = await fn(...args);
        if (failing && WRITES.has(op)) {
          log.info({ failures: failing.failures, forMs: Date.now() - failing.since }, 'store writable again');
          failing = undefined;
        }
        return result;
      } catch (err) {
        onError?.(op);
        if (!failing) {
          failing = { since: Date.now(), failures: 1 };
          log.error(
            { op, err, ...fileState() },
            'store operation failed; members still get answers, but what it would have saved is lost until the store recovers',
          );
        } else {
          failing.failures++;
          log.debug({ op, failures: failing.failures }, 'store still failing');
        }
        throw err;
      }
    };
}

/** Reports, once, the store file being deleted or replaced under the running bot. */
function watchFile(file: string, log: Logger, intervalMs: number): NodeJS.Timeout {
  const original = inode(file);
  let reported = false;
  const watch = setInterval(() => {
    const now = inode(file);
    if (now === original) reported = false;
    else if (!reported) {
      reported = true;
      log.error(
        { fileExists: now !== undefined },
        'the store file was deleted or replaced while the bot runs (was the data folder removed?); what the bot saves now is lost at the next restart — restore the folder and restart the bot',
      );
    }
  }, intervalMs);
  watch.unref();
  return watch;
}

/**
 * Wraps a store so that a fault is logged once, with its cause, however many operations fail while it lasts (the
 * callers degrade without logging it again), and its end is logged too. Errors still reach the callers.
 */
export function monitorStore(store: Store, logger: Logger, options: MonitorOptions): Store {
  if (MONITORED in store) return store; // already monitored (e.g. by createStore)
  const log = logger.child({ component: 'store', store: options.where });
  const track = faultTracker(log, options.file, options.onError);
  const watch = options.file === undefined ? undefined : watchFile(options.file, log, options.watchIntervalMs ?? 30_000);

  const records = <T>(name: string, opts?: { max?: number }): RecordSet<T> => {
    const set = store.records<T>(name, opts);
    return {
      append: track('append', set.append),
      list: track('list', set.list),
      get: track('get', set.get),
      put: track('put', set.put),
      remove: track('remove', set.remove),
      count: track('count', set.count),
      clear: track('clear', set.clear),
    };
  };
  const monitored: Store & { [MONITORED]: true } = {
    [MONITORED]: true,
    namespace<T>(name: string): Namespace<T> {
      const ns = store.namespace<T>(name);
      return { get: track('get', ns.get), set: track('set', ns.set), delete: track('delete', ns.delete) };
    },
    claim: track('claim', store.claim),
    release: track('release', store.release),
    increment: track('increment', store.increment),
    counters: track('counters', store.counters),
    exchange: track('exchange', store.exchange),
    records,
    deletePrefix: track('deletePrefix', store.deletePrefix),
    async close() {
      if (watch) clearInterval(watch);
      await store.close();
    },
  };
  return monitored;
}
