import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIButtonComponent,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { japanDate } from '../engines/calendar.js';
import { deadlineInputSchema, planDeadlines, upcomingReminders, type DeadlineInput } from '../engines/deadlines.js';
import type { Logger } from '../logger.js';
import type { ComponentHandler } from './command.js';
import type { BotContext } from './context.js';
import { ExpiredComponent, UserError } from './errors.js';
import { parseOptions } from './options.js';
import { renderDeadlinesForDiscord, ruleMessage } from './render-rules.js';
import { addPlan, MAX_PLANS_PER_MEMBER } from './reminders.js';

/**
 * Setting deadline reminders: /remind set, and the Remind me button under a /visa-check about a job change, which
 * asks for the dates in a form (Discord buttons carry no input) and then does what /remind set does.
 */

export const STORED =
  'I keep your dates under your Discord user id until the last reminder has gone or you cancel. `/remind list` shows them, `/remind cancel` stops them, `/profile delete` erases them with everything else.';

/** Validates the member's dates (in Japan time, against the table's bounds), stores the request and answers with every date. */
export async function setReminders(
  interaction: ChatInputCommandInteraction | ModalSubmitInteraction,
  ctx: BotContext,
  log: Logger,
  raw: Record<string, string | undefined>,
) {
  const now = ctx.now();
  const { kb } = ctx.knowledge();
  const input: DeadlineInput = parseOptions(deadlineInputSchema(kb.rules.deadlines, japanDate(now)), raw);
  const deadlines = planDeadlines(kb.rules.deadlines, input);
  const upcoming = upcomingReminders(deadlines, now);
  const answer = (content: string) =>
    interaction.reply({ ...ruleMessage(renderDeadlinesForDiscord(deadlines, input, kb, now)), content, flags: MessageFlags.Ephemeral });
  // Every reminder already past: the dates are still worth seeing, but nothing is stored.
  if (upcoming.length === 0)
    return void (await answer('Every reminder for those dates is already past, so I stored nothing. Here are the dates:'));
  const added = await addPlan(ctx.store, interaction.user.id, input, now);
  if (!added)
    throw new UserError(`You already have ${MAX_PLANS_PER_MEMBER} reminder sets. \`/remind cancel\` one first.`, 'too-many-reminders');
  log.info({ reminders: upcoming.length, existing: added.existing }, 'reminders set');
  const next = upcoming[0]!.reminder;
  const intro = `${added.existing ? 'You already had these reminders; nothing changed.' : `Done: ${upcoming.length} reminder(s) by DM, the first <t:${Math.floor(next.at / 1000)}:R>.`} ${STORED}`;
  await answer(intro);
}

const REMIND_ME = 'remind:job';
const FORM = 'remind-form:job';

/** The Remind me button on /visa-check replies that involve a job change. */
export const remindMeButton = (): APIButtonComponent => ({
  type: ComponentType.Button,
  style: ButtonStyle.Secondary,
  custom_id: REMIND_ME,
  label: 'Remind me',
  emoji: { name: '⏰' },
});

const dateInput = (id: string, label: string) => ({
  type: ComponentType.ActionRow as const,
  components: [
    {
      type: ComponentType.TextInput as const,
      custom_id: id,
      label,
      style: TextInputStyle.Short,
      required: false,
      max_length: 10,
      placeholder: 'YYYY-MM-DD',
    },
  ],
});

export const remindMeButtons: ComponentHandler = {
  prefix: 'remind',
  type: 'button',
  async handle(interaction) {
    if (interaction.customId !== REMIND_ME) throw new ExpiredComponent();
    await interaction.showModal({
      custom_id: FORM,
      title: 'Remind me of the job-change deadlines',
      components: [
        dateInput('left', 'The day you left (or will leave) your job'),
        dateInput('joined', 'The day you joined (or will join) the new one'),
      ],
    });
  },
};

export const remindMeForm: ComponentHandler = {
  prefix: 'remind-form',
  type: 'modal',
  async handle(interaction, ctx, log) {
    if (interaction.customId !== FORM) throw new ExpiredComponent('form');
    const field = (id: string) => {
      const value = interaction.fields.fields.get(id);
      const text = value && 'value' in value ? String(value.value).trim() : '';
      return text === '' ? undefined : text;
    };
    await setReminders(interaction, ctx, log, { left: field('left'), joined: field('joined') });
  },
};
