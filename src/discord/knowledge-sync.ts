import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

/** What a /config reload leaves in the shared store for the other shards and processes to follow. */
interface Announcement {
  id: string;
  version: string;
  at: number;
}

export interface KnowledgeSync {
  /** After a moderator's reload here: tells every other shard/process (through the store, then `onAnnounce`). */
  announce(version: string): Promise<void>;
  /** Reloads when another shard announced a reload since the last look (a poll, or a nudge from the manager). */
  check(): Promise<void>;
  /** Remembers the current announcement (a process starting reads knowledge/ anyway) and starts polling. */
  start(): Promise<void>;
  stop(): void;
}

export interface KnowledgeSyncOptions {
  /** How often the store is looked at (default 5 s): the bound on how late another machine's shards follow. */
  intervalMs?: number;
  /** Called after an announcement is stored, e.g. to nudge the other shards of this ShardingManager at once. */
  onAnnounce?: () => void;
}

const KEY = 'reload';

/**
 * Keeps the knowledge base the same on every shard: a reload by /config on one shard is announced in the shared store
 * (one key), and every shard that sees a new announcement re-reads knowledge/ itself (origin "shard" in the
 * metrics). Polling works across machines; under `npm run start:sharded` the manager also relays a nudge so the other
 * shards follow at once.
 */
export function createKnowledgeSync(
  store: Store,
  logger: Logger,
  reload: () => Promise<unknown>,
  options: KnowledgeSyncOptions = {},
): KnowledgeSync {
  const ns = store.namespace<Announcement>('knowledge-sync');
  const log = logger.child({ component: 'knowledge-sync' });
  let seen: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let checking: Promise<void> | undefined;

  const look = async () => {
    const current = await ns.get(KEY).catch(() => undefined); // the store's monitor reports an outage
    if (!current || current.id === seen) return;
    seen = current.id;
    log.info({ version: current.version }, 'another shard reloaded the knowledge base; reloading here');
    await reload();
  };

  return {
    async announce(version) {
      const id = randomUUID();
      seen = id;
      try {
        await ns.set(KEY, { id, version, at: Date.now() });
        options.onAnnounce?.();
      } catch (err) {
        log.warn({ err }, 'could not tell the other shards about the reload (store unavailable); they keep their version');
      }
    },
    check() {
      checking ??= look().finally(() => (checking = undefined));
      return checking;
    },
    async start() {
      seen = (await ns.get(KEY).catch(() => undefined))?.id;
      timer = setInterval(() => void this.check(), options.intervalMs ?? 5_000);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
