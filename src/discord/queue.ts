import type { Metrics } from '../ops/metrics.js';
import type { Store } from '../store/store.js';

/** One event for curators: the knowledge base had no answer, or a member voted an answer down. */
export interface QueueRecord {
  kind: 'unanswered' | 'downvoted';
  question: string;
  /** The entry that was down-voted. */
  entryId?: string;
}

/** Records about the same question (and entry) shown together, with how many there were. */
export interface QueueItem extends QueueRecord {
  count: number;
  lastAt: string;
  /** The records it stands for (to clear exactly what was shown). */
  recordIds: string[];
}

export interface CuratorQueue {
  add(guildId: string, record: QueueRecord, now?: Date): Promise<void>;
  /** Newest first, at most QUEUE_SIZE distinct questions. */
  list(guildId: string): Promise<QueueItem[]>;
  /** Removes the given records (those a curator was shown); records added since stay. */
  remove(guildId: string, recordIds: readonly string[]): Promise<void>;
}

/** Per server, at most this many distinct questions are shown … */
export const QUEUE_SIZE = 50;
/** … out of at most this many records kept (the oldest go first). */
export const QUEUE_RECORDS = 1_000;

const key = (r: QueueRecord) => `${r.kind}|${r.entryId ?? ''}|${r.question.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()}`;

/**
 * The curator queue: every unanswered question and every 👎 is its own record (an append to the server's record
 * set), so simultaneous events — even from several bot processes — never overwrite each other.
 */
export function createCuratorQueue(store: Store, metrics?: Pick<Metrics, 'queueRecord'>): CuratorQueue {
  const set = (guildId: string) => store.records<QueueRecord>(`queue:${guildId}`, { max: QUEUE_RECORDS });
  return {
    async add(guildId, record, now = new Date()) {
      const { kind, question, entryId } = record;
      await set(guildId).append({ kind, question, ...(entryId !== undefined && { entryId }) }, now.getTime());
      metrics?.queueRecord(kind);
    },
    async list(guildId) {
      const records = await set(guildId).list({ limit: QUEUE_RECORDS });
      const items = new Map<string, QueueItem>();
      for (const r of records) {
        const item = items.get(key(r.value));
        if (item) {
          item.count++;
          item.recordIds.push(r.id);
        } else items.set(key(r.value), { ...r.value, count: 1, lastAt: new Date(r.at).toISOString(), recordIds: [r.id] });
      }
      return [...items.values()].slice(0, QUEUE_SIZE);
    },
    async remove(guildId, recordIds) {
      const s = set(guildId);
      await Promise.all(recordIds.map((id) => s.remove(id)));
    },
  };
}
