import { ChannelType, MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { UserError } from '../src/discord/errors.js';
import { fitEmbed, truncate } from '../src/discord/limits.js';
import { booleanOption, channelOption, subcommand } from '../src/discord/option-builders.js';
import { escapeText, NO_MENTIONS, textMessage } from '../src/discord/render.js';
import { INSTALL, surfaceOf } from '../src/discord/surface.js';

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
  if (!channel || !HELP_CHANNEL_TYPES.includes(channel.type)) throw new UserError('Pick a text or forum channel of this server for `channel`.', 'invalid-option', 'channel');
  return id;
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
      subcommand('add-help-channel', { en: 'Answer questions posted in this channel', ja: 'このチャンネルの質問に回答する' }, [helpChannel]),
      subcommand('remove-help-channel', { en: 'Stop answering in this channel', ja: 'このチャンネルでの自動回答をやめる' }, [helpChannel]),
      subcommand('help-channels', { en: 'List the help channels', ja: 'ヘルプチャンネルの一覧' }),
      subcommand('queue', { en: 'Unanswered and down-voted questions, newest first', ja: '未回答・低評価の質問（新しい順）' }, [
        booleanOption('clear', { en: 'Empty the queue after showing it', ja: '表示後にキューを空にする' }),
      ]),
      subcommand('reload', { en: 'Reload the knowledge base from disk', ja: 'ナレッジベースを再読み込みする' }),
    ],
  },
  async execute(interaction, ctx, log) {
    // Discord offers /config only in servers that added the bot; a stale or forged client may still send it elsewhere.
    if (!interaction.inGuild() || !surfaceOf(interaction).serverInstalled) {
      throw new UserError('`/config` sets the bot up for a server: run it in a server that added the bot. It does nothing in DMs.', 'not-in-server');
    }
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserError('Only members with the **Manage Server** permission can use `/config`.', 'missing-permission');
    }
    const guildId = interaction.guildId;
    const reply = (content: string) => interaction.reply({ ...textMessage(content), flags: MessageFlags.Ephemeral });
    switch (interaction.options.getSubcommand()) {
      case 'add-help-channel': {
        const channelId = helpChannelId(interaction);
        const added = await ctx.helpChannels.add(guildId, channelId);
        log.info({ channelId, added }, 'help channel added');
        return void (await reply(added ? `I'll answer questions posted in <#${channelId}>.` : `<#${channelId}> is already a help channel.`));
      }
      case 'remove-help-channel': {
        const channelId = String(interaction.options.get('channel', true).value ?? '');
        const { fromEnv } = await ctx.helpChannels.list(guildId);
        const removed = await ctx.helpChannels.remove(guildId, channelId);
        if (!removed && fromEnv.includes(channelId)) return void (await reply(`<#${channelId}> comes from HELP_CHANNEL_IDS in the bot's environment; remove it there.`));
        return void (await reply(removed ? `I'll stop answering in <#${channelId}>.` : `<#${channelId}> wasn't a help channel.`));
      }
      case 'help-channels': {
        const { fromEnv, fromConfig } = await ctx.helpChannels.list(guildId);
        const all = [...fromEnv.map((id) => `<#${id}> (from HELP_CHANNEL_IDS)`), ...fromConfig.map((id) => `<#${id}>`)];
        return void (await reply(all.length > 0 ? `Help channels:\n${all.join('\n')}` : 'No help channels yet. Add one with `/config add-help-channel`.'));
      }
      case 'queue': {
        const items = await ctx.queue.list(guildId);
        // Only what is shown is cleared: questions queued meanwhile stay for the next look.
        if (interaction.options.getBoolean('clear')) await ctx.queue.remove(guildId, items.flatMap((i) => i.recordIds));
        const lines = items.map((i) => `${i.kind === 'downvoted' ? '👎' : '❔'} ×${i.count} ${i.entryId ? `${escapeText(i.entryId)} ` : ''}— ${escapeText(truncate(i.question, 150))}`);
        const embed = fitEmbed({ title: `Curator queue (${items.length})`, description: lines.join('\n') || 'Nothing waiting. 🎉' });
        return void (await interaction.reply({ embeds: [embed], allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral }));
      }
      case 'reload': {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
        const result = await ctx.reloadKnowledge();
        const content = result.ok
          ? `Knowledge base reloaded: ${result.kb.entries.length} entries, version \`${result.kb.version}\`.`
          : `Not reloaded: the knowledge base has ${result.problems.length} problem(s); the bot keeps using the previous version.\n${result.problems.map((p) => `• ${p.file} › ${p.field}: ${p.message}`).join('\n')}`;
        return void (await interaction.editReply(textMessage(content)));
      }
      default:
        throw new UserError('Unknown /config action.', 'invalid-option');
    }
  },
} satisfies Command;
