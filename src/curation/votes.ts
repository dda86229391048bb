import type { Store } from '../store/store.js';
import type { CuratorQueue } from './queue.js';
import type { Because, Reason } from './reasons.js';

export type Vote = 'up' | 'down';
/** 'k' for a knowledge-base answer, 'l' for an AI draft citing `entryId`, 'r' for a command's answer to a free-form question. */
export type FeedbackKind = 'k' | 'l' | 'r';

export interface FeedbackVote {
  guildId: string | null;
  userId: string;
  messageId: string;
  vote: Vote;
  /** The knowledge entry the answer came from (checked against the knowledge base), or for kind 'r' the command. */
  entryId: string;
  kind: FeedbackKind;
  question: string;
  /** With a 👎: what the member said was wrong (the 👎 form). */
  because?: Because | undefined;
}

/** Votes are kept this long; the same member voting on the same message again within it changes their vote. */
export const VOTE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** Counters of every server together (`tally:<entry>:…`) and of one server (`tally-guild:<guildId>:<entry>:…`). */
export const TALLY_PREFIX = 'tally:';
export const guildTallyPrefix = (guildId: string) => `tally-guild:${guildId}:`;

/** Tallies name a command's answers `/command`, apart from the entries. */
const subjectOf = (v: Pick<FeedbackVote, 'kind' | 'entryId'>) => (v.kind === 'r' ? `/${v.entryId}` : v.entryId);

/** Moves a counter of the entry — `up`, `down` or `why:<reason>` — in the overall and the server's tallies. */
async function bump(store: Store, v: FeedbackVote, counter: string, by: number): Promise<void> {
  await store.increment(`${TALLY_PREFIX}${subjectOf(v)}:${counter}`, by);
  if (v.guildId) await store.increment(`${guildTallyPrefix(v.guildId)}${subjectOf(v)}:${counter}`, by);
}

/** The member's reason for their 👎 (a register: the previous one comes back, so counts move by the difference). */
async function setReason(store: Store, v: FeedbackVote, reason: Reason | null): Promise<void> {
  const previous = await store.exchange<Reason | null>(`vote:${v.userId}:${v.messageId}:why`, reason, VOTE_TTL_MS);
  if (previous === reason) return;
  if (reason) await bump(store, v, `why:${reason}`, 1);
  if (previous) await bump(store, v, `why:${previous}`, -1);
}

const recordKey = (v: FeedbackVote) => `${v.userId}:${v.messageId}:record`;

/**
 * Records a vote: one per member per message, changeable, counted once. The member's vote is exchanged atomically
 * (the previous one comes back), the entry's tallies (overall and per server) move by the difference, and only a
 * member's first 👎 on a message goes to the curator queue. A reason given with a 👎 is counted the same way (one
 * per member and message) and added to the member's queue record; changing to 👍 withdraws it. Returns the
 * previous vote.
 */
export async function recordVote(store: Store, queue: CuratorQueue, v: FeedbackVote): Promise<Vote | undefined> {
  const member = `vote:${v.userId}:${v.messageId}`;
  const previous = await store.exchange<Vote>(member, v.vote, VOTE_TTL_MS);
  if (previous !== v.vote) {
    await bump(store, v, v.vote, 1);
    if (previous) await bump(store, v, previous, -1);
  }
  const records = store.namespace<string>('vote');
  if (v.vote === 'down' && v.guildId && (await store.claim(`${member}:queued`, VOTE_TTL_MS)).claimed) {
    const entryId = v.kind === 'l' ? `AI draft (${v.entryId})` : v.kind === 'r' ? `/${v.entryId} (read from a question)` : v.entryId;
    const id = await queue.add(v.guildId, { kind: 'downvoted', question: v.question, entryId });
    await records.set(recordKey(v), id, VOTE_TTL_MS);
  }
  if (v.vote === 'up' && previous === 'down') await setReason(store, v, null);
  if (v.vote === 'down' && v.because) {
    await setReason(store, v, v.because.reason);
    const id = v.guildId ? await records.get(recordKey(v)) : undefined;
    if (v.guildId && id !== undefined) await queue.explain(v.guildId, id, v.because);
  }
  return previous;
}
