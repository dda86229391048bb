import { z } from 'zod';
import { PARSE_ONCE, type Problem } from '../problems.js';
import { refProblems, sourceRefsSchema, type RefIndex } from '../refs.js';
import { slug, text } from '../schema.js';
import { duplicateIds } from './common.js';

/**
 * knowledge/rules/deadlines.yaml: which dates follow from the dates a member gives, and when the bot reminds them (the
 * file's header explains it to curators). Only the shape and the periods live here; the date maths is
 * src/engines/deadlines.ts.
 */

export const PERIOD_UNITS = ['day', 'week', 'month', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
/** A length of time in calendar units ("3 months"), as the law counts it. */
export interface Period {
  n: number;
  unit: PeriodUnit;
}

const PERIOD = /^(?:within\s+)?(\d{1,4})\s+(day|week|month|year)s?$/i;

/** "10 days", "within 10 days", "2 weeks", "3 months" → a Period; undefined for anything else. */
export function parsePeriod(value: string): Period | undefined {
  const m = PERIOD.exec(value.trim());
  return m ? { n: Number(m[1]), unit: m[2]!.toLowerCase() as PeriodUnit } : undefined;
}

export function describePeriod(p: Period): string {
  return `${p.n} ${p.unit}${p.n === 1 ? '' : 's'}`;
}

const periodSchema = z.string().transform((value, ctx) => {
  const period = parsePeriod(value);
  if (!period) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a period; write "N days", "N weeks", "N months" or "N years" (or a {{fact}} whose value is one)`,
    });
    return z.NEVER;
  }
  return period;
});

/** Parses with the schema `pick` chooses for the value, so a problem inside it is reported where it is (not as "no option matched"). */
function oneOf<T>(pick: (value: unknown) => z.ZodType<T>) {
  return z.unknown().transform((value, ctx): T => {
    const parsed = pick(value).safeParse(value, PARSE_ONCE);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return z.NEVER;
  });
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;
const afterSchema = z.strictObject({ after: periodSchema });
const beforeSchema = z.strictObject({ before: periodSchema });
/** `{ after: period }` or `{ before: period }` of a date. */
const offsetSchema = oneOf<{ after: Period } | { before: Period }>((v) => (isObject(v) && 'before' in v ? beforeSchema : afterSchema));
export type Offset = z.infer<typeof offsetSchema>;

export const DEADLINE_DATES = ['left', 'joined', 'expiry'] as const;
export type DeadlineDate = (typeof DEADLINE_DATES)[number];

const dayOfSchema = z.enum(['opens', 'due'], { error: 'must be opens, due or { before_due: period }' });
const beforeDueSchema = z.strictObject({ before_due: periodSchema });
const reminderSchema = oneOf<'opens' | 'due' | { before_due: Period }>((v) => (isObject(v) ? beforeDueSchema : dayOfSchema));
export type ReminderSpec = z.infer<typeof reminderSchema>;

export const deadlineSchema = z.strictObject({
  id: slug,
  title: text(100),
  from: z.enum(DEADLINE_DATES),
  opens: offsetSchema.optional(),
  due: offsetSchema,
  /** Left out when the member gave a joined date on or before this deadline's due date. */
  unless_joined_by_due: z.boolean().default(false),
  remind: z.array(reminderSchema).min(1, 'must list at least one reminder'),
  /** With {opens} and {due}; at most what fits a Discord embed beside the title and sources. */
  text: text(700),
  sources: sourceRefsSchema,
});
export type DeadlineRule = z.infer<typeof deadlineSchema>;

const boundsSchema = z.strictObject({ past: periodSchema, future: periodSchema });
export type DateBounds = z.infer<typeof boundsSchema>;

export const deadlineRulesSchema = z.strictObject({
  /** Reminders go out at this hour, Japan time, on their day. */
  send_hour: z.number().int().min(0).max(23),
  dates: z.strictObject({ left: boundsSchema, joined: boundsSchema, expiry: boundsSchema }),
  deadlines: z.array(deadlineSchema).min(1),
});
export type DeadlineRules = z.infer<typeof deadlineRulesSchema>;

const PLACEHOLDERS = new Set(['opens', 'due']);

/** Checks zod cannot: unique ids, known sources, known {placeholders}, and `opens` only where a window opens. */
export function deadlineProblems(rules: DeadlineRules, refs: RefIndex, file: string): Problem[] {
  const problems: Problem[] = duplicateIds(rules.deadlines, 'deadlines').map((p) => ({ file, ...p }));
  rules.deadlines.forEach((d, i) => {
    const at = `deadlines.${i}`;
    problems.push(...refProblems(refs, file, `${at}.sources`, d.sources));
    for (const [, name] of `${d.title} ${d.text}`.matchAll(/\{([a-z_]+)\}/g)) {
      if (!PLACEHOLDERS.has(name ?? ''))
        problems.push({ file, field: `${at}.text`, message: `unknown placeholder {${name}} (use {opens} or {due})` });
    }
    const usesOpens = d.remind.includes('opens') || d.text.includes('{opens}');
    if (usesOpens && !d.opens)
      problems.push({ file, field: `${at}.opens`, message: 'the reminders or the text use {opens}: say when the window opens' });
    if (d.unless_joined_by_due && d.from !== 'left')
      problems.push({
        file,
        field: `${at}.unless_joined_by_due`,
        message: 'only applies to a deadline counted from the day the member left',
      });
  });
  return problems;
}
