import type { Problem } from '../problems.js';
import { refProblems, type RefIndex } from '../refs.js';
import { DUTIES } from '../vocabulary.js';
import { placeholders } from '../text.js';
import { duplicateIds } from './common.js';
import {
  allVisaInputs,
  decidingVerdictRule,
  visaFacts,
  VERDICT_CONDITIONS,
  VISA_PLACEHOLDERS,
  type JobChange,
  type VisaCheckRules,
  type VisaWhen,
} from './visa-check.js';

const describe = (i: JobChange) => `status=${i.status}, current=${i.currentWork}, new=${i.newWork}, employer=${i.employer}`;

/**
 * Checks zod cannot: references exist, ids are unique, `fields` put every duty in exactly one field, verdict rows use
 * only the conditions that decide a verdict, texts use known placeholders, every combination resolves to exactly one
 * verdict (first match) and every verdict row decides at least one combination.
 */
export function visaCheckProblems(rules: VisaCheckRules, refs: RefIndex, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string, message: string) => problems.push({ file, field, message });
  for (const list of ['fields', 'verdicts', 'actions', 'flags'] as const) {
    for (const d of duplicateIds(rules[list], list)) at(d.field, d.message);
  }

  checkFields(at, rules);
  const checkText = (field: string, text: string) => {
    for (const name of placeholders(text)) {
      if (!(VISA_PLACEHOLDERS as readonly string[]).includes(name))
        at(field, `unknown placeholder {${name}}; allowed: ${VISA_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`);
    }
  };
  rules.verdicts.forEach((row, i) => {
    problems.push(...refProblems(refs, file, `verdicts.${i}.sources`, row.sources));
    row.reasons.forEach((r, j) => checkText(`verdicts.${i}.reasons.${j}`, r));
    for (const key of Object.keys(row.when) as (keyof VisaWhen)[]) {
      if (!(VERDICT_CONDITIONS as readonly string[]).includes(key)) {
        at(`verdicts.${i}.when.${key}`, `verdict rows may only use ${VERDICT_CONDITIONS.join(', ')} (use it in actions or flags)`);
      }
    }
  });
  for (const list of ['actions', 'flags'] as const) {
    rules[list].forEach((note, i) => {
      problems.push(...refProblems(refs, file, `${list}.${i}.sources`, note.sources));
      checkText(`${list}.${i}.text`, note.text);
    });
  }
  rules.flags.forEach((flag, i) => {
    if (flag.refusal_reason && flag.when.some((w) => w.verdict !== undefined)) {
      at(`flags.${i}.when`, 'a refusal-reason flag changes the verdict, so it may not depend on the verdict itself');
    }
  });
  checkText('refusal_review_reason', rules.refusal_review_reason);
  Object.entries(rules.confidence_notes).forEach(([k, v]) => v !== undefined && checkText(`confidence_notes.${k}`, v));
  if (problems.length === 0) checkCoverage(at, rules); // coverage needs a sound field table
  return problems;
}

type At = (field: string, message: string) => void;

/** `fields` put every duty in exactly one field. */
function checkFields(at: At, rules: VisaCheckRules): void {
  const owner = new Map<string, string>();
  rules.fields.forEach((f, i) =>
    f.duties.forEach((duty, j) => {
      const other = owner.get(duty);
      if (other !== undefined) at(`fields.${i}.duties.${j}`, `duty "${duty}" is already in field "${other}"`);
      else owner.set(duty, f.id);
    }),
  );
  const missing = DUTIES.map((d) => d.value).filter((d) => !owner.has(d));
  if (missing.length > 0) at('fields', `every duty needs a field; missing: ${missing.join(', ')}`);
}

/** Every combination gets a verdict (first match), and every verdict row decides at least one. */
function checkCoverage(at: At, rules: VisaCheckRules): void {
  const used = new Set<number>();
  const uncovered: JobChange[] = [];
  for (const input of allVisaInputs()) {
    const row = decidingVerdictRule(rules, visaFacts(rules, input));
    if (row) used.add(rules.verdicts.indexOf(row));
    else uncovered.push(input);
  }
  const first = uncovered[0];
  if (first) {
    at(
      'verdicts',
      `incomplete: ${uncovered.length} combination(s) get no verdict, e.g. ${describe(first)} — end the list with a default row (when: {})`,
    );
  }
  rules.verdicts.forEach((row, i) => {
    if (!used.has(i)) at(`verdicts.${i}`, `row "${row.id}" never applies: earlier rows already decide every combination it matches`);
  });
}
