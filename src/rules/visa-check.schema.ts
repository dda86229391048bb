import { z } from 'zod';
import { sourceRefsSchema } from './refs.js';
import { confidenceSchema, ruleText, slug } from './schema-common.js';
import { dutySchema, employerSchema, residenceStatusSchema, verdictSchema } from './vocabulary.js';

/** Schema of knowledge/rules/visa-check.yaml; the file's header explains it to curators. */

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

export const visaFieldSchema = z.strictObject({ id: slug, label: ruleText(80), duties: z.array(dutySchema).min(1) });

export const verdictRuleSchema = z.strictObject({
  id: slug,
  when: visaWhenSchema,
  verdict: verdictSchema,
  reasons: z.array(ruleText(320)).min(1, 'must give at least one reason'),
  sources: sourceRefsSchema,
  /** How sure the sources are (as in sources.yaml); `confidence_notes` may add a caveat to the reasons. */
  confidence: confidenceSchema,
});
export type VerdictRule = z.infer<typeof verdictRuleSchema>;

/** An action or a risk flag: shown whenever any of its `when` condition sets matches. */
export const visaNoteSchema = z.strictObject({
  id: slug,
  when: z.array(visaWhenSchema).min(1, 'must give at least one condition set'),
  text: ruleText(400),
  sources: sourceRefsSchema,
});
export type VisaNote = z.infer<typeof visaNoteSchema>;

export const visaCheckRulesSchema = z.strictObject({
  disclaimer: ruleText(400),
  confidence_notes: z.strictObject({ official: ruleText(200).optional(), secondary: ruleText(200).optional(), unverified: ruleText(200).optional() }),
  fields: z.array(visaFieldSchema).min(1),
  verdicts: z.array(verdictRuleSchema).min(1),
  actions: z.array(visaNoteSchema),
  flags: z.array(visaNoteSchema),
});
export type VisaCheckRules = z.infer<typeof visaCheckRulesSchema>;
