import { z } from 'zod';
import { sourceRefsSchema } from '../refs.js';
import {
  DUTIES,
  EMPLOYERS,
  RESIDENCE_STATUSES,
  dutySchema,
  employerSchema,
  residenceStatusSchema,
  verdictSchema,
  type Duty,
  type Employer,
  type ResidenceStatus,
  type Verdict,
} from '../vocabulary.js';
import { slug, text } from '../schema.js';
import { confidenceSchema } from './common.js';

/**
 * knowledge/rules/visa-check.yaml: its schema and how a row is matched (the file's header explains it to curators).
 * Matching lives here, beside the schema, because validation needs it to prove every combination gets a verdict.
 */

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'list at least one value, or leave the condition out').optional();

/** Conditions; all given ones must hold. Verdict rows may use only the first six (see VERDICT_CONDITIONS). */
export const visaWhenSchema = z.strictObject({
  status: list(residenceStatusSchema),
  current: list(dutySchema),
  new: list(dutySchema),
  employer: list(employerSchema),
  /** The new duty is the current duty. */
  same_duty: z.boolean().optional(),
  /** The new duty is in the same field (see `fields`) as the current one. */
  same_field: z.boolean().optional(),
  /** Actions and flags only: the verdict already decided. */
  verdict: list(verdictSchema),
  /** Actions and flags only: client-site (SES) or dispatch work. */
  dispatch: z.boolean().optional(),
  /** Actions and flags only: a salary was given and is below this many yen a year. */
  salary_below: z.number().int().positive().optional(),
});
export type VisaWhen = z.infer<typeof visaWhenSchema>;
export const VERDICT_CONDITIONS = ['status', 'current', 'new', 'employer', 'same_duty', 'same_field'] as const;

/** Placeholders a reason, action or flag text may use. */
export const VISA_PLACEHOLDERS = ['status', 'current', 'new', 'current_field', 'new_field', 'employer', 'salary'] as const;

export const visaFieldSchema = z.strictObject({ id: slug, label: text(80), duties: z.array(dutySchema).min(1) });

export const verdictRuleSchema = z.strictObject({
  id: slug,
  when: visaWhenSchema,
  verdict: verdictSchema,
  reasons: z.array(text(320)).min(1, 'must give at least one reason'),
  sources: sourceRefsSchema,
  /** How sure the sources are (as in sources.yaml); `confidence_notes` may add a caveat to the reasons. */
  confidence: confidenceSchema,
});
export type VerdictRule = z.infer<typeof verdictRuleSchema>;

/** An action or a risk flag: shown whenever any of its `when` condition sets matches. */
export const visaNoteSchema = z.strictObject({
  id: slug,
  when: z.array(visaWhenSchema).min(1, 'must give at least one condition set'),
  text: text(400),
  sources: sourceRefsSchema,
});
export type VisaNote = z.infer<typeof visaNoteSchema>;

/** A risk flag; one that is a common refusal reason raises a likely-fine verdict to needs-review. */
export const visaFlagSchema = visaNoteSchema.extend({ refusal_reason: z.boolean().optional() });
export type VisaFlag = z.infer<typeof visaFlagSchema>;

export const visaCheckRulesSchema = z.strictObject({
  disclaimer: text(400),
  /** Added to the reasons when a refusal-reason flag raises a likely-fine verdict to needs-review. */
  refusal_review_reason: text(320),
  confidence_notes: z.strictObject({ official: text(200).optional(), secondary: text(200).optional(), unverified: text(200).optional() }),
  fields: z.array(visaFieldSchema).min(1),
  verdicts: z.array(verdictRuleSchema).min(1),
  actions: z.array(visaNoteSchema),
  flags: z.array(visaFlagSchema),
});
export type VisaCheckRules = z.infer<typeof visaCheckRulesSchema>;

/** A job change as the visa-check table sees it (the engine's input). */
export interface JobChange {
  status: ResidenceStatus;
  currentWork: Duty;
  newWork: Duty;
  employer: Employer;
  /** Expected annual salary in yen, when given. */
  salary?: number | undefined;
  dispatch: boolean;
}

/** Everything a condition can test, derived once from the input. */
export interface VisaFacts extends JobChange {
  sameDuty: boolean;
  sameField: boolean;
  verdict?: Verdict;
}

export const fieldOf = (rules: VisaCheckRules, duty: Duty) => rules.fields.find((f) => f.duties.includes(duty));

export function visaFacts(rules: VisaCheckRules, input: JobChange): VisaFacts {
  const current = fieldOf(rules, input.currentWork);
  // Object.assign rather than a spread: kb validation derives the facts of all 3,528 combinations, and the spread
  // (as transpiled) was most of that time.
  return Object.assign({}, input, {
    sameDuty: input.currentWork === input.newWork,
    sameField: current !== undefined && current === fieldOf(rules, input.newWork),
  });
}

/** Whether every condition of `when` holds (a condition left out holds for any value). */
export function visaWhenMatches(when: VisaWhen, f: VisaFacts): boolean {
  if (when.status && !when.status.includes(f.status)) return false;
  if (when.current && !when.current.includes(f.currentWork)) return false;
  if (when.new && !when.new.includes(f.newWork)) return false;
  if (when.employer && !when.employer.includes(f.employer)) return false;
  if (when.same_duty !== undefined && when.same_duty !== f.sameDuty) return false;
  if (when.same_field !== undefined && when.same_field !== f.sameField) return false;
  if (when.verdict && (f.verdict === undefined || !when.verdict.includes(f.verdict))) return false;
  if (when.dispatch !== undefined && when.dispatch !== f.dispatch) return false;
  if (when.salary_below !== undefined && (f.salary === undefined || f.salary >= when.salary_below)) return false;
  return true;
}

/** The verdict row that decides: the first whose `when` matches. */
export function decidingVerdictRule(rules: VisaCheckRules, facts: VisaFacts): VerdictRule | undefined {
  return rules.verdicts.find((row) => visaWhenMatches(row.when, facts));
}

/** Every status × current duty × new duty × employer combination (3,528), for completeness checks and tests. */
export function allVisaInputs(): JobChange[] {
  const out: JobChange[] = [];
  for (const { value: status } of RESIDENCE_STATUSES)
    for (const { value: currentWork } of DUTIES)
      for (const { value: newWork } of DUTIES)
        for (const { value: employer } of EMPLOYERS) out.push({ status, currentWork, newWork, employer, dispatch: false });
  return out;
}
