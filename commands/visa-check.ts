import type { ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { booleanOption, integerOption, publicOption, stringOption } from '../src/discord/option-builders.js';
import { parseRuleOptions, rankChoices } from '../src/discord/options.js';
import { PROFILE_HINT, profileFor, profileNote } from '../src/discord/profile.js';
import { remindMeButton } from '../src/discord/remind-me.js';
import { INSTALL, replyPrivacy, withButtons } from '../src/discord/surface.js';
import { renderVisaCheckForDiscord, ruleMessage } from '../src/discord/render-rules.js';
import { visaCheckInputSchema } from '../src/engines/inputs.js';
import { checkVisa } from '../src/engines/visa-check.js';
import { DUTIES, EMPLOYERS, RESIDENCE_STATUSES } from '../src/kb/vocabulary.js';

const data = {
  name: 'visa-check',
  description: 'Does a job change fit your status of residence, and what must you file?',
  description_localizations: { ja: '転職・職務変更が在留資格に合うか、必要な手続きは？' },
  ...INSTALL.everywhere,
  options: [
    stringOption('current-work', { en: 'What you do now', ja: '現在の業務' }, { required: true, autocomplete: true }),
    stringOption('new-work', { en: 'What you will do', ja: '新しい業務' }, { required: true, autocomplete: true }),
    stringOption(
      'employer',
      { en: 'Same employer or a new one', ja: '同じ勤務先か新しい勤務先か' },
      { required: true, choices: EMPLOYERS },
    ),
    // Optional so a saved /profile can supply it (Discord lists required options first).
    stringOption(
      'status',
      { en: 'Your current status of residence (default: your /profile)', ja: '現在の在留資格（既定：プロフィール）' },
      { choices: RESIDENCE_STATUSES },
    ),
    integerOption(
      'salary',
      { en: 'Expected annual salary in yen, e.g. 4500000', ja: '見込み年収（円）例：4500000' },
      { min: 0, max: 1_000_000_000 },
    ),
    booleanOption('dispatch', { en: 'Client-site (SES) or dispatch work', ja: '客先常駐（SES）または派遣' }),
    publicOption,
  ],
};

/** Who sees the reply (also the visibility of an early deferral under load). */
const privacy = (interaction: ChatInputCommandInteraction) => replyPrivacy(interaction, interaction.options.getBoolean('public') !== true);

/** /visa-check: does this job change fit my status of residence, and what must I file (deterministic). */
export const visaCheck = {
  data,
  async autocomplete(interaction) {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(rankChoices(String(focused.value), DUTIES, interaction.locale));
  },
  replyFlags: (interaction) => privacy(interaction).flags,
  async execute(interaction, ctx, log) {
    const profile = await profileFor(interaction, data.options, ctx.store, log);
    const { input, defaulted } = parseRuleOptions(interaction, data.options, visaCheckInputSchema, {
      defaults: profile,
      missingHint: PROFILE_HINT,
    });
    const { kb } = ctx.knowledge();
    const answer = renderVisaCheckForDiscord(checkVisa(kb.rules.visaCheck, input), input, kb);
    const { flags, buttons } = privacy(interaction);
    // A move to a new employer starts the 14-day notices: offer to DM the member before they fall due.
    const all = input.employer === 'new' ? [remindMeButton(), ...buttons] : buttons;
    await interaction.reply({ ...withButtons(ruleMessage(answer, profileNote(profile, defaulted)), all), flags });
    ctx.metrics.answer('slash', 'rules');
  },
} satisfies Command;
