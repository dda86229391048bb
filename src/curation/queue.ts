import type { AnswerView } from '../answer/view.js';
import type { Metrics } from '../ops/metrics.js';
import type { Store, StoredRecord } from '../store/store.js';
import { cleanComment, type Because, type Reason } from './reasons.js';

/** One event for curators: the knowledge base had no answer, or a member voted an answer down. */
export interface QueueRecord {
  kind: 'unanswered' | 'downvoted';
  question: string;
  /** The entry that was down-voted. */
  entryId?: string;
  /** Unanswered: the entry the question came closest to (its first "did you mean" suggestion); none when absent. */
  closest?: string;
  /** Down-voted: what the member said was wrong, when they said. */
  reason?: Reason;
  comment?: string;
}

/** Records about the same question (and entry) shown together, with how many there were. */
export interface QueueItem {
  /** Its newest record's id: how buttons name the item. */
  id: string;
  kind: QueueRecord['kind'];
  question: string;
  entryId?: string;
  closest?: string;
  count: number;
  lastAt: string;
  /** How many of its records gave each reason. */
  reasons: Partial<Record<Reason, number>>;
  /** Members' comments, newest first. */
  comments: string[];
  /** The records it stands for (to clear exactly what was shown). */
  recordIds: string[];
}

export interface CuratorQueue {
  /** Appends a record and returns its id. */
  add(guildId: string, record: QueueRecord, now?: Date): Promise<string>;
  /** Every open item, newest first. */
  list(guildId: string): Promise<QueueItem[]>;
  /** Removes the given records (those a curator was shown); records added since stay. */
  remove(guildId: string, recordIds: readonly string[]): Promise<void>;
  /**
   * Marks the item named `itemId` done: its records up to that one leave the queue (the same question asked again
   * since stays, as a new item). Returns how many records left.
   */
  done(guildId: string, itemId: string): Promise<number>;
  /** Adds the member's reason to their 👎 record; false when the record has left the queue. */
  explain(guildId: string, recordId: string, because: Because): Promise<boolean>;
}

/** Per server, at most this many records are kept (the oldest go first). */
export const QUEUE_RECORDS = 1_000;

const normalized = (q: string) => q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
const key = (r: QueueRecord) => `${r.kind}|${r.entryId ?? ''}|${normalized(r.question)}`;

/** The record for an unanswered question: with the entry it came closest to, if the engine suggested one. */
export function unansweredRecord(question: string, view: Pick<AnswerView, 'answered' | 'related'>): QueueRecord {
  const closest = view.answered ? undefined : view.related[0]?.id;
  return { kind: 'unanswered', question, ...(closest !== undefined && { closest }) };
}

/** Groups records (newest first) into items: same kind, entry and question (ignoring case and spacing). */
export function groupRecords(records: readonly StoredRecord<QueueRecord>[]): QueueItem[] {
  const items = new Map<string, QueueItem>();
  for (const { id, at, value: r } of records) {
    let item = items.get(key(r));
    if (!item) {
      item = {
        id,
        kind: r.kind,
        question: r.question,
        count: 0,
        lastAt: new Date(at).toISOString(),
        reasons: {},
        comments: [],
        recordIds: [],
      };
      if (r.entryId !== undefined) item.entryId = r.entryId;
      if (r.closest !== undefined) item.closest = r.closest;
      items.set(key(r), item);
    }
    item.count++;
    item.recordIds.push(id);
    if (r.reason) item.reasons[r.reason] = (item.reasons[r.reason] ?? 0) + 1;
    if (r.comment) item.comments.push(r.comment);
  }
  return [...items.values()];
}

/**
 * The curator queue: every unanswered question and every first 👎 is its own record (an append to the server's
 * record set), so simultaneous events — even from several bot processes — never overwrite each other. A record's
 * value changes only when its member explains their 👎; marking done removes records.
 */
export function createCuratorQueue(store: Store, metrics?: Pick<Metrics, 'queueRecord'>): CuratorQueue {
  const set = (guildId: string) => store.records<QueueRecord>(`queue:${guildId}`, { max: QUEUE_RECORDS });
  const list = async (guildId: string) => groupRecords(await set(guildId).list({ limit: QUEUE_RECORDS }));
  const remove = async (guildId: string, recordIds: readonly string[]) => {
    const s = set(guildId);
    return (await Promise.all(recordIds.map((id) => s.remove(id)))).filter(Boolean).length;
  };
  return {
    async add(guildId, record, now = new Date()) {
      const { kind, question, entryId, closest } = record;
      const id = await set(guildId).append(
        { kind, question, ...(entryId !== undefined && { entryId }), ...(closest !== undefined && { closest }) },
        now.getTime(),
      );
      metrics?.queueRecord(kind);
      return id;
    },
    list,
    async remove(guildId, recordIds) {
      await remove(guildId, recordIds);
    },
    async done(guildId, itemId) {
      const item = (await list(guildId)).find((i) => i.recordIds.includes(itemId));
      return item
        ? remove(
            guildId,
            item.recordIds.filter((id) => Number(id) <= Number(itemId)),
          )
        : 0;
    },
    async explain(guildId, recordId, because) {
      const s = set(guildId);
      const record = await s.get(recordId);
      if (!record) return false;
      const comment = cleanComment(because.comment);
      const { comment: _old, ...rest } = record.value;
      return s.put(recordId, { ...rest, reason: because.reason, ...(comment !== undefined && { comment }) });
    },
  };
}
