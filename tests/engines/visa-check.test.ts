import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/discord/limits.js';
import { renderVisaCheckForDiscord } from '../../src/discord/render-rules.js';
import { visaCheckInputSchema, type VisaCheckInput } from '../../src/engines/inputs.js';
import { checkVisa } from '../../src/engines/visa-check.js';
import type { RefIndex } from '../../src/kb/refs.js';
import type { RuleTables } from '../../src/kb/rules/load.js';
import { allVisaInputs, decidingVerdictRule, visaFacts } from '../../src/kb/rules/visa-check.js';
import { DUTIES, RESIDENCE_STATUSES, type Duty, type ResidenceStatus, type Verdict } from '../../src/kb/vocabulary.js';
import { realRefs, realRules } from '../support/rules.js';

let rules: RuleTables;
let refs: RefIndex;
beforeAll(async () => {
  rules = await realRules();
  refs = await realRefs();
});

interface Raw {
  status: ResidenceStatus;
  currentWork: Duty;
  newWork: Duty;
  employer: 'same' | 'new';
  salary?: number;
  dispatch?: boolean;
}
const check = (raw: Raw) => checkVisa(rules.visaCheck, visaCheckInputSchema.parse(raw));
const rowId = (raw: Raw) => decidingVerdictRule(rules.visaCheck, visaFacts(rules.visaCheck, visaCheckInputSchema.parse(raw)))?.id;
const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('the must-hold cases of the issue', () => {
  it('engineer-specialist, system-development → marketing, same employer: needs review (degree must match)', () => {
    const r = check({ status: 'engineer-specialist', currentWork: 'system-development', newWork: 'marketing', employer: 'same' });
    expect(r.verdict).toBe('needs-review');
    expect(r.reasons.join(' ')).toMatch(/degree/);
    expect(r.reasons.join(' ')).toMatch(/change of status may be needed/);
    expect(ids(r.flags)).toContain('degree-duty-mismatch');
    expect(ids(r.actions)).not.toContain('notify-contracting-organisation');
  });

  it('engineer-specialist, same work at a new employer: likely fine, with the 14-day notification', () => {
    const r = check({ status: 'engineer-specialist', currentWork: 'system-development', newWork: 'system-development', employer: 'new' });
    expect(r.verdict).toBe('likely-fine');
    expect(ids(r.actions)).toEqual(['notify-contracting-organisation', 'certificate-of-authorized-employment']);
    expect(r.actions[0]?.text).toContain('14 days');
    expect(r.sources).toContain('isa-organisation-notification');
  });

  it('engineer-specialist, same work at a new employer for under ¥3M a year: the refusal-reason flag raises it to needs review', () => {
    const low = check({
      status: 'engineer-specialist',
      currentWork: 'system-development',
      newWork: 'system-development',
      employer: 'new',
      salary: 2_500_000,
    });
    expect(low.verdict).toBe('needs-review');
    expect(ids(low.flags)).toContain('low-salary');
    expect(low.reasons.at(-1)).toBe(rules.visaCheck.refusal_review_reason);
    expect(ids(low.actions)).toContain('confirm-before-accepting');
    const fair = check({
      status: 'engineer-specialist',
      currentWork: 'system-development',
      newWork: 'system-development',
      employer: 'new',
      salary: 3_500_000,
    });
    expect(fair.verdict).toBe('likely-fine');
    expect(fair.reasons).not.toContain(rules.visaCheck.refusal_review_reason);
  });

  it('no combination is "likely fine" while a refusal-reason flag applies (every status × duty × duty × employer, low pay and dispatch)', () => {
    const refusal = new Set(rules.visaCheck.flags.filter((f) => f.refusal_reason).map((f) => f.id));
    expect(refusal.size).toBeGreaterThan(0);
    let raised = 0;
    for (const input of allVisaInputs()) {
      const r = checkVisa(rules.visaCheck, { ...input, salary: 2_000_000, dispatch: true });
      if (r.flags.some((f) => refusal.has(f.id))) expect(r.verdict, JSON.stringify(input)).not.toBe('likely-fine');
      if (r.reasons.includes(rules.visaCheck.refusal_review_reason)) raised++;
    }
    expect(raised).toBeGreaterThan(0);
  });

  it('instructor (ALT) → eikaiwa: change of status needed', () => {
    for (const employer of ['same', 'new'] as const) {
      const r = check({ status: 'instructor', currentWork: 'language-teaching-school', newWork: 'language-teaching-private', employer });
      expect(r.verdict).toBe('change-of-status-needed');
      expect(ids(r.actions)).toContain('change-of-status');
    }
  });

  it('any professional work status → data entry or factory line: not permitted', () => {
    for (const status of ['engineer-specialist', 'instructor', 'highly-skilled', 'designated-activities-46'] as const)
      for (const newWork of ['data-entry', 'factory-line'] as const)
        for (const employer of ['same', 'new'] as const) {
          expect(check({ status, currentWork: 'sales', newWork, employer }).verdict, `${status} → ${newWork}`).toBe('not-permitted');
        }
    expect(
      check({ status: 'specified-skilled', currentWork: 'hospitality-service', newWork: 'data-entry', employer: 'same' }).verdict,
    ).toBe('not-permitted');
  });

  it('unrestricted (PR, spouse, long-term resident) → any work: likely fine, with no employer notification', () => {
    for (const { value: currentWork } of DUTIES)
      for (const { value: newWork } of DUTIES) {
        const r = check({ status: 'unrestricted', currentWork, newWork, employer: 'new', dispatch: true, salary: 1_000_000 });
        expect(r.verdict).toBe('likely-fine');
        expect(r.actions).toEqual([]);
        expect(r.flags).toEqual([]);
      }
  });

  it('highly-skilled changing employer: change of status needed', () => {
    for (const newWork of ['system-development', 'marketing', 'translation-interpretation', 'sales'] as const) {
      const r = check({ status: 'highly-skilled', currentWork: 'system-development', newWork, employer: 'new' });
      expect(r.verdict).toBe('change-of-status-needed');
      expect(r.reasons[0]).toContain('names your employer');
    }
  });
});

// One hand-picked case per verdict row: the row that decides it and the verdict a member sees.
const rowCases: [string, Raw, Verdict][] = [
  [
    'unrestricted',
    { status: 'unrestricted', currentWork: 'language-teaching-school', newWork: 'factory-line', employer: 'new' },
    'likely-fine',
  ],
  ['simple-labour', { status: 'engineer-specialist', currentWork: 'it-support', newWork: 'data-entry', employer: 'same' }, 'not-permitted'],
  [
    'hands-on-service',
    { status: 'engineer-specialist', currentWork: 'translation-interpretation', newWork: 'hospitality-service', employer: 'new' },
    'not-permitted',
  ],
  [
    'own-business',
    { status: 'instructor', currentWork: 'language-teaching-school', newWork: 'own-business', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'to-school-teaching',
    { status: 'engineer-specialist', currentWork: 'language-teaching-private', newWork: 'language-teaching-school', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'ssw-data-entry',
    { status: 'specified-skilled', currentWork: 'factory-line', newWork: 'data-entry', employer: 'same' },
    'not-permitted',
  ],
  [
    'ssw-office-work',
    { status: 'specified-skilled', currentWork: 'hospitality-service', newWork: 'marketing', employer: 'same' },
    'change-of-status-needed',
  ],
  ['ssw-same-job', { status: 'specified-skilled', currentWork: 'factory-line', newWork: 'factory-line', employer: 'same' }, 'likely-fine'],
  [
    'ssw-other',
    { status: 'specified-skilled', currentWork: 'factory-line', newWork: 'factory-line', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'hsp-new-employer',
    { status: 'highly-skilled', currentWork: 'system-development', newWork: 'qa-testing', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'gijinkoku-same-duty',
    { status: 'engineer-specialist', currentWork: 'translation-interpretation', newWork: 'translation-interpretation', employer: 'same' },
    'likely-fine',
  ],
  ['gijinkoku-same-field', { status: 'engineer-specialist', currentWork: 'sales', newWork: 'marketing', employer: 'new' }, 'likely-fine'],
  [
    'gijinkoku-other-field',
    { status: 'engineer-specialist', currentWork: 'language-teaching-private', newWork: 'system-development', employer: 'new' },
    'needs-review',
  ],
  [
    'hsp-same-field',
    { status: 'highly-skilled', currentWork: 'system-development', newWork: 'it-support', employer: 'same' },
    'likely-fine',
  ],
  ['hsp-other-field', { status: 'highly-skilled', currentWork: 'system-development', newWork: 'sales', employer: 'same' }, 'needs-review'],
  [
    'instructor-school',
    { status: 'instructor', currentWork: 'language-teaching-school', newWork: 'language-teaching-school', employer: 'new' },
    'likely-fine',
  ],
  [
    'instructor-other',
    { status: 'instructor', currentWork: 'language-teaching-school', newWork: 'translation-interpretation', employer: 'same' },
    'change-of-status-needed',
  ],
  [
    'da46-new-employer',
    { status: 'designated-activities-46', currentWork: 'hospitality-service', newWork: 'hospitality-service', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'da46-same-duty',
    { status: 'designated-activities-46', currentWork: 'hospitality-service', newWork: 'hospitality-service', employer: 'same' },
    'likely-fine',
  ],
  [
    'da46-other',
    { status: 'designated-activities-46', currentWork: 'sales', newWork: 'hospitality-service', employer: 'same' },
    'needs-review',
  ],
  [
    'student-simple-labour',
    { status: 'student', currentWork: 'hospitality-service', newWork: 'factory-line', employer: 'new' },
    'not-permitted',
  ],
  [
    'student',
    { status: 'student', currentWork: 'hospitality-service', newWork: 'system-development', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'working-holiday-casual',
    { status: 'working-holiday', currentWork: 'hospitality-service', newWork: 'hospitality-service', employer: 'new' },
    'needs-review',
  ],
  [
    'working-holiday',
    { status: 'working-holiday', currentWork: 'hospitality-service', newWork: 'marketing', employer: 'new' },
    'change-of-status-needed',
  ],
  ['default', { status: 'other', currentWork: 'system-development', newWork: 'system-development', employer: 'same' }, 'needs-review'],
];

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

/** The answer as Discord shows it (an embed's description). */
const renderVisaCheck = (input: VisaCheckInput) =>
  renderVisaCheckForDiscord(checkVisa(rules.visaCheck, input), input, { rules, refs }).description ?? '';

describe('renderVisaCheckForDiscord', () => {
  it('shows the verdict, reasons, actions, flags, sources and the general-information note', () => {
    const input = visaCheckInputSchema.parse({
      status: 'engineer-specialist',
      currentWork: 'system-development',
      newWork: 'marketing',
      employer: 'new',
      salary: 2_500_000,
    });
    const text = renderVisaCheck(input);
    expect(text).toContain('🟡 **Verdict: Needs review**');
    expect(text).toContain('System development → Marketing · new employer · ¥2,500,000 a year');
    expect(text).toMatch(/\*\*Why\*\*\n• \*Marketing\* is a different field/);
    expect(text).toContain('**What to do**\n• Notify immigration within 14 days');
    expect(text).toContain('⚠️ Salary ¥2,500,000 is under about ¥3M');
    expect(text).toContain('*Work Visa in Japan for IT Engineers — Latest Updates and Key Points*');
    expect(text).toMatch(/-# General information, not legal advice\. .*Immigration Services Agency.*administrative scrivener/);
  });

  it('fits every combination in one Discord message without truncating the answer', () => {
    for (const input of allVisaInputs()) {
      for (const variant of [input, { ...input, salary: 2_000_000, dispatch: true }]) {
        const text = renderVisaCheck(variant);
        expect(text.length).toBeLessThanOrEqual(LIMITS.ruleReply);
        expect(text).not.toContain('…\n\n**Sources**');
        expect(text).toContain('-# General information');
      }
    }
  });
});
