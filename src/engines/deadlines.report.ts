import { DEADLINE_DATES, type DeadlineDate } from '../kb/rules/deadlines.js';
import type { DeadlineInput, PlannedDeadline, PlannedReminder } from './deadlines.js';
import { sourcesOf, type Markup, type Report, type ReportKnowledge } from './report.js';

const GIVEN: Record<DeadlineDate, string> = { left: 'left', joined: 'joined', expiry: 'expiry' };

/** "left 2027-01-31 · joined 2027-02-15": what the member gave, as they gave it. */
export function describeDeadlineInput(input: DeadlineInput): string {
  return DEADLINE_DATES.flatMap((d) => (input[d] === undefined ? [] : [`${GIVEN[d]} ${input[d]}`])).join(' · ');
}

/** A deadline's text with its dates and **bold** in the surface's form. */
export function deadlineText(d: PlannedDeadline, m: Markup): string {
  return d.text
    .replaceAll('{due}', m.date(d.due, d.dueAt))
    .replaceAll('{opens}', d.opens && d.opensAt !== undefined ? m.date(d.opens, d.opensAt) : '')
    .replace(/\*\*([^*\n]+)\*\*/g, (_, t: string) => m.bold(t));
}

function reminderLine(d: PlannedDeadline, m: Markup, now: number): string {
  const one = (r: PlannedReminder) => `${m.date(r.date, r.at)} (${r.label}${r.at <= now ? ' — already past, not sent' : ''})`;
  return `Reminders: ${d.reminders.map(one).join(' · ')}`;
}

/**
 * Every deadline that follows from the member's dates, with its reminders (those already past marked), the sources
 * and the general-information note: what the CLI's `deadlines` prints and what /remind answers.
 */
export function deadlinesReport(
  deadlines: readonly PlannedDeadline[],
  input: DeadlineInput,
  kb: ReportKnowledge,
  m: Markup,
  now: number,
): Report {
  const sections = deadlines.map((d) => [m.bold(d.title), deadlineText(d, m), reminderLine(d, m, now)].join('\n'));
  const body = [`${m.bold('Deadlines for:')} ${describeDeadlineInput(input)} (dates in Japan)`, ...sections].join('\n\n');
  return {
    body,
    ...sourcesOf(
      kb,
      deadlines.flatMap((d) => d.sources),
      m,
    ),
    footer: m.small(kb.rules.visaCheck.disclaimer),
  };
}

/** One reminder as a member receives it by DM. `lateSince` (ms) adds a note that it should have come then. */
export function reminderReport(d: PlannedDeadline, r: PlannedReminder, kb: ReportKnowledge, m: Markup, lateSince?: number): Report {
  const late =
    lateSince === undefined ? [] : [m.italic(`Sent late: this reminder was due ${m.date(r.date, lateSince)}, while I was offline.`)];
  const body = [`⏰ ${m.bold(d.title)}`, ...late, deadlineText(d, m)].join('\n\n');
  return {
    body,
    ...sourcesOf(kb, d.sources, m),
    footer: m.small(
      `You asked me for this reminder. /remind list shows the others; /remind cancel stops them. ${kb.rules.visaCheck.disclaimer}`,
    ),
  };
}
