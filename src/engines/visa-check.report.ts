import { formatYen } from '../kb/text.js';
import { DUTIES, EMPLOYERS, RESIDENCE_STATUSES, VERDICTS, labelOf, type Verdict } from '../kb/vocabulary.js';
import type { VisaCheckInput } from './inputs.js';
import { sourcesOf, type Markup, type Report, type ReportKnowledge } from './report.js';
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

/** What a member sees: verdict, why, what to do, risk flags, sources and the general-information note. */
export function visaCheckReport(result: VisaCheckResult, input: VisaCheckInput, kb: ReportKnowledge, m: Markup): Report {
  const bullets = (title: string, lines: readonly string[], mark = '•') =>
    lines.length === 0 ? '' : [m.bold(title), ...lines.map((l) => `${mark} ${l}`)].join('\n');
  const body = [
    `${m.bold('Visa check:')} ${describeVisaInput(input)}`,
    `${MARK[result.verdict]} ${m.bold(`Verdict: ${labelOf(VERDICTS, result.verdict)}`)}`,
    bullets('Why', result.reasons),
    bullets(
      'What to do',
      result.actions.map((a) => a.text),
    ),
    bullets(
      'Risk flags',
      result.flags.map((f) => f.text),
      '⚠️',
    ),
  ]
    .filter((part) => part.length > 0)
    .join('\n\n');
  return { body, ...sourcesOf(kb, result.sources, m), footer: m.small(kb.rules.visaCheck.disclaimer) };
}
