import type { CareerPathDef, CareerPathRules, CareerRule, CareerWhen } from './career-path.schema.js';
import type { CareerPathInput } from './inputs.js';
import { uniqueRefs } from './refs.js';
import { BACKGROUNDS, JLPT_LEVELS, LOCATIONS, jlptRank, type CareerStatus } from './vocabulary.js';

export interface CareerPathOutcome {
  id: string;
  title: string;
  status: CareerStatus;
  why: string;
  next: string;
  /** Source ids (sources.yaml) and guide sections (guide-id#section-id). */
  sources: string[];
}
export interface CareerPathResult {
  paths: CareerPathOutcome[];
}

/** Whether every condition of `when` holds for `input` (a condition left out holds for any value). */
export function careerWhenMatches(when: CareerWhen, input: CareerPathInput): boolean {
  if (when.jlpt_min !== undefined && jlptRank(input.jlpt) < jlptRank(when.jlpt_min)) return false;
  if (when.jlpt_max !== undefined && jlptRank(input.jlpt) > jlptRank(when.jlpt_max)) return false;
  if (when.background && !when.background.includes(input.background)) return false;
  if (when.technical !== undefined && when.technical !== input.technical) return false;
  if (when.location && !when.location.includes(input.location)) return false;
  if (when.sponsorship !== undefined && when.sponsorship !== input.sponsorship) return false;
  return true;
}

/** The rule that decides a path for this member: the first whose `when` matches. */
export function decidingRule(path: CareerPathDef, input: CareerPathInput): CareerRule | undefined {
  return path.rules.find((rule) => careerWhenMatches(rule.when, input));
}

/** Every path in the table, each with its status, the gate that decides it, what unlocks the next step and sources. */
export function evaluateCareerPath(rules: CareerPathRules, input: CareerPathInput): CareerPathResult {
  return {
    paths: rules.paths.map((path) => {
      const rule = decidingRule(path, input);
      // Validated tables cover every input (see career-path.check.ts); this only guards hand-built tables.
      if (!rule) throw new Error(`career-path rules: no rule of path "${path.id}" applies to ${JSON.stringify(input)}`);
      return { id: path.id, title: path.title, status: rule.status, why: rule.why, next: rule.next, sources: uniqueRefs(rule.sources, path.sources) };
    }),
  };
}

/** Every possible member profile (216 of them), for completeness checks and tests. */
export function allCareerInputs(): CareerPathInput[] {
  const out: CareerPathInput[] = [];
  for (const { value: jlpt } of JLPT_LEVELS)
    for (const { value: background } of BACKGROUNDS)
      for (const technical of [false, true])
        for (const { value: location } of LOCATIONS)
          for (const sponsorship of [false, true]) out.push({ jlpt, background, technical, location, sponsorship });
  return out;
}
