import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { UserError } from '../src/discord/errors.js';
import { deleteMemberData } from '../src/discord/member-data.js';
import { booleanOption, stringOption, subcommand } from '../src/discord/option-builders.js';
import { parseOptions } from '../src/discord/options.js';
import { PROFILE_FIELDS, profileLines, profileSchema, readProfile, saveProfile } from '../src/discord/profile.js';
import { textMessage } from '../src/discord/render.js';
import { INSTALL } from '../src/discord/surface.js';
import { BACKGROUNDS, JLPT_LEVELS, LOCATIONS, RESIDENCE_STATUSES } from '../src/kb/vocabulary.js';

const WHERE =
  "It is kept in this bot's database under your Discord user id, only because you asked. `/profile delete` erases it, with your reminders and your answer ratings.";

const setOptions = [
  stringOption('jlpt', { en: 'Your certified JLPT level', ja: '取得済みのJLPTレベル' }, { choices: JLPT_LEVELS }),
  stringOption('status', { en: 'Your status of residence', ja: '在留資格' }, { choices: RESIDENCE_STATUSES }),
  stringOption('background', { en: 'Your work background', ja: 'これまでの職歴' }, { choices: BACKGROUNDS }),
  stringOption('location', { en: 'Where you want to work', ja: '働きたい地域' }, { choices: LOCATIONS }),
  booleanOption('technical', {
    en: 'You have in-demand technical skills (development, QA, IT support, data…)',
    ja: '需要のある技術スキル（開発・QA・ITサポート等）がある',
  }),
  booleanOption('sponsorship', { en: 'You need an employer to sponsor your work visa', ja: '就労ビザのスポンサーが必要' }),
];

const reply = (interaction: ChatInputCommandInteraction, content: string) =>
  interaction.reply({ ...textMessage(content), flags: MessageFlags.Ephemeral });

/** /profile: an opt-in profile the rule commands use for options a member leaves out; always answered privately. */
export const profile = {
  data: {
    name: 'profile',
    description: 'Save your JLPT level, status and background once; commands use them when you leave them out',
    description_localizations: { ja: 'JLPTレベル・在留資格・経歴を保存（コマンドで省略した項目に使用）' },
    ...INSTALL.everywhere,
    options: [
      subcommand(
        'set',
        { en: 'Save or change some of your answers (only what you give changes)', ja: 'プロフィールを保存・変更する（指定した項目のみ）' },
        setOptions,
      ),
      subcommand('show', { en: 'Show what I have saved about you', ja: '保存されている内容を表示する' }),
      subcommand('delete', {
        en: 'Delete everything I store about you, reminders included',
        ja: '保存されているすべてのデータ（リマインダー含む）を削除する',
      }),
    ],
  },
  async execute(interaction, ctx, log) {
    const userId = interaction.user.id;
    switch (interaction.options.getSubcommand()) {
      case 'set': {
        const given = Object.fromEntries(
          PROFILE_FIELDS.flatMap((name) => {
            const value = interaction.options.get(name)?.value;
            return value == null ? [] : [[name, value]];
          }),
        );
        if (Object.keys(given).length === 0)
          throw new UserError(`Give at least one option to save: ${PROFILE_FIELDS.map((f) => `\`${f}\``).join(', ')}.`, 'invalid-option');
        const saved = await saveProfile(ctx.store, userId, parseOptions(profileSchema, given));
        log.info({ fields: Object.keys(given).length }, 'profile saved');
        return void (await reply(
          interaction,
          `Saved. Your profile:\n${profileLines(saved).join('\n')}\n\nCommands use it for options you leave out, and say so. ${WHERE}`,
        ));
      }
      case 'show': {
        const saved = await readProfile(ctx.store, userId, log);
        if (!saved)
          return void (await reply(
            interaction,
            `I have no profile for you. \`/profile set\` saves your ${PROFILE_FIELDS.join(', ')}; nothing is stored until you do.`,
          ));
        return void (await reply(interaction, `Your profile:\n${profileLines(saved).join('\n')}\n\n${WHERE}`));
      }
      case 'delete': {
        const deleted = await deleteMemberData(ctx.store, userId);
        log.info({ deleted }, 'member data deleted');
        return void (await reply(
          interaction,
          deleted > 0
            ? 'Done: I deleted everything I stored about you — your profile, your reminders and your answer ratings.'
            : 'I had nothing stored about you.',
        ));
      }
      default:
        throw new UserError('Unknown /profile action.', 'invalid-option');
    }
  },
} satisfies Command;
