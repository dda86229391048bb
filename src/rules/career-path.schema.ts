import { z } from 'zod';
import { sourceRefsSchema } from './refs.js';
import { ruleText, slug } from './schema-common.js';
import { backgroundSchema, careerStatusSchema, jlptRank, jlptSchema, locationSchema } from './vocabulary.js';

/** Schema of knowledge/rules/career-path.yaml; the file's header explains it to curators. */

export const careerWhenSchema = z
  .strictObject({
    /** Lowest JLPT level the rule applies to, inclusive (none < N5 < N4 < N3 < N2 < N1). */
    jlpt_min: jlptSchema.optional(),
    /** Highest JLPT level the rule applies to, inclusive. */
    jlpt_max: jlptSchema.optional(),
    background: z.array(backgroundSchema).min(1, 'list at least one value, or leave the condition out').optional(),
    technical: z.boolean().optional(),
    location: z.array(locationSchema).min(1, 'list at least one value, or leave the condition out').optional(),
    sponsorship: z.boolean().optional(),
  })
  .refine((w) => w.jlpt_min === undefined || w.jlpt_max === undefined || jlptRank(w.jlpt_min) <= jlptRank(w.jlpt_max), {
    path: ['jlpt_max'],
    message: 'must not be lower than jlpt_min',
  });
export type CareerWhen = z.infer<typeof careerWhenSchema>;

export const careerRuleSchema = z.strictObject({
  id: slug,
  when: careerWhenSchema,
  status: careerStatusSchema,
  /** The gate that decides, in one or two short sentences. */
  why: ruleText(200),
  /** What unlocks the next step. */
  next: ruleText(200),
  sources: sourceRefsSchema,
});
export type CareerRule = z.infer<typeof careerRuleSchema>;

export const careerPathSchema = z.strictObject({
  id: slug,
  title: ruleText(60),
  title_ja: ruleText(60),
  sources: sourceRefsSchema,
  rules: z.array(careerRuleSchema).min(1, 'must have at least one rule'),
});
export type CareerPathDef = z.infer<typeof careerPathSchema>;

export const careerPathRulesSchema = z.strictObject({
  /** Shown under the paths. */
  footer: ruleText(300),
  paths: z.array(careerPathSchema).min(1, 'must list at least one path'),
});
export type CareerPathRules = z.infer<typeof careerPathRulesSchema>;
