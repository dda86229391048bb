import { MessageFlags } from 'discord.js';
import { RULE_COMMANDS } from '../kb/understand.js';
import type { Store } from '../store/store.js';
import type { ComponentHandler } from './command.js';
import { ExpiredComponent } from './errors.js';
import type { CuratorQueue } from './queue.js';
import { questionFromEmbed, textMessage } from './render.js';

export type Vote = 'up' | 'down';
export type FeedbackKind = 'k' | 'l' | 'r';

export interface FeedbackVote {
  guildId: string | null;
  userId: string;
  messageId: string;
  vote: Vote;
  /** The knowledge entry the answer came from (checked against the knowledge base), or for kind 'r' the command. */
  entryId: string;
  /** 'k' for a knowledge-base answer, 'l' for an AI draft citing `entryId`, 'r' for a command's answer to a free-form question. */
  kind: FeedbackKind;
  question: string;
}

/** Votes are kept this long; the same member voting on the same message again within it changes their vote. */
export const VOTE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** `fb:<up|down>:<k|l|r>:<entry or command>` → its parts, or undefined for anything else (forged or from an old version). */
export function parseFeedbackId(customId: string): { vote: Vote; kind: FeedbackKind; entryId: string } | undefined {
  const m = /^fb:(up|down):(k|l|r):([a-z0-9][a-z0-9-]*)$/.exec(customId);
  return m ? { vote: m[1] as Vote, kind: m[2] as FeedbackKind, entryId: m[3]! } : undefined;
}

/** Whether a parsed feedback id names something that exists: an entry of the knowledge base, or a rule command. */
export function knownSubject(parsed: { kind: FeedbackKind; entryId: string }, entries: { has(id: string): boolean }): boolean {
  return parsed.kind === 'r' ? (RULE_COMMANDS as readonly string[]).includes(parsed.entryId) : entries.has(parsed.entryId);
}

/** Tallies and the curator queue name a command's answers `/command (read from a question)`, apart from the entries. */
const subjectOf = (v: Pick<FeedbackVote, 'kind' | 'entryId'>) => (v.kind === 'r' ? `/${v.entryId}` : v.entryId);

/**
 * Records a vote: one per member per message, changeable, counted once. The member's vote is exchanged atomically
 * (the previous one comes back), the entry's tallies move by the difference, and only a member's first 👎 on a
 * message goes to the curator queue. Returns the previous vote.
 */
export async function recordVote(store: Store, queue: CuratorQueue, v: FeedbackVote): Promise<Vote | undefined> {
  const member = `vote:${v.userId}:${v.messageId}`;
  const previous = await store.exchange<Vote>(member, v.vote, VOTE_TTL_MS);
  if (previous === v.vote) return previous;
  await store.increment(`tally:${subjectOf(v)}:${v.vote}`);
  if (previous) await store.increment(`tally:${subjectOf(v)}:${previous}`, -1);
  if (v.vote === 'down' && v.guildId && (await store.claim(`${member}:queued`, VOTE_TTL_MS)).claimed) {
    const entryId = v.kind === 'l' ? `AI draft (${v.entryId})` : v.kind === 'r' ? `/${v.entryId} (read from a question)` : v.entryId;
    await queue.add(v.guildId, { kind: 'downvoted', question: v.question, entryId });
  }
  return previous;
}

/**
 * 👍/👎 on answers. The custom id and the question shown on the message are all it needs, so buttons keep working
 * after a restart; ids are checked against the knowledge base, so a forged or outdated one queues nothing.
 */
export const feedbackButtons: ComponentHandler = {
  prefix: 'fb',
  type: 'button',
  async handle(interaction, ctx, log) {
    const parsed = parseFeedbackId(interaction.customId);
    if (!parsed || !knownSubject(parsed, ctx.knowledge().kb.byId)) throw new ExpiredComponent();
    const question = questionFromEmbed(interaction.message.embeds[0]) ?? '(question not shown)';
    const vote = { ...parsed, guildId: interaction.guildId, userId: interaction.user.id, messageId: interaction.message.id, question };
    let previous: Vote | undefined;
    let saved = true;
    try {
      previous = await recordVote(ctx.store, ctx.queue, vote);
    } catch {
      saved = false; // the store's monitor has logged the fault; the member is told, not shown an error
    }
    log.info({ vote: parsed.vote, kind: parsed.kind, entryId: parsed.entryId, changed: previous !== undefined && previous !== parsed.vote, saved }, 'answer rated');
    const text = !saved
      ? "Thanks! I couldn't save your rating just now; please try again in a while."
      : previous === parsed.vote
        ? 'You already rated this answer. Thanks!'
        : parsed.vote === 'up'
          ? 'Thanks! Glad it helped.'
          : 'Thanks for telling me. The curators will review this answer.';
    await interaction.reply({ ...textMessage(text), flags: MessageFlags.Ephemeral });
  },
};
