import type { Problem } from '../problems.js';
import { refProblems, type RefIndex } from '../refs.js';
import { HSP_CLAIMS } from '../vocabulary.js';
import { duplicateIds } from './common.js';
import type { HspPointsRules } from './hsp-points.js';

type At = (field: string, message: string) => void;

/** Bands must be listed from the highest threshold down (strictly) and end with a catch-all at `floor`. */
function checkDescending(at: At, field: string, values: readonly number[], key: string, floor?: number) {
  values.forEach((v, i) => {
    const prev = values[i - 1];
    if (prev !== undefined && v >= prev)
      at(`${field}.${i}.${key}`, `must be lower than the row above (${prev}): list bands from the highest down`);
  });
  const last = values[values.length - 1];
  if (floor !== undefined && last !== floor)
    at(`${field}.${values.length - 1}.${key}`, `the last band must start at ${floor} so every value gets a band`);
}

/**
 * Checks zod cannot: references exist, bands are ordered and complete, the permanent-residency routes sit at or above
 * the threshold, and every yes/no claim in the vocabulary is scored somewhere (so no CLI flag or Discord option is dead).
 */
export function hspPointsProblems(rules: HspPointsRules, refs: RefIndex, file: string): Problem[] {
  const problems: Problem[] = [];
  const at: At = (field, message) => problems.push({ file, field, message });
  for (const key of ['academic', 'experience', 'salary', 'age', 'japanese', 'qualifications'] as const) {
    problems.push(...refProblems(refs, file, `${key}.sources`, rules[key].sources));
  }
  problems.push(...refProblems(refs, file, 'salary_floor.sources', rules.salary_floor.sources));
  problems.push(...refProblems(refs, file, 'permanent_residency.sources', rules.permanent_residency.sources));
  rules.bonuses.forEach((b, i) => problems.push(...refProblems(refs, file, `bonuses.${i}.sources`, b.sources)));
  for (const d of [...duplicateIds(rules.bonuses, 'bonuses'), ...duplicateIds(rules.japanese.levels, 'japanese.levels')])
    at(d.field, d.message);

  checkDescending(
    at,
    'experience.bands',
    rules.experience.bands.map((b) => b.min_years),
    'min_years',
    0,
  );
  checkDescending(
    at,
    'salary.bands',
    rules.salary.bands.map((b) => b.min_yen),
    'min_yen',
    0,
  );
  checkDescending(
    at,
    'qualifications.bands',
    rules.qualifications.bands.map((b) => b.min_count),
    'min_count',
  );
  checkDescending(
    at,
    'japanese.levels',
    rules.japanese.levels.map((l) => l.points),
    'points',
  );
  checkDescending(
    at,
    'permanent_residency.routes',
    rules.permanent_residency.routes.map((r) => r.min_points),
    'min_points',
  );

  checkAgeBands(at, rules.age.bands);
  rules.permanent_residency.routes.forEach((r, i) => {
    if (r.min_points < rules.threshold)
      at(`permanent_residency.routes.${i}.min_points`, `is below the qualifying threshold (${rules.threshold})`);
  });
  rules.japanese.levels.forEach((l, i) => {
    if (l.jlpt.length === 0 && l.bjt_min === undefined && l.claims.length === 0)
      at(`japanese.levels.${i}`, 'give jlpt, bjt_min or claims: otherwise no one reaches this level');
    if (l.excluded_by.length > 0 && l.excluded_label === undefined)
      at(`japanese.levels.${i}.excluded_label`, 'is required when excluded_by is given');
  });

  checkClaimsUsed(at, rules);
  return problems;
}

/** Age bands run from the youngest up, and only the last one leaves out max_age. */
function checkAgeBands(at: At, ages: HspPointsRules['age']['bands']): void {
  ages.forEach((b, i) => {
    const prev = ages[i - 1]?.max_age;
    if (i < ages.length - 1 && b.max_age === undefined) at(`age.bands.${i}.max_age`, 'only the last band may leave out max_age');
    if (i === ages.length - 1 && b.max_age !== undefined)
      at(`age.bands.${i}.max_age`, 'the last band must leave out max_age so every age gets a band');
    if (prev !== undefined && b.max_age !== undefined && b.max_age <= prev)
      at(`age.bands.${i}.max_age`, `must be higher than the band above (${prev}): list bands from the youngest up`);
  });
}

/** Every yes/no claim of the vocabulary is scored somewhere, so no CLI flag or Discord option is dead. */
function checkClaimsUsed(at: At, rules: HspPointsRules): void {
  const used = new Set<string>([
    rules.academic.multiple_degrees.claim,
    ...rules.japanese.levels.flatMap((l) => [...l.claims, ...l.excluded_by]),
    ...rules.bonuses.flatMap((b) => b.requires),
  ]);
  const unused = HSP_CLAIMS.map((c) => c.value).filter((c) => !used.has(c));
  if (unused.length > 0) at('bonuses', `these claims are scored nowhere: ${unused.join(', ')}`);
}
