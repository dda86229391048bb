import type { QueueItem } from './queue.js';
import type { Reason } from './reasons.js';

/** One open queue item as exported: what a curator needs to write the fix, nothing internal. */
export type ExportedItem =
  | {
      id: string;
      kind: 'downvoted';
      question: string;
      entryId: string | null;
      count: number;
      lastAt: string;
      reasons: Partial<Record<Reason, number>>;
      comments: string[];
    }
  | { id: string; kind: 'unanswered'; question: string; closest: string | null; count: number; lastAt: string };

export interface QueueExport {
  guildId: string;
  items: ExportedItem[];
}

function exported(item: QueueItem): ExportedItem {
  const { id, question, count, lastAt } = item;
  if (item.kind === 'unanswered') return { id, kind: 'unanswered', question, closest: item.closest ?? null, count, lastAt };
  return { id, kind: 'downvoted', question, entryId: item.entryId ?? null, count, lastAt, reasons: item.reasons, comments: item.comments };
}

/**
 * The open items of a server's curator queue, newest first, as `/config queue export` attaches them and the CLI's
 * `queue --json` prints them: one document, the same from both.
 */
export function queueExport(guildId: string, items: readonly QueueItem[]): QueueExport {
  return { guildId, items: items.map(exported) };
}

export const exportText = (doc: QueueExport): string => `${JSON.stringify(doc, null, 2)}\n`;
export const exportFileName = (guildId: string): string => `curator-queue-${guildId}.json`;
