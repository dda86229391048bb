import type { Store } from '../store/store.js';

/** A question curators should look at: the knowledge base had no answer, or a member voted the answer down. */
export interface QueueItem {
  kind: 'unanswered' | 'downvoted';
  question: string;
  /** The entry that was down-voted. */
  entryId?: string;
  count: number;
  lastAt: string;
}

export interface CuratorQueue {
  add(guildId: string, item: Omit<QueueItem, 'count' | 'lastAt'>, now?: Date): Promise<void>;
  list(guildId: string): Promise<QueueItem[]>;
  clear(guildId: string): Promise<void>;
}

/** Per server, newest first, at most this many distinct questions. */
export const QUEUE_SIZE = 50;
const key = (item: Pick<QueueItem, 'kind' | 'question' | 'entryId'>) =>
  `${item.kind}|${item.entryId ?? ''}|${item.question.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()}`;

export function createCuratorQueue(store: Store): CuratorQueue {
  const ns = store.namespace<QueueItem[]>('queue');
  return {
    async add(guildId, item, now = new Date()) {
      const items = (await ns.get(guildId)) ?? [];
      const existing = items.find((i) => key(i) === key(item));
      const updated: QueueItem = { ...item, count: (existing?.count ?? 0) + 1, lastAt: now.toISOString() };
      await ns.set(guildId, [updated, ...items.filter((i) => i !== existing)].slice(0, QUEUE_SIZE));
    },
    list: async (guildId) => (await ns.get(guildId)) ?? [],
    clear: (guildId) => ns.delete(guildId),
  };
}
