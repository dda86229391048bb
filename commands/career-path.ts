import type { ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { booleanOption, stringOption } from '../src/discord/option-builders.js';
import { parseRuleOptions } from '../src/discord/options.js';
import { PROFILE_HINT, profileFor, profileNote } from '../src/discord/profile.js';
import { INSTALL, replyPrivacy, withButtons } from '../src/discord/surface.js';
import { renderCareerPathForDiscord, ruleMessage } from '../src/discord/render-rules.js';
import { evaluateCareerPath } from '../src/engines/career-path.js';
import { careerPathInputSchema } from '../src/engines/inputs.js';
import { BACKGROUNDS, JLPT_LEVELS, LOCATIONS } from '../src/kb/vocabulary.js';

const data = {
  name: 'career-path',
  description: 'Which career paths your JLPT level and background open, and what unlocks the next step',
  description_localizations: { ja: 'JLPTレベルと経歴で開けるキャリアパスと次のステップ' },
  ...INSTALL.everywhere,
  options: [
    stringOption(
      'jlpt',
      { en: 'Your certified JLPT level (default: your /profile)', ja: '取得済みのJLPTレベル（既定：プロフィール）' },
      { choices: JLPT_LEVELS },
    ),
    stringOption(
      'background',
      { en: 'Your work background (default: your /profile)', ja: 'これまでの職歴（既定：プロフィール）' },
      { choices: BACKGROUNDS },
    ),
    booleanOption('technical', {
      en: 'You have in-demand technical skills (development, QA, IT support, data…)',
      ja: '需要のある技術スキル（開発・QA・ITサポート等）がある',
    }),
    stringOption(
      'location',
      { en: 'Where you want to work (default: Tokyo area)', ja: '働きたい地域（既定：東京圏）' },
      { choices: LOCATIONS },
    ),
    booleanOption('sponsorship', { en: 'You need an employer to sponsor your work visa', ja: '就労ビザのスポンサーが必要' }),
  ],
};

/** Who sees the reply (also the visibility of an early deferral under load). */
const privacy = (interaction: ChatInputCommandInteraction) => replyPrivacy(interaction, false);

/** /career-path: which paths are open at my JLPT level and background (deterministic, from knowledge/rules). */
export const careerPath = {
  data,
  replyFlags: (interaction) => privacy(interaction).flags,
  async execute(interaction, ctx, log) {
    const profile = await profileFor(interaction, data.options, ctx.store, log);
    const { input, defaulted } = parseRuleOptions(interaction, data.options, careerPathInputSchema, {
      defaults: profile,
      missingHint: PROFILE_HINT,
    });
    const { kb } = ctx.knowledge();
    const { flags, buttons } = privacy(interaction);
    const answer = renderCareerPathForDiscord(evaluateCareerPath(kb.rules.careerPath, input), input, kb);
    await interaction.reply({ ...withButtons(ruleMessage(answer, profileNote(profile, defaulted)), buttons), flags });
    ctx.metrics.answer('slash', 'rules');
  },
} satisfies Command;
