import type { ChatInputCommandInteraction } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../src/answer/question.js';
import { unansweredRecord } from '../src/curation/queue.js';
import type { Command } from '../src/discord/command.js';
import { UserError } from '../src/discord/errors.js';
import { booleanOption, stringOption } from '../src/discord/option-builders.js';
import { answerMessage } from '../src/discord/render.js';
import { INSTALL, replyPrivacy, surfaceOf, withButtons } from '../src/discord/surface.js';

/** Who sees the reply (also the visibility of an early deferral under load). */
const privacy = (interaction: ChatInputCommandInteraction) => replyPrivacy(interaction, interaction.options.getBoolean('private') === true);

/** /ask: a free-form question, answered from the knowledge base (or, when configured, an AI draft grounded in it). */
export const ask = {
  data: {
    name: 'ask',
    description: 'Ask about working in Japan; answered from the curated guides, with sources',
    description_localizations: { ja: '日本での仕事について質問する（厳選ガイドから出典つきで回答）' },
    ...INSTALL.everywhere,
    options: [
      stringOption(
        'question',
        { en: 'Your question, in English or Japanese', ja: '質問（英語または日本語）' },
        { required: true, maxLength: MAX_QUESTION_LENGTH },
      ),
      booleanOption('private', { en: 'Show the answer only to you', ja: '回答を自分だけに表示する' }),
    ],
  },
  replyFlags: (interaction) => privacy(interaction).flags,
  async execute(interaction, ctx, log) {
    const question = interaction.options.getString('question', true);
    const { flags, buttons } = privacy(interaction);
    const context = { origin: 'slash' as const, userId: interaction.user.id, guildId: interaction.guildId ?? undefined };
    // Search answers in well under a millisecond; only the optional LLM fallback is slow, so defer just before it.
    const service = ctx.knowledge().ask;
    const result = await service.ask(question, context, { beforeDraft: () => interaction.deferReply({ flags }).then(() => undefined) });
    if (!result.ok) throw new UserError(result.message, 'invalid-question');
    const payload = withButtons(answerMessage(result.view, question, service.kb), buttons);
    if (interaction.deferred) await interaction.editReply(payload);
    else await interaction.reply({ ...payload, flags });
    ctx.metrics.answer('slash', result.view.mode);
    // The member already has the answer: a failed queue write is the store monitor's to report (once per outage).
    // Only a server that added the bot has curators who read its queue (/config queue); a rules reply is not unanswered.
    if (!result.view.answered && result.view.mode !== 'rules' && interaction.guildId && surfaceOf(interaction).serverInstalled) {
      await ctx.queue
        .add(interaction.guildId, unansweredRecord(question, result.view))
        .catch(() => log.debug('unanswered question not queued'));
    }
  },
} satisfies Command;
