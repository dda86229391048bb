import { z } from 'zod';
import {
  DEADLINE_DATES,
  describePeriod,
  type DateBounds,
  type DeadlineDate,
  type DeadlineRule,
  type DeadlineRules,
  type Offset,
  type ReminderSpec,
} from '../kb/rules/deadlines.js';
import { compareDates, japanInstant, parseDate, shift, type IsoDate } from './calendar.js';

/**
 * The deadline engine of /remind and the CLI's `deadlines`: from the dates a member gives (left, joined, expiry) to the
 * deadlines in knowledge/rules/deadlines.yaml and the instants their reminders go out. Plain functions; "today" is
 * always passed in (the date in Japan), so the maths is testable at any date.
 */

export type DeadlineInput = Partial<Record<DeadlineDate, IsoDate>>;

export interface PlannedReminder {
  /** Unique within a plan, e.g. `notice-left:before-due-3-days`. */
  key: string;
  /** The day it goes out, in Japan… */
  date: IsoDate;
  /** …and the instant (ms), at the table's send hour, Japan time. */
  at: number;
  /** When it goes out, relative to the deadline, e.g. "when it opens", "3 days before". */
  label: string;
}

export interface PlannedDeadline {
  id: string;
  title: string;
  /** With {opens} and {due} still to fill (each surface shows dates its own way). */
  text: string;
  from: DeadlineDate;
  opens: IsoDate | undefined;
  due: IsoDate;
  /** The last moment of the due day in Japan (ms). */
  dueAt: number;
  opensAt: number | undefined;
  reminders: PlannedReminder[];
  sources: string[];
}

/** The last instant of a day in Japan (23:59:59). */
export const endOfDay = (date: IsoDate) => japanInstant(date, 24) - 1000;

const offset = (date: IsoDate, o: Offset) => ('after' in o ? shift(date, o.after, 1) : shift(date, o.before, -1));

function describeWhen(spec: ReminderSpec): { key: string; label: string } {
  if (spec === 'opens') return { key: 'opens', label: 'when it opens' };
  if (spec === 'due') return { key: 'due', label: 'on the day' };
  const period = describePeriod(spec.before_due);
  return { key: `before-due-${period.replace(' ', '-')}`, label: `${period} before` };
}

function reminderDate(spec: ReminderSpec, opens: IsoDate | undefined, due: IsoDate): IsoDate | undefined {
  if (spec === 'opens') return opens;
  if (spec === 'due') return due;
  return shift(due, spec.before_due, -1);
}

function planOne(rule: DeadlineRule, from: IsoDate, sendHour: number): PlannedDeadline {
  const opens = rule.opens ? offset(from, rule.opens) : undefined;
  const due = offset(from, rule.due);
  const reminders: PlannedReminder[] = [];
  for (const spec of rule.remind) {
    const date = reminderDate(spec, opens, due);
    // Two reminders on one day (a short window) would say the same thing twice: the first is kept.
    if (date === undefined || reminders.some((r) => r.date === date)) continue;
    const when = describeWhen(spec);
    reminders.push({ key: `${rule.id}:${when.key}`, label: when.label, date, at: japanInstant(date, sendHour) });
  }
  reminders.sort((a, b) => a.at - b.at);
  return {
    id: rule.id,
    title: rule.title,
    text: rule.text,
    from: rule.from,
    opens,
    due,
    dueAt: endOfDay(due),
    opensAt: opens === undefined ? undefined : japanInstant(opens),
    reminders,
    sources: rule.sources,
  };
}

/** Every deadline that follows from the member's dates, in the table's order. */
export function planDeadlines(rules: DeadlineRules, input: DeadlineInput): PlannedDeadline[] {
  return rules.deadlines.flatMap((rule) => {
    const from = input[rule.from];
    if (from === undefined) return [];
    const planned = planOne(rule, from, rules.send_hour);
    if (rule.unless_joined_by_due && input.joined !== undefined && compareDates(input.joined, planned.due) <= 0) return [];
    return [planned];
  });
}

/** The reminders still to come at `now`, soonest first, with their deadline. */
export function upcomingReminders(
  deadlines: readonly PlannedDeadline[],
  now: number,
): { deadline: PlannedDeadline; reminder: PlannedReminder }[] {
  return deadlines
    .flatMap((deadline) => deadline.reminders.map((reminder) => ({ deadline, reminder })))
    .filter(({ reminder }) => reminder.at > now)
    .sort((a, b) => a.reminder.at - b.reminder.at);
}

const LABEL: Record<DeadlineDate, string> = { left: 'the day you left', joined: 'the day you joined', expiry: 'the expiry date' };

function dateField(name: DeadlineDate, bounds: DateBounds, today: IsoDate) {
  const earliest = shift(today, bounds.past, -1);
  const latest = shift(today, bounds.future, 1);
  return z
    .string({ error: `must be ${LABEL[name]} written YYYY-MM-DD, e.g. 2027-01-31` })
    .transform((value, ctx) => {
      const date = parseDate(value);
      if (!date) ctx.addIssue({ code: 'custom', message: `"${value}" is not a date; write ${LABEL[name]} as YYYY-MM-DD, e.g. 2027-01-31` });
      else if (compareDates(date, earliest) < 0) {
        const why = bounds.past.n === 0 ? 'is in the past' : `is more than ${describePeriod(bounds.past)} ago`;
        ctx.addIssue({ code: 'custom', message: `${date} ${why} (today in Japan is ${today})` });
      } else if (compareDates(date, latest) > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${date} is more than ${describePeriod(bounds.future)} from today (${today}); check the year`,
        });
      }
      return date ?? z.NEVER;
    })
    .optional();
}

/**
 * Validates what a member gives, against the table's bounds from `today` (the date in Japan): real dates, none too far
 * back or ahead, at least one, and joining on or after leaving.
 */
export function deadlineInputSchema(rules: DeadlineRules, today: IsoDate) {
  const { left, joined, expiry } = rules.dates;
  return z
    .strictObject({
      left: dateField('left', left, today),
      joined: dateField('joined', joined, today),
      expiry: dateField('expiry', expiry, today),
    })
    .refine((i) => DEADLINE_DATES.some((d) => i[d] !== undefined), {
      message: 'give at least one date: left, joined or expiry',
      path: ['(input)'],
    })
    .refine((i) => i.left === undefined || i.joined === undefined || compareDates(i.joined, i.left) >= 0, {
      message: 'is before the day you left; give the dates in order',
      path: ['joined'],
    });
}
