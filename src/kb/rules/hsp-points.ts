import { z } from 'zod';
import { sourceRefsSchema } from '../refs.js';
import { degreeSchema, hspClaimSchema, jlptSchema } from '../vocabulary.js';
import { slug, text } from '../schema.js';

/** Schema of knowledge/rules/hsp-points.yaml; the file's header explains it to curators. */

const points = z.number().int().min(0).max(100);
const label = text(200);
const section = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ label: text(60), sources: sourceRefsSchema, ...shape });

export const hspPointsRulesSchema = z.strictObject({
  /** Shown under every result. */
  note: text(300),
  /** Points needed to qualify. */
  threshold: z.number().int().positive(),
  salary_floor: z.strictObject({ yen: z.number().int().positive(), label, sources: sourceRefsSchema }),
  permanent_residency: z.strictObject({
    sources: sourceRefsSchema,
    /** Highest min_points first; the first route the total reaches applies. */
    routes: z
      .array(z.strictObject({ min_points: z.number().int().positive(), years: z.union([z.literal(1), z.literal(3)]), text: text(300) }))
      .min(1),
    /** Shown when no route applies. */
    none: text(300),
  }),
  academic: section({
    /** One entry per degree in the vocabulary, no more, no fewer. */
    degrees: z.record(degreeSchema, z.strictObject({ points, label }), {
      error: (issue) => {
        // zod's types omit this code for records, but enum-keyed records report unknown keys with it.
        const { code, keys } = issue as { code: string; keys?: string[] };
        return code === 'unrecognized_keys'
          ? `unknown degree ${(keys ?? []).join(', ')}; allowed: ${degreeSchema.options.join(', ')}`
          : undefined;
      },
    }),
    multiple_degrees: z.strictObject({ claim: hspClaimSchema, points, degrees: z.array(degreeSchema).min(1), label, not_eligible: label }),
  }),
  experience: section({ bands: z.array(z.strictObject({ min_years: z.number().int().min(0), points, label })).min(1) }),
  salary: section({
    bands: z
      .array(z.strictObject({ min_yen: z.number().int().min(0), points, max_age: z.number().int().positive().optional(), label }))
      .min(1),
    /** Line text when the salary's band has an age limit the member is over; placeholders {band} {age}. */
    too_old: label,
  }),
  age: section({ bands: z.array(z.strictObject({ max_age: z.number().int().positive().optional(), points, label })).min(1) }),
  japanese: section({
    /** Highest level first; the first level the member reaches applies. */
    levels: z
      .array(
        z.strictObject({
          id: slug,
          points,
          jlpt: z.array(jlptSchema).default([]),
          bjt_min: z.number().int().min(0).max(800).optional(),
          /** Claims that also reach this level (e.g. a foreign degree majoring in Japanese). */
          claims: z.array(hspClaimSchema).default([]),
          /** Claims that rule this level out (N2 cannot be combined with the Japanese-degree bonus). */
          excluded_by: z.array(hspClaimSchema).default([]),
          label,
          excluded_label: label.optional(),
        }),
      )
      .min(1),
    none_label: label,
  }),
  qualifications: section({ bands: z.array(z.strictObject({ min_count: z.number().int().positive(), points, label })).min(1) }),
  /** Yes/no bonuses: scored when every claim in `requires` is made; `partial` is shown when only some are. */
  bonuses: z
    .array(
      z.strictObject({
        id: slug,
        requires: z.array(hspClaimSchema).min(1),
        points,
        label,
        partial: label.optional(),
        sources: sourceRefsSchema,
      }),
    )
    .min(1),
});
export type HspPointsRules = z.infer<typeof hspPointsRulesSchema>;
