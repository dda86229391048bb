import { MessageFlags } from 'discord.js';
import { knowledgeView } from '../src/answer/view.js';
import type { Command, ComponentHandler } from '../src/discord/command.js';
import type { Knowledge } from '../src/discord/context.js';
import { UserError } from '../src/discord/errors.js';
import { fitChoices, fitEmbed, LIMITS, truncate } from '../src/discord/limits.js';
import { stringOption } from '../src/discord/option-builders.js';
import { rankChoices } from '../src/discord/options.js';
import { answerMessage, NO_MENTIONS, selectRow } from '../src/discord/render.js';
import { INSTALL } from '../src/discord/surface.js';
import type { Choice } from '../src/kb/vocabulary.js';

const topicChoices = (k: Knowledge): Choice[] => k.kb.topics.map((t) => ({ value: t.id, label: t.title, label_ja: t.title_ja }));

function topicList(k: Knowledge) {
  const lines = k.kb.topics.map((t) => `• **${t.title}** (${t.title_ja}) — ${k.kb.entries.filter((e) => e.topic === t.id).length} entries`);
  return {
    embeds: [
      fitEmbed({
        title: 'What I know about',
        description: `${lines.join('\n')}\n\nPick a topic below, or use \`/topics entry:\` to search.`,
      }),
    ],
    components: [
      selectRow(
        'topics:topic',
        'Choose a topic',
        k.kb.topics.map((t) => ({ label: t.title, value: t.id, description: truncate(t.title_ja, 100) })),
      ),
    ],
    allowedMentions: NO_MENTIONS,
  };
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** The topic by id, or by its English or Japanese title (typed text a client submits instead of a choice). */
function entryList(k: Knowledge, submitted: string) {
  const topic = k.kb.topics.find((t) => [t.id, t.title, t.title_ja].some((v) => fold(v) === fold(submitted)));
  if (!topic)
    throw new UserError(
      `I don't have the topic "${truncate(submitted, 100)}". Topics: ${k.kb.topics.map((t) => t.id).join(', ')}. Or run \`/topics\` and pick one from the list.`,
      'unknown-topic',
    );
  const entries = k.kb.entries.filter((e) => e.topic === topic.id);
  return {
    embeds: [fitEmbed({ title: topic.title, description: entries.map((e) => `• ${e.title}`).join('\n') })],
    components: [
      selectRow(
        'topics:entry',
        'Open an entry',
        entries.map((e) => ({ label: e.title, value: e.id })),
      ),
    ],
    allowedMentions: NO_MENTIONS,
  };
}

function entryMessage(k: Knowledge, entryId: string) {
  const entry = k.kb.byId.get(entryId);
  if (!entry) throw new UserError("I don't have that entry (the knowledge base may have changed). Run `/topics` again.", 'unknown-entry');
  return answerMessage(knowledgeView(k.kb, { confidence: 1, entry, related: [] }), entry.title, k.kb);
}

const browse: ComponentHandler = {
  prefix: 'topics',
  type: 'select',
  async handle(interaction, ctx) {
    const value = interaction.values[0] ?? '';
    if (interaction.customId === 'topics:topic') await interaction.update(entryList(ctx.knowledge(), value));
    else await interaction.reply({ ...entryMessage(ctx.knowledge(), value), flags: MessageFlags.Ephemeral });
  },
};

/** /topics: browse the knowledge base by topic and open an entry (privately). */
export const topics = {
  data: {
    name: 'topics',
    description: 'Browse everything the bot knows, by topic, and open an entry',
    description_localizations: { ja: 'トピック別にナレッジを閲覧してエントリーを開く' },
    ...INSTALL.everywhere,
    options: [
      stringOption('topic', { en: 'A topic to list', ja: '一覧表示するトピック' }, { autocomplete: true }),
      stringOption('entry', { en: 'An entry to open (type to search)', ja: '開くエントリー（入力して検索）' }, { autocomplete: true }),
    ],
  },
  components: [browse],
  async autocomplete(interaction, ctx) {
    const k = ctx.knowledge();
    const focused = interaction.options.getFocused(true);
    if (focused.name === 'topic') return interaction.respond(rankChoices(String(focused.value), topicChoices(k), interaction.locale));
    const query = String(focused.value).trim();
    const topic = interaction.options.getString('topic');
    const entries = query
      ? k.engine.search(query, LIMITS.choices).map((h) => h.entry)
      : k.kb.entries.filter((e) => !topic || e.topic === topic);
    return interaction.respond(fitChoices(entries.map((e) => ({ name: e.title, value: e.id }))));
  },
  async execute(interaction, ctx) {
    const k = ctx.knowledge();
    const entry = interaction.options.getString('entry');
    const topic = interaction.options.getString('topic');
    const message = entry ? entryMessage(k, entry) : topic ? entryList(k, topic) : topicList(k);
    await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  },
} satisfies Command;
