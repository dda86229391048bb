import type { Parsed } from '../files.js';
import type { Problem } from '../problems.js';
import { countInWords, fill, formatYenShort, placeholders, years } from '../text.js';
import type { HspPointsRules } from './hsp-points.js';

type Vars = Record<string, string | undefined>;

/** Placeholders filled per member when the points are computed, not here. */
const AT_RUNTIME: Record<string, readonly string[]> = { 'salary.too_old': ['band', 'age'], 'salary_floor.label': ['salary', 'floor'] };

/**
 * The numbers in hsp-points.yaml's labels come from the data beside them, so a band's label cannot disagree with its
 * threshold: `{min_years} to under {below} years` becomes "7 to under 10 years". Each label may use the placeholders
 * listed in the file's header; any other is reported.
 */
export function deriveHspLabels(rules: HspPointsRules, file: string): Parsed<HspPointsRules> {
  const problems: Problem[] = [];
  const label = (field: string, template: string, vars: Vars): string => {
    const allowed = [...Object.keys(vars).filter((k) => vars[k] !== undefined), ...(AT_RUNTIME[field] ?? [])];
    for (const name of placeholders(template)) {
      if (!allowed.includes(name))
        problems.push({
          file,
          field,
          message: `unknown placeholder {${name}}; allowed here: ${allowed.map((a) => `{${a}}`).join(' ') || 'none'}`,
        });
    }
    return fill(template, vars);
  };
  const value: HspPointsRules = {
    ...rules,
    ...bandLabels(rules, label),
    ...scoreLabels(rules, label),
    permanent_residency: residencyTexts(rules, label),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

type Label = (field: string, template: string, vars: Vars) => string;

function bandLabels(rules: HspPointsRules, label: Label): Pick<HspPointsRules, 'experience' | 'salary' | 'age' | 'qualifications'> {
  const { experience, salary, age, qualifications } = rules;
  return {
    experience: {
      ...experience,
      bands: experience.bands.map((b, i, all) => ({
        ...b,
        label: label(`experience.bands.${i}.label`, b.label, { min_years: String(b.min_years), below: all[i - 1]?.min_years.toString() }),
      })),
    },
    salary: {
      ...salary,
      bands: salary.bands.map((b, i, all) => ({
        ...b,
        label: label(`salary.bands.${i}.label`, b.label, {
          min_yen: formatYenShort(b.min_yen),
          below: all[i - 1] && formatYenShort(all[i - 1]!.min_yen),
          age_limit: b.max_age === undefined ? undefined : String(b.max_age + 1),
        }),
      })),
      too_old: label('salary.too_old', salary.too_old, {}),
    },
    age: {
      ...age,
      bands: age.bands.map((b, i, all) => {
        const from = all[i - 1]?.max_age;
        const vars = {
          max_age: b.max_age?.toString(),
          under: b.max_age === undefined ? undefined : String(b.max_age + 1),
          from: from === undefined ? undefined : String(from + 1),
        };
        return { ...b, label: label(`age.bands.${i}.label`, b.label, vars) };
      }),
    },
    qualifications: {
      ...qualifications,
      bands: qualifications.bands.map((b, i) => ({
        ...b,
        label: label(`qualifications.bands.${i}.label`, b.label, { count: countInWords(b.min_count) }),
      })),
    },
  };
}

function scoreLabels(rules: HspPointsRules, label: Label): Pick<HspPointsRules, 'academic' | 'japanese' | 'bonuses' | 'salary_floor'> {
  const { academic, japanese } = rules;
  const multi = academic.multiple_degrees;
  const points = { points: String(multi.points) };
  return {
    academic: {
      ...academic,
      multiple_degrees: {
        ...multi,
        label: label('academic.multiple_degrees.label', multi.label, points),
        not_eligible: label('academic.multiple_degrees.not_eligible', multi.not_eligible, points),
      },
    },
    japanese: {
      ...japanese,
      levels: japanese.levels.map((l, i) => {
        const vars = { bjt_min: l.bjt_min?.toString() };
        const excluded =
          l.excluded_label === undefined ? {} : { excluded_label: label(`japanese.levels.${i}.excluded_label`, l.excluded_label, vars) };
        return { ...l, label: label(`japanese.levels.${i}.label`, l.label, vars), ...excluded };
      }),
    },
    bonuses: rules.bonuses.map((b, i) => {
      const vars = { points: String(b.points) };
      return {
        ...b,
        label: label(`bonuses.${i}.label`, b.label, vars),
        ...(b.partial === undefined ? {} : { partial: label(`bonuses.${i}.partial`, b.partial, vars) }),
      };
    }),
    salary_floor: { ...rules.salary_floor, label: label('salary_floor.label', rules.salary_floor.label, {}) },
  };
}

function residencyTexts(rules: HspPointsRules, label: Label): HspPointsRules['permanent_residency'] {
  const pr = rules.permanent_residency;
  const fast = pr.routes[0];
  const slow = pr.routes[pr.routes.length - 1];
  return {
    ...pr,
    routes: pr.routes.map((r, i) => {
      const above = pr.routes[i - 1];
      const vars = {
        min_points: String(r.min_points),
        years: years(r.years),
        max_points: above && String(above.min_points - 1),
        above_points: above && String(above.min_points),
        above_years: above && years(above.years),
      };
      return { ...r, text: label(`permanent_residency.routes.${i}.text`, r.text, vars) };
    }),
    none: label('permanent_residency.none', pr.none, {
      threshold: String(rules.threshold),
      floor: formatYenShort(rules.salary_floor.yen),
      fast_points: fast && String(fast.min_points),
      fast_years: fast && years(fast.years),
      slow_points: slow && String(slow.min_points),
      slow_years: slow && years(slow.years),
    }),
  };
}
