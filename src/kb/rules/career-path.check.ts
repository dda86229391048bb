import type { Problem } from '../problems.js';
import { refProblems, type RefIndex } from '../refs.js';
import { allCareerInputs, decidingRule, type CareerPathRules } from './career-path.js';
import { duplicateIds } from './common.js';

const describe = (input: object) =>
  Object.entries(input)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');

/**
 * Checks zod cannot: references exist, ids are unique, every member profile gets a rule on every path (the table is
 * complete), and every rule can apply to some profile (no rule is hidden behind earlier ones).
 */
export function careerPathProblems(rules: CareerPathRules, refs: RefIndex, file: string): Problem[] {
  const problems: Problem[] = duplicateIds(rules.paths, 'paths').map((p) => ({ file, ...p }));
  const inputs = allCareerInputs();
  rules.paths.forEach((path, p) => {
    const at = `paths.${p}`;
    problems.push(...refProblems(refs, file, `${at}.sources`, path.sources));
    problems.push(...duplicateIds(path.rules, `${at}.rules`).map((d) => ({ file, ...d })));
    path.rules.forEach((rule, r) => problems.push(...refProblems(refs, file, `${at}.rules.${r}.sources`, rule.sources)));

    const used = new Set<number>();
    const uncovered = [];
    for (const input of inputs) {
      const rule = decidingRule(path, input);
      if (rule) used.add(path.rules.indexOf(rule));
      else uncovered.push(input);
    }
    const first = uncovered[0];
    if (first) {
      problems.push({
        file,
        field: `${at}.rules`,
        message: `incomplete: ${uncovered.length} profile(s) match no rule, e.g. ${describe(first)} — end the list with a default rule (when: {})`,
      });
    }
    path.rules.forEach((rule, r) => {
      if (!used.has(r)) {
        problems.push({
          file,
          field: `${at}.rules.${r}`,
          message: `rule "${rule.id}" never applies: earlier rules already decide every profile it matches`,
        });
      }
    });
  });
  return problems;
}
