import type { ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { truncate } from '../src/discord/limits.js';
import { booleanOption, integerOption, publicOption, stringOption } from '../src/discord/option-builders.js';
import { parseRuleOptions } from '../src/discord/options.js';
import { profileFor, profileNote } from '../src/discord/profile.js';
import { INSTALL, replyPrivacy, withButtons } from '../src/discord/surface.js';
import { renderHspPointsForDiscord, ruleMessage } from '../src/discord/render-rules.js';
import { computeHspOutcome } from '../src/engines/hsp-points.js';
import { hspPointsInputSchema } from '../src/engines/inputs.js';
import { DEGREES, HSP_CLAIMS, JLPT_LEVELS } from '../src/kb/vocabulary.js';

const data = {
  name: 'hsp-points',
  description: 'Count your Highly Skilled Professional (i)(b) points, line by line',
  description_localizations: { ja: '高度専門職1号ロのポイントを項目ごとに計算' },
  ...INSTALL.everywhere,
  options: [
    integerOption('age', { en: 'Your age at application', ja: '申請時の年齢' }, { min: 15, max: 100, required: true }),
    stringOption('degree', { en: 'Your highest degree', ja: '最終学歴' }, { required: true, choices: DEGREES }),
    integerOption(
      'experience',
      { en: 'Years of experience in the job you will do', ja: '従事する業務の実務経験年数' },
      { min: 0, max: 60, required: true },
    ),
    integerOption(
      'salary',
      { en: 'Expected annual salary in yen, bonuses included, e.g. 6500000', ja: '見込み年収（円・賞与込み）例：6500000' },
      { min: 0, max: 1_000_000_000, required: true },
    ),
    stringOption(
      'jlpt',
      {
        en: 'Your certified JLPT level (default: your /profile, else none)',
        ja: '取得済みのJLPTレベル（既定：プロフィール、なければなし）',
      },
      { choices: JLPT_LEVELS },
    ),
    ...HSP_CLAIMS.map((c) => booleanOption(c.value, { en: truncate(c.label, 100), ja: truncate(c.label_ja, 100) })),
    integerOption(
      'bjt',
      { en: 'BJT Business Japanese score (a high score counts as N1 or N2)', ja: 'BJTビジネス日本語能力テストの点数' },
      { min: 0, max: 800 },
    ),
    integerOption(
      'qualifications',
      {
        en: 'Related Japanese national licences or IT exams passed (2 = two or more)',
        ja: '関連する日本の国家資格・IT試験の数（2＝2つ以上）',
      },
      { min: 0, max: 2 },
    ),
    publicOption,
  ],
};

/** Who sees the reply (also the visibility of an early deferral under load). */
const privacy = (interaction: ChatInputCommandInteraction) => replyPrivacy(interaction, interaction.options.getBoolean('public') !== true);

/** /hsp-points: Highly Skilled Professional (i)(b) points, line by line (deterministic, from knowledge/rules). */
export const hspPoints = {
  data,
  replyFlags: (interaction) => privacy(interaction).flags,
  async execute(interaction, ctx, log) {
    const claims = HSP_CLAIMS.map((c) => c.value);
    const profile = await profileFor(interaction, data.options, ctx.store, log);
    const { input, defaulted } = parseRuleOptions(interaction, data.options, hspPointsInputSchema, {
      claims,
      defaults: profile && { jlpt: profile.jlpt },
    });
    const { kb } = ctx.knowledge();
    const answer = renderHspPointsForDiscord(computeHspOutcome(kb.rules.hspPoints, input), kb);
    const { flags, buttons } = privacy(interaction);
    await interaction.reply({ ...withButtons(ruleMessage(answer, profileNote(profile, defaulted)), buttons), flags });
    ctx.metrics.answer('slash', 'rules');
  },
} satisfies Command;
