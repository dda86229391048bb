import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import Keyv from 'keyv';
import type { Logger } from '../logger.js';

/** One typed corner of the store: each feature owns a namespace and the type of its values. */
export interface Namespace<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface Store {
  namespace<T>(name: string): Namespace<T>;
  close(): Promise<void>;
}

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

/** Wraps a Keyv instance; tests pass an in-memory `new Keyv()`. */
export function storeFromKeyv(keyv: Keyv): Store {
  return {
    namespace<T>(name: string): Namespace<T> {
      const k = (key: string) => `${name}:${key}`;
      return {
        get: async (key) => (await keyv.get<T>(k(key))) ?? undefined,
        set: async (key, value, ttlMs) => {
          await keyv.set(k(key), value, ttlMs);
        },
        delete: async (key) => {
          await keyv.delete(k(key));
        },
      };
    },
    close: () => keyv.disconnect(),
  };
}

export class StoreError extends Error {}

/**
 * Opens the store named by STORE_URL: `sqlite://path/file.sqlite` (the embedded default, created on first use)
 * or `redis://…`/`rediss://…`. The adapter is imported only for the scheme in use. Fails with a clear message when
 * the store cannot be reached.
 */
export async function createStore(url: string, logger: Logger, options: { connectTimeoutMs?: number } = {}): Promise<Store> {
  const where = describeStoreUrl(url);
  let keyv: Keyv;
  if (url.startsWith('sqlite://')) {
    const file = url.slice('sqlite://'.length);
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    const { default: KeyvSqlite } = await import('@keyv/sqlite');
    keyv = new Keyv({ store: new KeyvSqlite({ uri: url }), namespace: 'bot', throwOnErrors: true });
  } else if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    const { default: KeyvRedis } = await import('@keyv/redis');
    const redis = new KeyvRedis(url, { throwOnConnectError: true, connectionTimeout: options.connectTimeoutMs ?? 5_000 });
    keyv = new Keyv({ store: redis, namespace: 'bot', throwOnErrors: true });
  } else {
    throw new StoreError(`STORE_URL must start with sqlite://, redis:// or rediss:// (got ${where}).`);
  }
  keyv.on('error', (err: unknown) => logger.error({ err, store: where }, 'store error'));
  try {
    await keyv.get('health-check');
  } catch (err) {
    await keyv.disconnect().catch(() => undefined);
    throw new StoreError(`Cannot open the store at ${where}: ${(err as Error).message}`);
  }
  logger.info({ store: where }, 'store ready');
  return storeFromKeyv(keyv);
}
