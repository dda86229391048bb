import { MessageFlags } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { fitEmbed } from '../src/discord/limits.js';
import { NO_MENTIONS } from '../src/discord/render.js';
import { INSTALL, surfaceOf } from '../src/discord/surface.js';

/** /help: what the bot does and where its knowledge comes from. */
export const help = {
  data: {
    name: 'help',
    description: 'What this bot does and where its knowledge comes from',
    description_localizations: { ja: 'このボットの使い方と情報源' },
    ...INSTALL.everywhere,
  },
  async execute(interaction, ctx) {
    const { kb } = ctx.knowledge();
    const guides = [...kb.guides.values()].map((g) => `• *${g.title}*`).join('\n');
    const serverId = surfaceOf(interaction).serverInstalled ? interaction.guildId : null;
    const inServer = serverId !== null;
    const channels = serverId !== null ? await ctx.helpChannels.list(serverId) : { fromEnv: [], fromConfig: [] };
    const helpChannels = channels.fromEnv.length + channels.fromConfig.length;
    const where = !inServer
      ? '• Here my replies are private to you; **Share** posts one for the others to see where Discord allows it.'
      : helpChannels > 0
        ? `• Or just post your question in a help channel (${helpChannels} set up here).`
        : '• Moderators can set up help channels with `/config`.';
    const embed = fitEmbed({
      title: 'Japan career help bot',
      description: [
        "I answer questions about building a career in Japan — promotion culture, growing after the first years, moving up from dispatch and ALT work, paths by JLPT level, and work visas for IT engineers — from a **curated knowledge base**, always with sources. When my guides don't cover something I say so instead of guessing.",
        '',
        '**Commands**',
        '• `/ask` — ask anything in English or Japanese',
        '• `/career-path` — which paths your JLPT level and background open',
        '• `/visa-check` — does a job change fit your status of residence; what to file',
        '• `/hsp-points` — Highly Skilled Professional points, line by line',
        '• `/topics` — browse everything I know',
        '• `/profile` — save your JLPT level, status and background once',
        '• `/remind` — DM reminders before job-change and renewal deadlines',
        where,
      ].join('\n'),
      fields: [
        {
          name: 'Where the knowledge comes from',
          value: `${guides}\n• Immigration and JLPT facts from public sources (Immigration Services Agency, JLPT, e-Gov law texts, licensed scriveners), each cited with its confidence.`,
        },
        {
          name: 'Good to know',
          value: [
            `${kb.entries.length} entries · knowledge version \`${kb.version}\`.`,
            ctx.config.llm
              ? 'When my guides only partly cover a question, an AI may draft an answer **from those guides only**; it is labelled as AI-drafted and lists its sources.'
              : 'Every answer comes straight from the curated entries; no AI is used.',
            'Visa answers are general information. For a decision about your case, ask the Immigration Services Agency or a licensed administrative scrivener (gyōseishoshi).',
          ].join('\n'),
        },
      ],
    });
    await interaction.reply({ embeds: [embed], allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
