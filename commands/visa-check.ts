import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { choicesOf, parseOptions, rankChoices } from '../src/discord/options.js';
import { rulesMessage } from '../src/discord/render.js';
import { checkVisa, DUTIES, EMPLOYERS, renderVisaCheck, RESIDENCE_STATUSES, visaCheckInputSchema } from '../src/rules/index.js';

const duty = (name: string, description: string, ja: string) => ({
  type: ApplicationCommandOptionType.String as const,
  name,
  description,
  description_localizations: { ja },
  required: true,
  autocomplete: true,
});

/** /visa-check: does this job change fit my status of residence, and what must I file (deterministic). */
export const visaCheck = {
  data: {
    name: 'visa-check',
    description: 'Does a job change fit your status of residence, and what must you file?',
    description_localizations: { ja: '転職・職務変更が在留資格に合うか、必要な手続きは？' },
    options: [
      { type: ApplicationCommandOptionType.String, name: 'status', description: 'Your current status of residence', description_localizations: { ja: '現在の在留資格' }, required: true, choices: choicesOf(RESIDENCE_STATUSES) },
      duty('current-work', 'What you do now', '現在の業務'),
      duty('new-work', 'What you will do', '新しい業務'),
      { type: ApplicationCommandOptionType.String, name: 'employer', description: 'Same employer or a new one', description_localizations: { ja: '同じ勤務先か新しい勤務先か' }, required: true, choices: choicesOf(EMPLOYERS) },
      { type: ApplicationCommandOptionType.Integer, name: 'salary', description: 'Expected annual salary in yen, e.g. 4500000', description_localizations: { ja: '見込み年収（円）例：4500000' }, min_value: 0, max_value: 1_000_000_000 },
      { type: ApplicationCommandOptionType.Boolean, name: 'dispatch', description: 'Client-site (SES) or dispatch work', description_localizations: { ja: '客先常駐（SES）または派遣' } },
      { type: ApplicationCommandOptionType.Boolean, name: 'public', description: 'Post the result in the channel (default: only you see it)', description_localizations: { ja: '結果をチャンネルに公開する（既定：自分のみ）' } },
    ],
  },
  async autocomplete(interaction) {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(rankChoices(String(focused.value), DUTIES, interaction.locale));
  },
  async execute(interaction, ctx) {
    const o = interaction.options;
    // Required options are read leniently: a stale client may omit one, and the schema then names it and its values.
    const input = parseOptions(
      visaCheckInputSchema,
      {
        status: o.getString('status') ?? undefined,
        currentWork: o.getString('current-work') ?? undefined,
        newWork: o.getString('new-work') ?? undefined,
        employer: o.getString('employer') ?? undefined,
        salary: o.getInteger('salary') ?? undefined,
        dispatch: o.getBoolean('dispatch') ?? undefined,
      },
      { currentWork: 'current-work', newWork: 'new-work' },
    );
    const { kb, refs } = ctx.knowledge();
    const text = renderVisaCheck(checkVisa(kb.rules.visaCheck, input), input, kb.rules.visaCheck, refs);
    await interaction.reply({ ...rulesMessage('Visa check', text), flags: o.getBoolean('public') ? undefined : MessageFlags.Ephemeral });
  },
} satisfies Command;
