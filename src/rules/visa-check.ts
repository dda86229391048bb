import type { VisaCheckInput } from './inputs.js';
import { uniqueRefs } from './refs.js';
import { fill, formatYen } from './text.js';
import type { VerdictRule, VisaCheckRules, VisaNote, VisaWhen } from './visa-check.schema.js';
import { DUTIES, EMPLOYERS, RESIDENCE_STATUSES, labelOf, type Duty, type Verdict } from './vocabulary.js';

export interface VisaCheckResult {
  verdict: Verdict;
  reasons: string[];
  actions: { id: string; text: string }[];
  flags: { id: string; text: string }[];
  /** Source ids (sources.yaml) and guide sections (guide-id#section-id). */
  sources: string[];
}

/** Everything a condition can test, derived once from the input. */
export interface VisaFacts extends VisaCheckInput {
  sameDuty: boolean;
  sameField: boolean;
  verdict?: Verdict;
}

export const fieldOf = (rules: VisaCheckRules, duty: Duty) => rules.fields.find((f) => f.duties.includes(duty));

export function visaFacts(rules: VisaCheckRules, input: VisaCheckInput): VisaFacts {
  const current = fieldOf(rules, input.currentWork);
  return { ...input, sameDuty: input.currentWork === input.newWork, sameField: current !== undefined && current === fieldOf(rules, input.newWork) };
}

/** Whether every condition of `when` holds (a condition left out holds for any value). */
export function visaWhenMatches(when: VisaWhen, f: VisaFacts): boolean {
  if (when.status && !when.status.includes(f.status)) return false;
  if (when.current && !when.current.includes(f.currentWork)) return false;
  if (when.new && !when.new.includes(f.newWork)) return false;
  if (when.employer && !when.employer.includes(f.employer)) return false;
  if (when.same_duty !== undefined && when.same_duty !== f.sameDuty) return false;
  if (when.same_field !== undefined && when.same_field !== f.sameField) return false;
  if (when.verdict && (f.verdict === undefined || !when.verdict.includes(f.verdict))) return false;
  if (when.dispatch !== undefined && when.dispatch !== f.dispatch) return false;
  if (when.salary_below !== undefined && (f.salary === undefined || f.salary >= when.salary_below)) return false;
  return true;
}

/** The verdict row that decides: the first whose `when` matches. */
export function decidingVerdictRule(rules: VisaCheckRules, facts: VisaFacts): VerdictRule | undefined {
  return rules.verdicts.find((row) => visaWhenMatches(row.when, facts));
}

const notesFor = (notes: readonly VisaNote[], f: VisaFacts) => notes.filter((n) => n.when.some((w) => visaWhenMatches(w, f)));

/** The verdict on a job change, with its reasons, actions, risk flags and sources, all taken from the table. */
export function checkVisa(rules: VisaCheckRules, input: VisaCheckInput): VisaCheckResult {
  const base = visaFacts(rules, input);
  const row = decidingVerdictRule(rules, base);
  // Validated tables decide every combination (see visa-check.check.ts); this only guards hand-built tables.
  if (!row) throw new Error(`visa-check rules: no verdict row applies to ${JSON.stringify(input)}`);
  const facts: VisaFacts = { ...base, verdict: row.verdict };
  const vars = {
    status: labelOf(RESIDENCE_STATUSES, input.status),
    current: labelOf(DUTIES, input.currentWork),
    new: labelOf(DUTIES, input.newWork),
    current_field: fieldOf(rules, input.currentWork)?.label,
    new_field: fieldOf(rules, input.newWork)?.label,
    salary: input.salary === undefined ? 'your salary' : formatYen(input.salary),
    employer: labelOf(EMPLOYERS, input.employer),
  };
  const caveat = rules.confidence_notes[row.confidence];
  const actions = notesFor(rules.actions, facts);
  const flags = notesFor(rules.flags, facts);
  return {
    verdict: row.verdict,
    reasons: [...row.reasons, ...(caveat ? [caveat] : [])].map((r) => fill(r, vars)),
    actions: actions.map((a) => ({ id: a.id, text: fill(a.text, vars) })),
    flags: flags.map((f) => ({ id: f.id, text: fill(f.text, vars) })),
    sources: uniqueRefs(row.sources, ...actions.map((a) => a.sources), ...flags.map((f) => f.sources)),
  };
}
