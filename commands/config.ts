import {
  ApplicationCommandOptionType,
  ChannelType,
  MessageFlags,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { UserError } from '../src/discord/errors.js';
import { fitEmbed, truncate } from '../src/discord/limits.js';
import { NO_MENTIONS, textMessage } from '../src/discord/render.js';

const channelOption = (description: string, ja: string): APIApplicationCommandBasicOption => ({
  type: ApplicationCommandOptionType.Channel,
  name: 'channel',
  description,
  description_localizations: { ja },
  required: true,
  channel_types: [ChannelType.GuildText, ChannelType.GuildForum],
});
const sub = (name: string, description: string, ja: string, options: APIApplicationCommandBasicOption[] = []): APIApplicationCommandSubcommandOption => ({
  type: ApplicationCommandOptionType.Subcommand,
  name,
  description,
  description_localizations: { ja },
  options,
});

const HELP_CHANNEL_TYPES: readonly ChannelType[] = [ChannelType.GuildText, ChannelType.GuildForum];

/**
 * The `channel` option, re-checked here: a stale client can send a channel that is gone or of another type, which
 * `getChannel(name, true, types)` would turn into an unexpected error instead of a message the moderator can act on.
 */
function helpChannelId(interaction: ChatInputCommandInteraction<'cached' | 'raw'>): string {
  const option = interaction.options.get('channel');
  const id = String(option?.value ?? '');
  const channel = option?.channel ?? interaction.guild?.channels.cache.get(id);
  if (!channel || !HELP_CHANNEL_TYPES.includes(channel.type)) throw new UserError('Pick a text or forum channel of this server for `channel`.');
  return id;
}

/** /config: moderators only (Manage Server, checked again on use): help channels, curator queue, knowledge reload. */
export const config = {
  data: {
    name: 'config',
    description: 'Set up the bot for this server (moderators)',
    description_localizations: { ja: 'このサーバーでのボット設定（モデレーター用）' },
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    contexts: [0],
    options: [
      sub('add-help-channel', 'Answer questions posted in this channel', 'このチャンネルの質問に回答する', [channelOption('Text or forum channel', 'テキストまたはフォーラムチャンネル')]),
      sub('remove-help-channel', 'Stop answering in this channel', 'このチャンネルでの自動回答をやめる', [channelOption('Text or forum channel', 'テキストまたはフォーラムチャンネル')]),
      sub('help-channels', 'List the help channels', 'ヘルプチャンネルの一覧'),
      sub('queue', 'Unanswered and down-voted questions, newest first', '未回答・低評価の質問（新しい順）', [
        { type: ApplicationCommandOptionType.Boolean, name: 'clear', description: 'Empty the queue after showing it', description_localizations: { ja: '表示後にキューを空にする' } },
      ]),
      sub('reload', 'Reload the knowledge base from disk', 'ナレッジベースを再読み込みする'),
    ],
  },
  async execute(interaction, ctx, log) {
    if (!interaction.inGuild() || !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      throw new UserError('Only members with the **Manage Server** permission can use `/config`.');
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
        if (interaction.options.getBoolean('clear')) await ctx.queue.clear(guildId);
        const lines = items.map((i) => `${i.kind === 'downvoted' ? '👎' : '❔'} ×${i.count} ${i.entryId ? `\`${i.entryId}\` ` : ''}— ${truncate(i.question, 150)}`);
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
        throw new UserError('Unknown /config action.');
    }
  },
} satisfies Command;
