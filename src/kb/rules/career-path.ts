import { z } from 'zod';
import { sourceRefsSchema } from '../refs.js';
import {
  BACKGROUNDS,
  JLPT_LEVELS,
  LOCATIONS,
  backgroundSchema,
  careerStatusSchema,
  jlptRank,
  jlptSchema,
  locationSchema,
  type Background,
  type Jlpt,
  type Location,
} from '../vocabulary.js';
import { slug, text } from '../schema.js';

/**
 * knowledge/rules/career-path.yaml: its schema and how a row is matched (the file's header explains it to curators).
 * Matching lives here, beside the schema, because validation needs it to prove the table complete.
 */

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
  why: text(200),
  /** What unlocks the next step. */
  next: text(200),
  sources: sourceRefsSchema,
});
export type CareerRule = z.infer<typeof careerRuleSchema>;

export const careerPathSchema = z.strictObject({
  id: slug,
  title: text(60),
  title_ja: text(60),
  sources: sourceRefsSchema,
  rules: z.array(careerRuleSchema).min(1, 'must have at least one rule'),
});
export type CareerPathDef = z.infer<typeof careerPathSchema>;

export const careerPathRulesSchema = z.strictObject({
  /** Shown under the paths. */
  footer: text(300),
  paths: z.array(careerPathSchema).min(1, 'must list at least one path'),
});
export type CareerPathRules = z.infer<typeof careerPathRulesSchema>;

/** A member profile as the career-path table sees it (the engine's input). */
export interface CareerProfile {
  jlpt: Jlpt;
  background: Background;
  technical: boolean;
  location: Location;
  sponsorship: boolean;
}

/** Whether every condition of `when` holds for `input` (a condition left out holds for any value). */
export function careerWhenMatches(when: CareerWhen, input: CareerProfile): boolean {
  if (when.jlpt_min !== undefined && jlptRank(input.jlpt) < jlptRank(when.jlpt_min)) return false;
  if (when.jlpt_max !== undefined && jlptRank(input.jlpt) > jlptRank(when.jlpt_max)) return false;
  if (when.background && !when.background.includes(input.background)) return false;
  if (when.technical !== undefined && when.technical !== input.technical) return false;
  if (when.location && !when.location.includes(input.location)) return false;
  if (when.sponsorship !== undefined && when.sponsorship !== input.sponsorship) return false;
  return true;
}

/** The rule that decides a path for this member: the first whose `when` matches. */
export function decidingRule(path: CareerPathDef, input: CareerProfile): CareerRule | undefined {
  return path.rules.find((rule) => careerWhenMatches(rule.when, input));
}

/** Every possible member profile (216 of them), for completeness checks and tests. */
export function allCareerInputs(): CareerProfile[] {
  const out: CareerProfile[] = [];
  for (const { value: jlpt } of JLPT_LEVELS)
    for (const { value: background } of BACKGROUNDS)
      for (const technical of [false, true])
        for (const { value: location } of LOCATIONS)
          for (const sponsorship of [false, true]) out.push({ jlpt, background, technical, location, sponsorship });
  return out;
}
