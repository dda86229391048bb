import { MessageFlags } from 'discord.js';
import type { ComponentHandler } from './command.js';
import { questionFromEmbed, textMessage } from './render.js';

type Vote = 'up' | 'down';

/**
 * 👍/👎 on answers. The custom id (`fb:<vote>:<k|l>:<entry>`) and the question shown on the message are all it needs,
 * so buttons keep working after a restart. One vote per member per message; 👎 goes to the curator queue.
 */
export const feedbackButtons: ComponentHandler = {
  prefix: 'fb',
  async handle(interaction, ctx, log) {
    const [, vote, kind, entryId] = interaction.customId.split(':') as [string, Vote, 'k' | 'l', string];
    const votes = ctx.store.namespace<Vote>('vote');
    const key = `${interaction.message.id}:${interaction.user.id}`;
    const previous = await votes.get(key);
    if (previous === vote) {
      await interaction.reply({ ...textMessage('You already rated this answer. Thanks!'), flags: MessageFlags.Ephemeral });
      return;
    }
    await votes.set(key, vote, 90 * 24 * 60 * 60 * 1000);
    const question = questionFromEmbed(interaction.message.embeds[0]) ?? '(question not shown)';
    if (vote === 'down' && interaction.guildId) {
      await ctx.queue.add(interaction.guildId, { kind: 'downvoted', question, entryId: kind === 'l' ? `AI draft (${entryId})` : entryId });
    }
    log.info({ vote, kind, entryId }, 'answer rated');
    const thanks = vote === 'up' ? 'Thanks! Glad it helped.' : 'Thanks for telling me. The curators will review this answer.';
    await interaction.reply({ ...textMessage(thanks), flags: MessageFlags.Ephemeral });
  },
};
