import { ChannelType, MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import { readTallies, serverStats } from '../src/curation/stats.js';
import type { Command } from '../src/discord/command.js';
import { exportReply, queuePage } from '../src/discord/config-queue.js';
import { statsEmbed } from '../src/discord/config-stats.js';
import type { BotContext } from '../src/discord/context.js';
import { UserError } from '../src/discord/errors.js';
import { booleanOption, channelOption, stringOption, subcommand, subcommandGroup } from '../src/discord/option-builders.js';
import { escapeText, NO_MENTIONS, textMessage } from '../src/discord/render.js';
import { INSTALL, surfaceOf } from '../src/discord/surface.js';
import { solvedTags, TAG_NAME_MAX } from '../src/discord/solved-tag.js';

const HELP_CHANNEL_TYPES: readonly ChannelType[] = [ChannelType.GuildText, ChannelType.GuildForum];
const helpChannel = channelOption('channel', { en: 'Text or forum channel', ja: 'テキストまたはフォーラムチャンネル' }, HELP_CHANNEL_TYPES);

/**
 * The `channel` option, re-checked here: a stale client can send a channel that is gone or of another type, which
 * `getChannel(name, true, types)` would turn into an unexpected error instead of a message the moderator can act on.
 */
function helpChannelId(interaction: ChatInputCommandInteraction<'cached' | 'raw'>): string {
  const option = interaction.options.get('channel');
  const id = String(option?.value ?? '');
  const channel = option?.channel ?? interaction.guild?.channels.cache.get(id);
  if (!channel || !HELP_CHANNEL_TYPES.includes(channel.type))
    throw new UserError('Pick a text or forum channel of this server for `channel`.', 'invalid-option', 'channel');
  return id;
}

/** `/config queue show [clear]`: the first page; only what is listed is cleared (questions queued meanwhile stay for the next look). */
async function showQueue(ctx: BotContext, guildId: string, clear: boolean) {
  const items = await ctx.queue.list(guildId);
  if (clear)
    await ctx.queue.remove(
      guildId,
      items.flatMap((i) => i.recordIds),
    );
  return queuePage(items, 0, clear ? 'Shown, then cleared.' : undefined);
}

/** `/config reload`: what was loaded, or the problems that kept the previous version. */
function reloadText(result: Awaited<ReturnType<BotContext['reloadKnowledge']>>): string {
  return result.ok
    ? `Knowledge base reloaded: ${result.kb.entries.length} entries, version \`${result.kb.version}\`.`
    : `Not reloaded: the knowledge base has ${result.problems.length} problem(s); the bot keeps using the previous version.\n${result.problems.map((p) => `• ${p.file} › ${p.field}: ${p.message}`).join('\n')}`;
}

/** `/config solved-tag [tag]`: sets (or, without a tag, removes) the server's solved tag; says if no forum offers it. */
async function setSolvedTag(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext, guildId: string): Promise<string> {
  const tag = interaction.options.getString('tag')?.trim();
  const name = tag === '' ? undefined : tag;
  await solvedTags(ctx.store).set(guildId, name);
  if (name === undefined) return 'Forum posts will no longer be tagged solved.';
  const offered = interaction.guild?.channels.cache.some(
    (c) => c.type === ChannelType.GuildForum && c.availableTags.some((t) => t.name.toLowerCase() === name.toLowerCase()),
  );
  const note = offered ? '' : ' No forum channel has a tag of that name yet: add one in the forum’s settings.';
  return `When a forum post’s author clicks 👍 on my answer, the post gets the tag **${escapeText(name)}**.${note}`;
}

/** /config: moderators only (Manage Server, checked again on use): help channels, curator queue, knowledge reload. */
export const config = {
  data: {
    name: 'config',
    description: 'Set up the bot for this server (moderators)',
    description_localizations: { ja: 'このサーバーでのボット設定（モデレーター用）' },
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    ...INSTALL.serverOnly,
    options: [
      subcommand('add-help-channel', { en: 'Answer questions posted in this channel', ja: 'このチャンネルの質問に回答する' }, [
        helpChannel,
      ]),
      subcommand('remove-help-channel', { en: 'Stop answering in this channel', ja: 'このチャンネルでの自動回答をやめる' }, [helpChannel]),
      subcommand('help-channels', { en: 'List the help channels', ja: 'ヘルプチャンネルの一覧' }),
      subcommandGroup(
        'queue',
        { en: 'The curator queue: unanswered and down-voted questions', ja: 'キュレーター用キュー：未回答・低評価の質問' },
        [
          subcommand(
            'show',
            { en: 'Unanswered and down-voted questions, newest first, in pages', ja: '未回答・低評価の質問（新しい順、ページ送り）' },
            [booleanOption('clear', { en: 'Empty the queue after showing it', ja: '表示後にキューを空にする' })],
          ),
          subcommand('export', { en: 'The open items as a JSON file', ja: '未処理の項目を JSON ファイルで' }),
        ],
      ),
      subcommand('stats', { en: 'Most down-voted entries and unanswered questions', ja: '低評価の多い項目と未回答の質問' }),
      subcommand(
        'solved-tag',
        {
          en: "Tag forum posts solved when their author clicks 👍 on the bot's answer",
          ja: '投稿者が👍を押したフォーラム投稿に解決タグを付ける',
        },
        [
          stringOption(
            'tag',
            { en: 'Name of the forum tag (leave out to turn this off)', ja: 'フォーラムタグの名前（省略で無効）' },
            { maxLength: TAG_NAME_MAX },
          ),
        ],
      ),
      subcommand('reload', { en: 'Reload the knowledge base from disk', ja: 'ナレッジベースを再読み込みする' }),
    ],
  },
  async execute(interaction, ctx, log) {
    // Discord offers /config only in servers that added the bot; a stale or forged client may still send it elsewhere.
    if (!interaction.inGuild() || !surfaceOf(interaction).serverInstalled) {
      throw new UserError(
        '`/config` sets the bot up for a server: run it in a server that added the bot. It does nothing in DMs.',
        'not-in-server',
      );
    }
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserError('Only members with the **Manage Server** permission can use `/config`.', 'missing-permission');
    }
    const guildId = interaction.guildId;
    const reply = (content: string) => interaction.reply({ ...textMessage(content), flags: MessageFlags.Ephemeral });
    const group = interaction.options.getSubcommandGroup(false);
    switch (group ? `${group} ${interaction.options.getSubcommand()}` : interaction.options.getSubcommand()) {
      case 'add-help-channel': {
        const channelId = helpChannelId(interaction);
        const added = await ctx.helpChannels.add(guildId, channelId);
        log.info({ channelId, added }, 'help channel added');
        return void (await reply(
          added ? `I'll answer questions posted in <#${channelId}>.` : `<#${channelId}> is already a help channel.`,
        ));
      }
      case 'remove-help-channel': {
        const channelId = String(interaction.options.get('channel', true).value ?? '');
        const { fromEnv } = await ctx.helpChannels.list(guildId);
        const removed = await ctx.helpChannels.remove(guildId, channelId);
        if (!removed && fromEnv.includes(channelId))
          return void (await reply(`<#${channelId}> comes from HELP_CHANNEL_IDS in the bot's environment; remove it there.`));
        return void (await reply(removed ? `I'll stop answering in <#${channelId}>.` : `<#${channelId}> wasn't a help channel.`));
      }
      case 'help-channels': {
        const { fromEnv, fromConfig } = await ctx.helpChannels.list(guildId);
        const all = [...fromEnv.map((id) => `<#${id}> (from HELP_CHANNEL_IDS)`), ...fromConfig.map((id) => `<#${id}>`)];
        return void (await reply(
          all.length > 0 ? `Help channels:\n${all.join('\n')}` : 'No help channels yet. Add one with `/config add-help-channel`.',
        ));
      }
      case 'queue show':
        return void (await interaction.reply({
          ...(await showQueue(ctx, guildId, interaction.options.getBoolean('clear') ?? false)),
          flags: MessageFlags.Ephemeral,
        }));
      case 'queue export':
        return void (await interaction.reply(exportReply(guildId, await ctx.queue.list(guildId))));
      case 'stats': {
        const stats = serverStats(await readTallies(ctx.store, guildId), await ctx.queue.list(guildId));
        return void (await interaction.reply({ embeds: [statsEmbed(stats)], allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral }));
      }
      case 'solved-tag':
        return void (await reply(await setSolvedTag(interaction, ctx, guildId)));
      case 'reload': {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        return void (await interaction.editReply(textMessage(reloadText(await ctx.reloadKnowledge()))));
      }
      default:
        throw new UserError('Unknown /config action.', 'invalid-option');
    }
  },
} satisfies Command;
