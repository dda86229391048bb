import type { AnswerView } from '../answer/view.js';
import { reviewedLabel } from '../kb/freshness.js';
import type { KnowledgeBase } from '../kb/load.js';
import { fill } from '../kb/text.js';
import { offer, type RulesReply } from '../understand/reply.js';
import type { RuleRun } from '../understand/run.js';
import type { CareerPathResult } from '../engines/career-path.js';
import { careerPathReport } from '../engines/career-path.report.js';
import type { HspPointsOutcome } from '../engines/hsp-points.js';
import { hspPointsReport } from '../engines/hsp-points.report.js';
import type { CareerPathInput, VisaCheckInput } from '../engines/inputs.js';
import type { Markup, Report, ReportKnowledge } from '../engines/report.js';
import type { VisaCheckResult } from '../engines/visa-check.js';
import { visaCheckReport } from '../engines/visa-check.report.js';

/** Everything the CLI prints, as plain text for a terminal: no Markdown, no Discord syntax. */

/** Plain text for the engines' reports. */
export const TEXT_MARKUP: Markup = {
  bold: (t) => t,
  italic: (t) => t,
  link: (title, url) => `${title} — ${url}`,
  code: (t) => t,
  small: (t) => t,
  date: (d) => d,
};

/**
 * Curated answers and AI drafts are written in Discord Markdown; a terminal gets the words: emphasis, code marks and
 * small-print markers dropped, links written as "title (url)".
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]+)\]\(<?([^)>\s]+)>?\)/g, '$1 ($2)')
    .replace(/^-# /gm, '')
    .replace(/(\*\*|__|~~|\|\|)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^*_\n]*?\S)\2(?![\p{L}\p{N}*_])/gmu, '$1$3')
    .replace(/`([^`\n]+)`/g, '$1');
}

/** What the CLI's answers read from the knowledge base: the rule tables and refs (reports) and the reply texts. */
export type AnswerKnowledge = ReportKnowledge & Pick<KnowledgeBase, 'replies'>;

/** A rule command's result, rendered by the command's own text renderer. */
export function renderRunText(run: RuleRun, kb: ReportKnowledge): string {
  if (run.command === 'hsp-points') return renderHspPointsText(run.outcome, kb);
  if (run.command === 'visa-check') return renderVisaCheckText(run.result, run.input, kb);
  return renderCareerPathText(run.result, run.input, kb);
}

/** The CLI command for what was understood, the missing flags left to fill: `npm run -s cli -- hsp-points --age 30 … --salary <salary>`. */
export function cliCommand(reply: RulesReply): string {
  const given = Object.entries(reply.inputs).flatMap(([flag, v]) => (v === true ? [`--${flag}`] : v === false ? [] : [`--${flag} ${v}`]));
  const missing = reply.missing.map((m) => `--${m.flag} <${m.flag}>`);
  return ['npm run -s cli --', reply.command, ...given, ...missing].join(' ');
}

/** A question read as a command's request: "I read: …" and the command's result, or what is missing and how to give it. */
function renderRulesText(view: AnswerView, reply: RulesReply, kb: AnswerKnowledge): string {
  const texts = kb.replies.understood;
  const parts = reply.run
    ? [reply.understood, renderRunText(reply.run, kb)]
    : [view.title, view.body, fill(texts.how_cli, { cli: cliCommand(reply) })];
  if (view.related.length > 0) parts.push(`${texts.related} ${view.related.map((r) => r.title).join(' · ')}`);
  return parts.join('\n\n');
}

/** Under a knowledge answer: what the command would still need for the member's own case, or that it can work it out now. */
function renderOfferText(reply: RulesReply, kb: AnswerKnowledge): string {
  const { title, text, howCli } = offer(reply, kb.replies.understood);
  return [title, text, fill(howCli, { cli: cliCommand(reply) })].join('\n\n');
}

/** The full answer as a member would read it: what `ask` prints, and `text` in its JSON. */
export function renderAnswerText(view: AnswerView, kb: AnswerKnowledge): string {
  if (view.rules && view.mode === 'rules') return renderRulesText(view, view.rules, kb);
  const text = renderKnowledgeText(view);
  return view.rules ? `${text}\n\n${renderOfferText(view.rules, kb)}` : text;
}

function renderKnowledgeText(view: AnswerView): string {
  const parts: string[] = [];
  if (view.label) parts.push(view.label);
  parts.push(view.title, plainText(view.body));
  if (view.answered && view.related.length > 0) parts.push(`Related: ${view.related.map((r) => r.title).join(' · ')}`);
  if (view.sources.length > 0 || view.publicSources.length > 0) {
    const guides = [...new Set(view.sources.map((s) => s.guide))].map((g) => `• ${g} (guide)`);
    const links = view.publicSources.map((s) => `• ${s.title} — ${s.url} (${s.confidence})`);
    parts.push(['Sources:', ...guides, ...links].join('\n'));
  }
  if (view.mode === 'knowledge' && view.reviewed) parts.push(`From the curated guides, ${reviewedLabel(view.reviewed)}.`);
  return parts.join('\n\n');
}

/**
 * `ask --json`: {answered, text, sources, confidence, mode}; a rules reply adds the command, the understood inputs (by
 * flag name) and the flags still missing.
 */
export function answerJson(view: AnswerView, kb: AnswerKnowledge) {
  const base = {
    answered: view.answered,
    text: renderAnswerText(view, kb),
    sources: view.sources,
    confidence: view.confidence,
    mode: view.mode,
  };
  if (!view.rules) return base;
  return { ...base, command: view.rules.command, inputs: view.rules.inputs, missing: view.rules.missing.map((m) => m.flag) };
}

/** A report as a terminal shows it: body, sources and small print, blank lines between. */
export const joinReport = (r: Report) => [r.body, r.sources, r.footer].filter(Boolean).join('\n\n');

/** `career-path`: every path with its status, why and next step, and the sources. */
export function renderCareerPathText(result: CareerPathResult, input: CareerPathInput, kb: ReportKnowledge): string {
  return joinReport(careerPathReport(result, input, kb, TEXT_MARKUP));
}

/** `visa-check`: the verdict, reasons, filings, risk flags, sources and the disclaimer. */
export function renderVisaCheckText(result: VisaCheckResult, input: VisaCheckInput, kb: ReportKnowledge): string {
  return joinReport(visaCheckReport(result, input, kb, TEXT_MARKUP));
}

/** `hsp-points`: the total, one line per criterion, permanent-residency timing and sources. */
export function renderHspPointsText(outcome: HspPointsOutcome, kb: ReportKnowledge): string {
  return joinReport(hspPointsReport(outcome, kb, TEXT_MARKUP));
}
