import { beforeAll, describe, expect, it } from 'vitest';
import { visaCheckInputSchema } from '../../src/engines/inputs.js';
import { checkVisa } from '../../src/engines/visa-check.js';
import type { RuleTables } from '../../src/kb/rules/load.js';
import { allVisaInputs } from '../../src/kb/rules/visa-check.js';
import { DUTIES } from '../../src/kb/vocabulary.js';
import { realRules } from '../support/rules.js';

import type { Raw } from '../support/visa-cases.js';
let rules: RuleTables;
beforeAll(async () => {
  rules = await realRules();
});

const check = (raw: Raw) => checkVisa(rules.visaCheck, visaCheckInputSchema.parse(raw));
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
