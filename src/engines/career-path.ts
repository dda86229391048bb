import { uniqueRefs } from '../kb/refs.js';
import { decidingRule, type CareerPathRules } from '../kb/rules/career-path.js';
import type { CareerStatus } from '../kb/vocabulary.js';
import type { CareerPathInput } from './inputs.js';

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

/** Every path in the table, each with its status, the gate that decides it, what unlocks the next step and sources. */
export function evaluateCareerPath(rules: CareerPathRules, input: CareerPathInput): CareerPathResult {
  return {
    paths: rules.paths.map((path) => {
      const rule = decidingRule(path, input);
      // Validated tables cover every input (see src/kb/rules/career-path.check.ts); this only guards hand-built tables.
      if (!rule) throw new Error(`career-path rules: no rule of path "${path.id}" applies to ${JSON.stringify(input)}`);
      return {
        id: path.id,
        title: path.title,
        status: rule.status,
        why: rule.why,
        next: rule.next,
        sources: uniqueRefs(rule.sources, path.sources),
      };
    }),
  };
}
