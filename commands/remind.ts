import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../src/discord/context.js';
import type { Command } from '../src/discord/command.js';
import { UserError } from '../src/discord/errors.js';
import { stringOption, subcommand } from '../src/discord/option-builders.js';
import { remindMeButtons, remindMeForm, setReminders, STORED } from '../src/discord/remind-me.js';
import { textMessage } from '../src/discord/render.js';
import { plansOf, removePlans } from '../src/discord/reminders.js';
import { INSTALL } from '../src/discord/surface.js';
import { planDeadlines, upcomingReminders } from '../src/engines/deadlines.js';
import { describeDeadlineInput } from '../src/engines/deadlines.report.js';
import type { Logger } from '../src/logger.js';

const date = (name: string, en: string, ja: string) =>
  stringOption(name, { en: `${en} (YYYY-MM-DD)`, ja: `${ja}（YYYY-MM-DD）` }, { maxLength: 10 });

async function list(interaction: ChatInputCommandInteraction, ctx: BotContext) {
  const now = ctx.now();
  const { kb } = ctx.knowledge();
  const mine = await plansOf(ctx.store, interaction.user.id);
  if (mine.length === 0)
    return void (await interaction.reply({
      ...textMessage('You have no reminders. `/remind set` (or **Remind me** under a `/visa-check` about a job change) sets some.'),
      flags: MessageFlags.Ephemeral,
    }));
  const lines = mine.map((r, n) => {
    const next = upcomingReminders(planDeadlines(kb.rules.deadlines, r.value.dates), now)[0];
    const held = Object.keys(r.value.held).length;
    const when = next ? `next <t:${Math.floor(next.reminder.at / 1000)}:f> — ${next.deadline.title} (${next.reminder.label})` : 'all sent';
    return `${n + 1}. ${describeDeadlineInput(r.value.dates)}: ${when}${held > 0 ? ` · ${held} not delivered (DMs closed)` : ''}`;
  });
  await interaction.reply({ ...textMessage(`Your reminders:\n${lines.join('\n')}\n\n${STORED}`), flags: MessageFlags.Ephemeral });
}

async function cancel(interaction: ChatInputCommandInteraction, ctx: BotContext, log: Logger) {
  const which = interaction.options.getString('reminder') ?? undefined;
  const removed = await removePlans(ctx.store, interaction.user.id, which);
  log.info({ removed }, 'reminders cancelled');
  const text =
    removed === 0
      ? which
        ? 'I found no such reminder set of yours; `/remind list` shows them.'
        : 'You had no reminders.'
      : `Cancelled ${removed} reminder set(s); I no longer keep those dates.`;
  await interaction.reply({ ...textMessage(text), flags: MessageFlags.Ephemeral });
}

/** /remind: deadline reminders by DM for the dates in knowledge/rules/deadlines.yaml (job change, residence card expiry), opt-in. */
export const remind = {
  data: {
    name: 'remind',
    description: 'DM reminders before job-change and residence card deadlines (Japan time)',
    description_localizations: { ja: '転職の届出・在留期間更新の期限をDMでお知らせ（日本時間）' },
    ...INSTALL.everywhere,
    options: [
      subcommand(
        'set',
        { en: 'Get DM reminders for a job change and/or your residence card expiry', ja: '転職・在留カードの期限のリマインダーを設定' },
        [
          date('left', 'The day you left (or will leave) your employer', '退職日（予定）'),
          date('joined', 'The day you joined (or will join) the new one', '入社日（予定）'),
          date('expiry', 'The expiry date on your residence card', '在留カードの有効期限'),
        ],
      ),
      subcommand('list', { en: 'Your reminders and when the next one comes', ja: '設定中のリマインダーと次回の日時' }),
      subcommand('cancel', { en: 'Stop reminders (all, or one set)', ja: 'リマインダーを停止（全部または1件）' }, [
        stringOption('reminder', { en: 'Which set (default: all)', ja: '停止するリマインダー（既定：すべて）' }, { autocomplete: true }),
      ]),
    ],
  },
  components: [remindMeButtons, remindMeForm],
  async autocomplete(interaction, ctx) {
    const mine = await plansOf(ctx.store, interaction.user.id);
    await interaction.respond(mine.slice(0, 25).map((r) => ({ name: describeDeadlineInput(r.value.dates).slice(0, 100), value: r.id })));
  },
  async execute(interaction, ctx, log) {
    switch (interaction.options.getSubcommand()) {
      case 'set':
        return setReminders(
          interaction,
          ctx,
          log,
          Object.fromEntries(['left', 'joined', 'expiry'].map((n) => [n, interaction.options.getString(n) ?? undefined])),
        );
      case 'list':
        return list(interaction, ctx);
      case 'cancel':
        return cancel(interaction, ctx, log);
      default:
        throw new UserError('Unknown /remind action.', 'invalid-option');
    }
  },
} satisfies Command;
