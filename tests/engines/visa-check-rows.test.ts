import { beforeAll, describe, expect, it } from 'vitest';
import { visaCheckInputSchema } from '../../src/engines/inputs.js';
import { checkVisa } from '../../src/engines/visa-check.js';
import type { RuleTables } from '../../src/kb/rules/load.js';
import { allVisaInputs, decidingVerdictRule, visaFacts } from '../../src/kb/rules/visa-check.js';
import { DUTIES, RESIDENCE_STATUSES, type ResidenceStatus, type Verdict } from '../../src/kb/vocabulary.js';
import { realRules } from '../support/rules.js';

import { rowCases, type Raw } from '../support/visa-cases.js';
let rules: RuleTables;
beforeAll(async () => {
  rules = await realRules();
});

const check = (raw: Raw) => checkVisa(rules.visaCheck, visaCheckInputSchema.parse(raw));
const rowId = (raw: Raw) => decidingVerdictRule(rules.visaCheck, visaFacts(rules.visaCheck, visaCheckInputSchema.parse(raw)))?.id;
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('every verdict row', () => {
  it('has a hand-picked case here (so a new row needs a test)', () => {
    expect(rowCases.map(([id]) => id)).toEqual(rules.visaCheck.verdicts.map((r) => r.id));
  });

  it.each(rowCases)('%s decides %j as %s', (id, raw, verdict) => {
    expect(rowId(raw)).toBe(id);
    const result = check(raw);
    expect(result.verdict).toBe(verdict);
    const row = rules.visaCheck.verdicts.find((r) => r.id === id);
    for (const ref of row?.sources ?? []) expect(result.sources).toContain(ref);
    if (row?.confidence === 'unverified') expect(result.reasons.at(-1)).toMatch(/^Confidence low/);
    else expect(result.reasons).toHaveLength(row?.reasons.length ?? -1);
  });

  it('decides every status × duty × duty × employer combination by a row written for its status; only "other" falls to the default row', () => {
    const inputs = allVisaInputs();
    expect(inputs).toHaveLength(RESIDENCE_STATUSES.length * DUTIES.length * DUTIES.length * 2);
    const wrong: string[] = [];
    for (const input of inputs) {
      const row = decidingVerdictRule(rules.visaCheck, visaFacts(rules.visaCheck, input));
      const expected = input.status === 'other' ? row?.id === 'default' : row?.when.status?.includes(input.status) === true;
      if (!expected)
        wrong.push(`${input.status}: ${input.currentWork} → ${input.newWork} (${input.employer}) decided by ${row?.id ?? 'no row'}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives each status the verdicts its rules allow, and no other', () => {
    const all: Verdict[] = ['change-of-status-needed', 'likely-fine', 'needs-review', 'not-permitted'];
    const expected: Record<ResidenceStatus, Verdict[]> = {
      'engineer-specialist': all,
      'highly-skilled': all,
      'designated-activities-46': all,
      instructor: ['change-of-status-needed', 'likely-fine', 'not-permitted'],
      'specified-skilled': ['change-of-status-needed', 'likely-fine', 'not-permitted'],
      unrestricted: ['likely-fine'],
      student: ['change-of-status-needed', 'not-permitted'],
      'working-holiday': ['change-of-status-needed', 'needs-review'],
      other: ['needs-review'],
    };
    const seen = new Map<ResidenceStatus, Set<Verdict>>();
    for (const input of allVisaInputs())
      seen.set(input.status, (seen.get(input.status) ?? new Set()).add(checkVisa(rules.visaCheck, input).verdict));
    expect(Object.fromEntries([...seen].map(([status, verdicts]) => [status, [...verdicts].sort()]))).toEqual(expected);
  });
});

describe('actions and risk flags', () => {
  const base: Raw = { status: 'engineer-specialist', currentWork: 'system-development', newWork: 'system-development', employer: 'new' };

  it('Instructor holders get the activity-organisation notice, gijinkoku, HSP and SSW holders the contracting one', () => {
    expect(
      ids(check({ ...base, status: 'instructor', currentWork: 'language-teaching-school', newWork: 'language-teaching-school' }).actions),
    ).toContain('notify-activity-organisation');
    for (const status of ['engineer-specialist', 'highly-skilled', 'specified-skilled'] as const) {
      expect(ids(check({ ...base, status }).actions)).toContain('notify-contracting-organisation');
    }
    expect(ids(check({ ...base, employer: 'same' }).actions)).toEqual([]);
  });

  it('not permitted → do not start; needs review → confirm before accepting', () => {
    expect(ids(check({ ...base, newWork: 'factory-line' }).actions)).toContain('do-not-start');
    expect(ids(check({ ...base, newWork: 'hr-recruiting' }).actions)).toContain('confirm-before-accepting');
  });

  it('flags a salary under ¥3M only below the line, and only when a salary is given', () => {
    expect(ids(check({ ...base, salary: 2_999_999 }).flags)).toContain('low-salary');
    expect(ids(check({ ...base, salary: 3_000_000 }).flags)).not.toContain('low-salary');
    expect(ids(check(base).flags)).not.toContain('low-salary');
    expect(check({ ...base, salary: 2_400_000 }).flags.find((f) => f.id === 'low-salary')?.text).toContain('¥2,400,000');
    const hsp = check({ ...base, status: 'highly-skilled', employer: 'same', salary: 2_999_999 });
    expect(ids(hsp.flags)).toEqual(['hsp-salary-floor']);
  });

  it('flags SES/dispatch scrutiny with the documents asked for', () => {
    const r = check({ ...base, dispatch: true });
    expect(r.flags.find((f) => f.id === 'dispatch-scrutiny')?.text).toMatch(/contracts.*client/);
    expect(ids(check(base).flags)).not.toContain('dispatch-scrutiny');
  });

  it('flags simple labour, degree–duty mismatch, frequent job changes and the three-month rule', () => {
    expect(ids(check({ ...base, newWork: 'data-entry' }).flags)).toContain('simple-labour');
    expect(ids(check({ ...base, newWork: 'hospitality-service' }).flags)).toContain('simple-labour');
    expect(ids(check({ ...base, newWork: 'accounting-finance' }).flags)).toContain('degree-duty-mismatch');
    expect(ids(check({ ...base, newWork: 'qa-testing' }).flags)).not.toContain('degree-duty-mismatch');
    expect(ids(check({ ...base, status: 'student', currentWork: 'hospitality-service', newWork: 'sales' }).flags)).toContain(
      'degree-duty-mismatch',
    );
    expect(ids(check(base).flags)).toEqual(['frequent-job-changes', 'three-month-rule']);
  });

  it('every action and flag of the table is shown for some case above', () => {
    const shown = new Set<string>();
    const extra: Raw[] = [
      { ...base, salary: 1 },
      { ...base, status: 'highly-skilled', employer: 'same', salary: 1 },
      { ...base, dispatch: true },
    ];
    for (const raw of [...rowCases.map(([, r]) => r), ...extra]) {
      const r = check(raw);
      for (const x of [...r.actions, ...r.flags]) shown.add(x.id);
    }
    expect([...shown].sort()).toEqual([...rules.visaCheck.actions, ...rules.visaCheck.flags].map((x) => x.id).sort());
  });
});
