import {
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIStringSelectComponent,
} from 'discord.js';
import type { AnswerView } from '../answer/view.js';
import { reviewedLabel } from '../kb/freshness.js';
import { fitEmbed, LIMITS, truncate } from './limits.js';
import { fillRow, offerField, understoodComponents, understoodEmbed, type UnderstoodKnowledge } from './render-understood.js';

/** Every message the bot sends pings nobody; discord.js also has this as the client default. */
export const NO_MENTIONS = { parse: [] as [] };

const COLOR = { knowledge: 0x2e7d32, llm: 0xf9a825, none: 0x757575, rules: 0x1565c0 } as const;
const QUESTION_PREFIX = '❓ ';

/** The question as shown above an answer, on one line; feedback reads it back from there, so buttons need no server state. */
export function questionLine(question: string): string {
  return truncate(`${QUESTION_PREFIX}${question.replace(/\s+/g, ' ').trim()}`, LIMITS.author);
}
export function questionFromEmbed(embed: { author?: { name?: string } | null } | undefined): string | undefined {
  const name = embed?.author?.name;
  return name?.startsWith(QUESTION_PREFIX) ? name.slice(QUESTION_PREFIX.length) : undefined;
}

export function answerEmbed(view: AnswerView, question: string, extra: NonNullable<APIEmbed['fields']> = []): APIEmbed {
  const fields: APIEmbed['fields'] = [...extra];
  if (view.answered && view.related.length > 0) {
    fields.push({ name: 'Related', value: view.related.map((r) => `• ${r.title}`).join('\n') });
  }
  const guides = [...new Set(view.sources.map((s) => s.guide))].map((g) => `• *${g}*`);
  const links = view.publicSources.map((s) => `• [${truncate(s.title, 120)}](${s.url}) (${s.confidence})`);
  if (guides.length + links.length > 0) fields.push({ name: 'Sources', value: [...guides, ...links].join('\n') });
  const reviewed = view.reviewed ? ` · ${reviewedLabel(view.reviewed)}` : '';
  const footer =
    view.mode === 'knowledge'
      ? `From the curated guides${reviewed} · confidence ${view.confidence.toFixed(2)}`
      : view.mode === 'llm'
        ? 'AI-drafted — may be wrong; the sources are what counts'
        : 'Not answered — a curator will see this question';
  return fitEmbed({
    author: { name: questionLine(question) },
    title: view.title,
    description: view.label ? `*${view.label}*\n\n${view.body}` : view.body,
    color: COLOR[view.mode],
    fields,
    footer: { text: footer },
  });
}

/** 👍/👎 whose custom ids carry the vote, the answer's kind and its entry: they work after a restart. */
export function feedbackRow(view: AnswerView): APIActionRowComponent<APIButtonComponent> | undefined {
  if (!view.answered) return undefined;
  const ref = `${view.mode === 'llm' ? 'l' : 'k'}:${view.entryIds[0] ?? '-'}`;
  const button = (vote: 'up' | 'down', emoji: string, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: truncate(`fb:${vote}:${ref}`, LIMITS.customId),
    emoji: { name: emoji },
    label,
  });
  return { type: ComponentType.ActionRow, components: [button('up', '👍', 'Helpful'), button('down', '👎', 'Not helpful')] };
}

/** A one-menu action row; option labels are cut to Discord's limit and at most 25 options are kept. */
export function selectRow(
  customId: string,
  placeholder: string,
  options: readonly { label: string; value: string; description?: string }[],
): APIActionRowComponent<APIStringSelectComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: customId,
        placeholder,
        options: options.slice(0, LIMITS.selectOptions).map((o) => ({ ...o, label: truncate(o.label, LIMITS.selectOptionLabel) })),
      },
    ],
  };
}

/** "Did you mean": when nothing was answered, the suggestions open privately (handled by /topics' `topics:entry`). */
export function suggestionRow(view: AnswerView): APIActionRowComponent<APIStringSelectComponent> | undefined {
  if (view.answered || view.related.length === 0) return undefined;
  return selectRow(
    'topics:entry',
    'Did you mean… (opens privately)',
    view.related.map((r) => ({ label: r.title, value: r.id })),
  );
}

/**
 * The message for an answer: its embed and 👍/👎 (or the "did you mean" menu). A question read as a command's request
 * gets the command's own embed (`kb` renders it) or what is missing and how to give it.
 */
export function answerMessage(view: AnswerView, question: string, kb: UnderstoodKnowledge) {
  if (view.rules && view.mode === 'rules') {
    return {
      embeds: [understoodEmbed(view, view.rules, questionLine(question), kb)],
      components: understoodComponents(view.rules, kb),
      allowedMentions: NO_MENTIONS,
    };
  }
  const row = feedbackRow(view) ?? suggestionRow(view);
  // A knowledge answer to a question that also carries a command's facts: the command follows (what it still needs, or
  // an offer to work out the member's own case), with the button that opens its form filled in.
  const offer = view.rules ? [offerField(view.rules, kb)] : [];
  const rows = [...(row ? [row] : []), ...(view.rules ? [fillRow(view.rules, kb)] : [])];
  return { embeds: [answerEmbed(view, question, offer)], components: rows, allowedMentions: NO_MENTIONS };
}

/**
 * Text that came from members or from stored data, made inert for display: Markdown shows as typed, and mentions
 * (`<@id>`, `<@&id>`, `<#id>`, @everyone, @here) show as text instead of rendering.
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true })
    .replace(/<(@[!&]?|#)(\d+)>/g, '<\u200b$1$2>')
    .replace(/@(everyone|here)\b/g, '@\u200b$1');
}

export function textMessage(content: string) {
  return { content: truncate(content, LIMITS.content), allowedMentions: NO_MENTIONS };
}
