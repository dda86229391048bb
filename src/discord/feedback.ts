import { MessageFlags } from 'discord.js';
import { recordVote, type Vote } from '../curation/votes.js';
import type { ComponentHandler } from './command.js';
import { ExpiredComponent } from './errors.js';
import { knownSubject, parseFeedbackId } from './feedback-id.js';
import { questionFromEmbed, textMessage } from './render.js';

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
