import type { AnswerView } from '../answer/view.js';
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

/** The full answer as a member would read it: what `ask` prints, and `text` in its JSON. */
export function renderAnswerText(view: AnswerView): string {
  const parts: string[] = [];
  if (view.label) parts.push(view.label);
  parts.push(view.title, plainText(view.body));
  if (view.answered && view.related.length > 0) parts.push(`Related: ${view.related.map((r) => r.title).join(' · ')}`);
  if (view.sources.length > 0 || view.publicSources.length > 0) {
    const guides = [...new Set(view.sources.map((s) => s.guide))].map((g) => `• ${g} (guide)`);
    const links = view.publicSources.map((s) => `• ${s.title} — ${s.url} (${s.confidence})`);
    parts.push(['Sources:', ...guides, ...links].join('\n'));
  }
  return parts.join('\n\n');
}

/** `ask --json`: {answered, text, sources, confidence, mode}. */
export function answerJson(view: AnswerView) {
  return { answered: view.answered, text: renderAnswerText(view), sources: view.sources, confidence: view.confidence, mode: view.mode };
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
