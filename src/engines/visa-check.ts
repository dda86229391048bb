import { uniqueRefs } from '../kb/refs.js';
import { decidingVerdictRule, fieldOf, visaFacts, visaWhenMatches, type VisaCheckRules, type VisaFacts, type VisaNote } from '../kb/rules/visa-check.js';
import { DUTIES, EMPLOYERS, RESIDENCE_STATUSES, labelOf, type Verdict } from '../kb/vocabulary.js';
import type { VisaCheckInput } from './inputs.js';
import { fill, formatYen } from '../kb/text.js';

export interface VisaCheckResult {
  verdict: Verdict;
  reasons: string[];
  actions: { id: string; text: string }[];
  flags: { id: string; text: string }[];
  /** Source ids (sources.yaml) and guide sections (guide-id#section-id). */
  sources: string[];
}

const notesFor = (notes: readonly VisaNote[], f: VisaFacts) => notes.filter((n) => n.when.some((w) => visaWhenMatches(w, f)));

/** The verdict on a job change, with its reasons, actions, risk flags and sources, all taken from the table. */
export function checkVisa(rules: VisaCheckRules, input: VisaCheckInput): VisaCheckResult {
  const base = visaFacts(rules, input);
  const row = decidingVerdictRule(rules, base);
  // Validated tables decide every combination (see src/kb/rules/visa-check.check.ts); this only guards hand-built tables.
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
