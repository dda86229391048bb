import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { AnswerView } from '../answer/view.js';
import type { ReportKnowledge } from '../engines/report.js';
import type { KnowledgeBase } from '../kb/load.js';
import { fill } from '../kb/text.js';
import { FILL_BUTTON, packInputs } from '../understand/form.js';
import { offer, type RulesReply } from '../understand/reply.js';
import type { RuleRun } from '../understand/run.js';
import { fitEmbed, LIMITS, truncate } from './limits.js';
import { renderCareerPathForDiscord, renderHspPointsForDiscord, renderVisaCheckForDiscord } from './render-rules.js';

/** What a rules reply reads from the knowledge base in Discord: the rule tables and refs, and the reply texts. */
export type UnderstoodKnowledge = ReportKnowledge & Pick<KnowledgeBase, 'replies'>;

/** A rule command's result as its slash command shows it (src/discord/render-rules.ts). */
export function runEmbed(run: RuleRun, kb: ReportKnowledge): APIEmbed {
  if (run.command === 'hsp-points') return renderHspPointsForDiscord(run.outcome, kb);
  if (run.command === 'visa-check') return renderVisaCheckForDiscord(run.result, run.input, kb);
  return renderCareerPathForDiscord(run.result, run.input, kb);
}

/** `/hsp-points age:30 degree:master … salary:` — what was understood, and the missing options left empty. */
export function slashCommand(reply: RulesReply): string {
  const given = Object.entries(reply.inputs).map(([flag, v]) => `${flag}:${v === true ? 'True' : v === false ? 'False' : v}`);
  return [`/${reply.command}`, ...given, ...reply.missing.map((m) => `${m.flag}:`)].join(' ');
}

const relatedField = (view: AnswerView, kb: UnderstoodKnowledge) =>
  view.related.length > 0 ? [{ name: kb.replies.understood.related, value: view.related.map((r) => `• ${r.title}`).join('\n') }] : [];

/**
 * The embed of a rules reply: with a result, the command's own embed preceded by the "I read" line; otherwise what
 * was read, what is missing and how to give it. The question sits in the author line, as on every answer (feedback
 * reads it back from there).
 */
export function understoodEmbed(view: AnswerView, reply: RulesReply, author: string, kb: UnderstoodKnowledge): APIEmbed {
  const texts = kb.replies.understood;
  if (reply.run) {
    const own = runEmbed(reply.run, kb);
    return fitEmbed({
      ...own,
      author: { name: author },
      description: `*${reply.understood}*\n\n${own.description ?? ''}`,
      fields: relatedField(view, kb),
    });
  }
  const how = [fill(texts.how_slash, { slash: truncate(slashCommand(reply), 1000) }), fill(texts.how_button, { button: texts.button })];
  return fitEmbed({
    author: { name: author },
    title: view.title,
    description: [view.body, '', ...how].join('\n'),
    color: 0x757575,
    fields: relatedField(view, kb),
    footer: { text: `/${reply.command}` },
  });
}

/** Under a knowledge answer: what the command would still need for the member's own case, or that it can work it out now, and how. */
export function offerField(reply: RulesReply, kb: UnderstoodKnowledge): { name: string; value: string } {
  const texts = kb.replies.understood;
  const { title, text, howSlash } = offer(reply, texts);
  const how = `${fill(howSlash, { slash: slashCommand(reply) })}\n${fill(texts.how_button, { button: texts.button })}`;
  return { name: title, value: truncate(`${text}\n\n${how}`, LIMITS.fieldValue) };
}

/** 👍/👎 on a command's answer to a free-form question: `fb:<vote>:r:<command>` (src/discord/feedback.ts). */
export function rulesFeedbackRow(reply: RulesReply): APIActionRowComponent<APIButtonComponent> {
  const button = (vote: 'up' | 'down', emoji: string, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: truncate(`fb:${vote}:r:${reply.command}`, LIMITS.customId),
    emoji: { name: emoji },
    label,
  });
  return { type: ComponentType.ActionRow, components: [button('up', '👍', 'Helpful'), button('down', '👎', 'Not helpful')] };
}

/** The "Fill in and calculate" button of a missing-facts reply: it opens a form with what was read filled in. */
export function fillRow(reply: RulesReply, kb: Pick<KnowledgeBase, 'replies'>): APIActionRowComponent<APIButtonComponent> {
  const button: APIButtonComponent = {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    custom_id: truncate(`${FILL_BUTTON}:${packInputs(reply.command, reply.inputs)}`, LIMITS.customId),
    label: kb.replies.understood.button,
    emoji: { name: '📝' },
  };
  return { type: ComponentType.ActionRow, components: [button] };
}

/** A result gets the feedback buttons; a reply with facts missing the button that opens the form. */
export function understoodComponents(reply: RulesReply, kb: Pick<KnowledgeBase, 'replies'>) {
  return reply.run ? [rulesFeedbackRow(reply)] : [fillRow(reply, kb)];
}
