import { ApplicationCommandOptionType, MessageFlags } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { truncate } from '../src/discord/limits.js';
import { choicesOf, parseOptions } from '../src/discord/options.js';
import { rulesMessage } from '../src/discord/render.js';
import { computeHspOutcome, DEGREES, HSP_CLAIMS, hspPointsInputSchema, JLPT_LEVELS, renderHspPoints } from '../src/rules/index.js';

const int = (name: string, description: string, ja: string, min: number, max: number, required = true) => ({
  type: ApplicationCommandOptionType.Integer as const,
  name,
  description,
  description_localizations: { ja },
  required,
  min_value: min,
  max_value: max,
});

/** /hsp-points: Highly Skilled Professional (i)(b) points, line by line (deterministic, from knowledge/rules). */
export const hspPoints = {
  data: {
    name: 'hsp-points',
    description: 'Count your Highly Skilled Professional (i)(b) points, line by line',
    description_localizations: { ja: '高度専門職1号ロのポイントを項目ごとに計算' },
    options: [
      int('age', 'Your age at application', '申請時の年齢', 15, 100),
      { type: ApplicationCommandOptionType.String, name: 'degree', description: 'Your highest degree', description_localizations: { ja: '最終学歴' }, required: true, choices: choicesOf(DEGREES) },
      int('experience', 'Years of experience in the job you will do', '従事する業務の実務経験年数', 0, 60),
      int('salary', 'Expected annual salary in yen, bonuses included, e.g. 6500000', '見込み年収（円・賞与込み）例：6500000', 0, 1_000_000_000),
      { type: ApplicationCommandOptionType.String, name: 'jlpt', description: 'Your certified JLPT level (default: none)', description_localizations: { ja: '取得済みのJLPTレベル（既定：なし）' }, choices: choicesOf(JLPT_LEVELS) },
      ...HSP_CLAIMS.map((c) => ({
        type: ApplicationCommandOptionType.Boolean as const,
        name: c.value,
        description: truncate(c.label, 100),
        description_localizations: { ja: truncate(c.label_ja, 100) },
      })),
      int('bjt', 'BJT Business Japanese score (480+ counts as N1, 400+ as N2)', 'BJTビジネス日本語能力テストの点数', 0, 800, false),
      int('qualifications', 'Related Japanese national licences or IT exams passed (2 = two or more)', '関連する日本の国家資格・IT試験の数（2＝2つ以上）', 0, 2, false),
      { type: ApplicationCommandOptionType.Boolean, name: 'public', description: 'Post the result in the channel (default: only you see it)', description_localizations: { ja: '結果をチャンネルに公開する（既定：自分のみ）' } },
    ],
  },
  async execute(interaction, ctx) {
    const o = interaction.options;
    // Required options are read leniently: a stale client may omit one, and the schema then names it and its values.
    const input = parseOptions(hspPointsInputSchema, {
      age: o.getInteger('age') ?? undefined,
      degree: o.getString('degree') ?? undefined,
      experience: o.getInteger('experience') ?? undefined,
      salary: o.getInteger('salary') ?? undefined,
      jlpt: o.getString('jlpt') ?? undefined,
      bjt: o.getInteger('bjt') ?? undefined,
      qualifications: o.getInteger('qualifications') ?? undefined,
      claims: HSP_CLAIMS.filter((c) => o.getBoolean(c.value)).map((c) => c.value),
    });
    const { kb, refs } = ctx.knowledge();
    const text = renderHspPoints(computeHspOutcome(kb.rules.hspPoints, input), kb.rules.hspPoints, refs);
    await interaction.reply({ ...rulesMessage('Highly Skilled Professional points', text), flags: o.getBoolean('public') ? undefined : MessageFlags.Ephemeral });
  },
} satisfies Command;
