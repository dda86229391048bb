import { uniqueRefs } from '../kb/refs.js';
import {
  decidingVerdictRule,
  fieldOf,
  visaFacts,
  visaWhenMatches,
  type VisaCheckRules,
  type VisaFacts,
  type VisaNote,
} from '../kb/rules/visa-check.js';
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

const notesFor = <N extends VisaNote>(notes: readonly N[], f: VisaFacts): N[] =>
  notes.filter((n) => n.when.some((w) => visaWhenMatches(w, f)));

/**
 * The verdict on a job change, with its reasons, actions, risk flags and sources, all taken from the table. A risk
 * flag marked as a common refusal reason raises a likely-fine verdict to needs-review (e.g. an engineer paid under
 * ¥3M a year), and the table's `refusal_review_reason` says why.
 */
export function checkVisa(rules: VisaCheckRules, input: VisaCheckInput): VisaCheckResult {
  const base = visaFacts(rules, input);
  const row = decidingVerdictRule(rules, base);
  // Validated tables decide every combination (see src/kb/rules/visa-check.check.ts); this only guards hand-built tables.
  if (!row) throw new Error(`visa-check rules: no verdict row applies to ${JSON.stringify(input)}`);
  const raised = row.verdict === 'likely-fine' && notesFor(rules.flags, { ...base, verdict: row.verdict }).some((f) => f.refusal_reason);
  const verdict: Verdict = raised ? 'needs-review' : row.verdict;
  const facts: VisaFacts = { ...base, verdict };
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
    verdict,
    reasons: [...row.reasons, ...(raised ? [rules.refusal_review_reason] : []), ...(caveat ? [caveat] : [])].map((r) => fill(r, vars)),
    actions: actions.map((a) => ({ id: a.id, text: fill(a.text, vars) })),
    flags: flags.map((f) => ({ id: f.id, text: fill(f.text, vars) })),
    sources: uniqueRefs(row.sources, ...actions.map((a) => a.sources), ...flags.map((f) => f.sources)),
  };
}
