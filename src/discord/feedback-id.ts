import type { FeedbackKind, Vote } from '../curation/votes.js';
import { RULE_COMMANDS } from '../kb/understand.js';

/** `fb:<up|down>:<k|l|r>:<entry or command>` → its parts, or undefined for anything else (forged or from an old version). */
export function parseFeedbackId(customId: string): { vote: Vote; kind: FeedbackKind; entryId: string } | undefined {
  const m = /^fb:(up|down):(k|l|r):([a-z0-9][a-z0-9-]*)$/.exec(customId);
  return m ? { vote: m[1] as Vote, kind: m[2] as FeedbackKind, entryId: m[3]! } : undefined;
}

/** Whether a parsed feedback id names something that exists: an entry of the knowledge base, or a rule command. */
export function knownSubject(parsed: { kind: FeedbackKind; entryId: string }, entries: { has(id: string): boolean }): boolean {
  return parsed.kind === 'r' ? (RULE_COMMANDS as readonly string[]).includes(parsed.entryId) : entries.has(parsed.entryId);
}
