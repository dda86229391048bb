import { ApplicationCommandOptionType, ChannelType, MessageFlags, PermissionFlagsBits, type APIApplicationCommandBasicOption, type APIApplicationCommandSubcommandOption } from 'discord.js';
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
        const channel = interaction.options.getChannel('channel', true, [ChannelType.GuildText, ChannelType.GuildForum]);
        const added = await ctx.helpChannels.add(guildId, channel.id);
        log.info({ channelId: channel.id, added }, 'help channel added');
        return void (await reply(added ? `I'll answer questions posted in <#${channel.id}>.` : `<#${channel.id}> is already a help channel.`));
      }
      case 'remove-help-channel': {
        const channel = interaction.options.getChannel('channel', true, [ChannelType.GuildText, ChannelType.GuildForum]);
        const { fromEnv } = await ctx.helpChannels.list(guildId);
        const removed = await ctx.helpChannels.remove(guildId, channel.id);
        if (!removed && fromEnv.includes(channel.id)) return void (await reply(`<#${channel.id}> comes from HELP_CHANNEL_IDS in the bot's environment; remove it there.`));
        return void (await reply(removed ? `I'll stop answering in <#${channel.id}>.` : `<#${channel.id}> wasn't a help channel.`));
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
