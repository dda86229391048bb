import { MessageFlags } from 'discord.js';
import type { Store } from '../store/store.js';
import type { ComponentHandler } from './command.js';
import { ExpiredComponent } from './errors.js';
import type { CuratorQueue } from './queue.js';
import { questionFromEmbed, textMessage } from './render.js';

export type Vote = 'up' | 'down';

export interface FeedbackVote {
  guildId: string | null;
  userId: string;
  messageId: string;
  vote: Vote;
  /** The knowledge entry the answer came from (checked against the knowledge base). */
  entryId: string;
  /** 'k' for a knowledge-base answer, 'l' for an AI draft citing `entryId`. */
  kind: 'k' | 'l';
  question: string;
}

/** Votes are kept this long; the same member voting on the same message again within it changes their vote. */
export const VOTE_TTL_MS = 90 * 24 * 60 * 60 * 1000;

/** `fb:<up|down>:<k|l>:<entry>` → its parts, or undefined for anything else (forged or from an old version). */
export function parseFeedbackId(customId: string): { vote: Vote; kind: 'k' | 'l'; entryId: string } | undefined {
  const m = /^fb:(up|down):(k|l):([a-z0-9][a-z0-9-]*)$/.exec(customId);
  return m ? { vote: m[1] as Vote, kind: m[2] as 'k' | 'l', entryId: m[3]! } : undefined;
}

/**
 * Records a vote: one per member per message, changeable, counted once. The member's vote is exchanged atomically
 * (the previous one comes back), the entry's tallies move by the difference, and only a member's first 👎 on a
 * message goes to the curator queue. Returns the previous vote.
 */
export async function recordVote(store: Store, queue: CuratorQueue, v: FeedbackVote): Promise<Vote | undefined> {
  const member = `vote:${v.userId}:${v.messageId}`;
  const previous = await store.exchange<Vote>(member, v.vote, VOTE_TTL_MS);
  if (previous === v.vote) return previous;
  await store.increment(`tally:${v.entryId}:${v.vote}`);
  if (previous) await store.increment(`tally:${v.entryId}:${previous}`, -1);
  if (v.vote === 'down' && v.guildId && (await store.claim(`${member}:queued`, VOTE_TTL_MS)).claimed) {
    await queue.add(v.guildId, { kind: 'downvoted', question: v.question, entryId: v.kind === 'l' ? `AI draft (${v.entryId})` : v.entryId });
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
    if (!parsed || !ctx.knowledge().kb.byId.has(parsed.entryId)) throw new ExpiredComponent();
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
