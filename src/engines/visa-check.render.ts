import type { RefIndex } from '../kb/refs.js';
import type { VisaCheckRules } from '../kb/rules/visa-check.js';
import { DUTIES, EMPLOYERS, RESIDENCE_STATUSES, VERDICTS, labelOf, type Verdict } from '../kb/vocabulary.js';
import type { VisaCheckInput } from './inputs.js';
import { fitReply, formatYen, renderSources } from './text.js';
import type { VisaCheckResult } from './visa-check.js';

const MARK: Record<Verdict, string> = { 'likely-fine': '🟢', 'needs-review': '🟡', 'change-of-status-needed': '🟠', 'not-permitted': '🔴' };

/** The situation the verdict answers, in one line. */
export function describeVisaInput(input: VisaCheckInput): string {
  return [
    labelOf(RESIDENCE_STATUSES, input.status),
    `${labelOf(DUTIES, input.currentWork)} → ${labelOf(DUTIES, input.newWork)}`,
    labelOf(EMPLOYERS, input.employer).toLowerCase(),
    ...(input.salary === undefined ? [] : [`${formatYen(input.salary)} a year`]),
    ...(input.dispatch ? ['client-site / dispatch'] : []),
  ].join(' · ');
}

const bullets = (title: string, lines: readonly string[], mark = '•') => (lines.length === 0 ? '' : [`**${title}**`, ...lines.map((l) => `${mark} ${l}`)].join('\n'));

/** The reply a member sees: verdict, why, what to do, risk flags, sources and the general-information note. */
export function renderVisaCheck(result: VisaCheckResult, input: VisaCheckInput, rules: VisaCheckRules, refs: RefIndex): string {
  const body = [
    `**Visa check:** ${describeVisaInput(input)}`,
    `${MARK[result.verdict]} **Verdict: ${labelOf(VERDICTS, result.verdict)}**`,
    bullets('Why', result.reasons),
    bullets('What to do', result.actions.map((a) => a.text)),
    bullets('Risk flags', result.flags.map((f) => f.text), '⚠️'),
  ]
    .filter((part) => part.length > 0)
    .join('\n\n');
  const footer = `-# ${rules.disclaimer}`;
  return fitReply(body, renderSources(refs, result.sources), renderSources(refs, result.sources, false), footer);
}
