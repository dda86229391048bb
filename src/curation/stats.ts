import type { Store } from '../store/store.js';
import type { QueueItem } from './queue.js';
import { isReason, type Reason } from './reasons.js';
import { guildTallyPrefix, TALLY_PREFIX } from './votes.js';

/** An entry's 👍/👎 and the reasons given with its current 👎s. */
export interface EntryTally {
  entryId: string;
  up: number;
  down: number;
  reasons: Partial<Record<Reason, number>>;
}

/** Unanswered questions that came closest to one entry (`closest` null: to none). */
export interface UnansweredGroup {
  closest: string | null;
  count: number;
  /** Newest first. */
  questions: string[];
}

export interface ServerStats {
  totals: { up: number; down: number };
  /** Entries with at least one 👎, most first (ties: fewer 👍 first, then by id). */
  mostDown: EntryTally[];
  /** Largest group first; "no entry" last among equals. */
  unanswered: UnansweredGroup[];
}

/** Counters named `<prefix><entry>:up|down|why:<reason>` → one tally per entry. */
export function parseTallies(counters: ReadonlyMap<string, number>, prefix: string): EntryTally[] {
  const byEntry = new Map<string, EntryTally>();
  const of = (entryId: string) => byEntry.get(entryId) ?? byEntry.set(entryId, { entryId, up: 0, down: 0, reasons: {} }).get(entryId)!;
  for (const [key, value] of counters) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const why = /^(.+):why:([a-z-]+)$/.exec(rest);
    const vote = /^(.+):(up|down)$/.exec(rest);
    if (why && isReason(why[2])) {
      if (value > 0) of(why[1]!).reasons[why[2]] = value;
    } else if (vote) {
      of(vote[1]!)[vote[2] as 'up' | 'down'] = Math.max(0, value);
    }
  }
  return [...byEntry.values()];
}

/** The tallies of one server, or of every server together. */
export async function readTallies(store: Store, guildId?: string): Promise<EntryTally[]> {
  const prefix = guildId === undefined ? TALLY_PREFIX : guildTallyPrefix(guildId);
  return parseTallies(await store.counters(prefix), prefix);
}

/** Open unanswered questions grouped by the entry they came closest to. */
export function groupUnanswered(items: readonly QueueItem[]): UnansweredGroup[] {
  const groups = new Map<string | null, UnansweredGroup>();
  for (const item of items) {
    if (item.kind !== 'unanswered') continue;
    const closest = item.closest ?? null;
    const group = groups.get(closest) ?? groups.set(closest, { closest, count: 0, questions: [] }).get(closest)!;
    group.count += item.count;
    group.questions.push(item.question);
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.count - a.count || Number(a.closest === null) - Number(b.closest === null) || (a.closest ?? '').localeCompare(b.closest ?? ''),
  );
}

/** What `/config stats` shows: the server's vote totals, its most down-voted entries and its unanswered questions. */
export function serverStats(tallies: readonly EntryTally[], items: readonly QueueItem[]): ServerStats {
  const totals = tallies.reduce((t, e) => ({ up: t.up + e.up, down: t.down + e.down }), { up: 0, down: 0 });
  const mostDown = tallies.filter((e) => e.down > 0).sort((a, b) => b.down - a.down || a.up - b.up || a.entryId.localeCompare(b.entryId));
  return { totals, mostDown, unanswered: groupUnanswered(items) };
}
