import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import { REASON_LABELS } from '../curation/reasons.js';
import { recordVote, type FeedbackVote } from '../curation/votes.js';
import type { ComponentHandler } from './command.js';
import type { BotContext } from './context.js';
import { ExpiredComponent, UserError } from './errors.js';
import { knownSubject, parseFeedbackId } from './feedback-id.js';
import { parseFormId, reasonForm, submittedBecause } from './feedback-form.js';
import { questionFromEmbed, textMessage } from './render.js';
import { markSolvedIfAuthor } from './solved-tag.js';

type Rated = Pick<FeedbackVote, 'vote' | 'kind' | 'entryId' | 'because'>;

/** Records the member's vote on the message; undefined previous and saved false when the store failed. */
async function rate(interaction: ButtonInteraction | ModalSubmitInteraction, ctx: BotContext, rated: Rated) {
  const message = interaction.message;
  const question = questionFromEmbed(message?.embeds[0]) ?? '(question not shown)';
  const vote: FeedbackVote = {
    ...rated,
    guildId: interaction.guildId,
    userId: interaction.user.id,
    messageId: message?.id ?? '',
    question,
  };
  try {
    return { previous: await recordVote(ctx.store, ctx.queue, vote), saved: true };
  } catch {
    return { previous: undefined, saved: false }; // the store's monitor has logged the fault; the member is told
  }
}

const NOT_SAVED = "Thanks! I couldn't save your rating just now; please try again in a while.";
const reply = (interaction: ButtonInteraction | ModalSubmitInteraction, text: string) =>
  interaction.reply({ ...textMessage(text), flags: MessageFlags.Ephemeral });

/**
 * 👍/👎 on answers. The custom id and the question shown on the message are all it needs, so buttons keep working
 * after a restart; ids are checked against the knowledge base, so a forged or outdated one queues nothing. A 👎
 * counts at once and its one response is the "what went wrong" form (submitting it is optional).
 */
export const feedbackButtons: ComponentHandler = {
  prefix: 'fb',
  type: 'button',
  async handle(interaction, ctx, log) {
    const parsed = parseFeedbackId(interaction.customId);
    if (!parsed || !knownSubject(parsed, ctx.knowledge().kb.byId)) throw new ExpiredComponent();
    // A form can only be the first response (never after a deferral), so it goes first and the 👎 is recorded right
    // after: the store's speed never risks the 3-second deadline. Submitting the form records the 👎 again, with
    // its reason, and is where a member learns that a rating could not be saved.
    if (parsed.vote === 'down') await interaction.showModal(reasonForm(interaction.user.id, parsed.kind, parsed.entryId));
    const { previous, saved } = await rate(interaction, ctx, parsed);
    log.info(
      { vote: parsed.vote, kind: parsed.kind, entryId: parsed.entryId, changed: previous !== undefined && previous !== parsed.vote, saved },
      'answer rated',
    );
    if (parsed.vote === 'down') return;
    if (!saved) return void (await reply(interaction, NOT_SAVED));
    const solved = await markSolvedIfAuthor(interaction, ctx, log);
    const thanks: Record<string, string> = { up: 'You already rated this answer. Thanks!', new: 'Thanks! Glad it helped.' };
    await reply(interaction, `${thanks[previous === 'up' ? 'up' : 'new']}${solved ? ' I marked this post as solved.' : ''}`);
  },
};

/** The submitted 👎 form: the reason and comment join the member's own 👎 on that message (never anyone else's). */
export const feedbackForm: ComponentHandler = {
  prefix: 'fbw',
  type: 'modal',
  async handle(interaction, ctx, log) {
    const parsed = parseFormId(interaction.customId);
    const because = submittedBecause(interaction);
    if (!parsed || !because || !interaction.message || !knownSubject(parsed, ctx.knowledge().kb.byId)) throw new ExpiredComponent('form');
    if (parsed.userId !== interaction.user.id)
      throw new UserError('This form belongs to another member’s rating; click 👎 on the answer to give your own.', 'not-own-vote');
    const { saved } = await rate(interaction, ctx, { vote: 'down', kind: parsed.kind, entryId: parsed.entryId, because });
    log.info(
      { kind: parsed.kind, entryId: parsed.entryId, reason: because.reason, comment: because.comment !== undefined, saved },
      'down-vote explained',
    );
    await reply(
      interaction,
      saved ? `Thanks for telling me (${REASON_LABELS[because.reason]}). The curators will review this answer.` : NOT_SAVED,
    );
  },
};
