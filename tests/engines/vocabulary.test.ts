import { describe, expect, it } from 'vitest';
import { careerPathInputSchema, hspPointsInputSchema, inputIssues, visaCheckInputSchema } from '../../src/engines/inputs.js';
import * as vocabulary from '../../src/kb/vocabulary.js';

const lists = {
  JLPT_LEVELS: vocabulary.JLPT_LEVELS,
  BACKGROUNDS: vocabulary.BACKGROUNDS,
  LOCATIONS: vocabulary.LOCATIONS,
  CAREER_STATUSES: vocabulary.CAREER_STATUSES,
  RESIDENCE_STATUSES: vocabulary.RESIDENCE_STATUSES,
  DUTIES: vocabulary.DUTIES,
  EMPLOYERS: vocabulary.EMPLOYERS,
  VERDICTS: vocabulary.VERDICTS,
  DEGREES: vocabulary.DEGREES,
  HSP_CLAIMS: vocabulary.HSP_CLAIMS,
};

describe('vocabulary', () => {
  it.each(Object.entries(lists))('%s: unique kebab-case or JLPT values, English and Japanese labels within Discord limits', (_, list) => {
    const values = list.map((c) => c.value);
    expect(new Set(values).size).toBe(values.length);
    for (const c of list) {
      expect(c.value).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*|N[1-5])$/);
      expect(c.label.length).toBeGreaterThan(0);
      expect(c.label.length).toBeLessThanOrEqual(100);
      expect(c.label_ja.length).toBeGreaterThan(0);
      expect(c.label_ja.length).toBeLessThanOrEqual(100);
    }
  });

  it('keeps the contract values of the issue', () => {
    expect(vocabulary.JLPT_LEVELS.map((c) => c.value)).toEqual(['none', 'N5', 'N4', 'N3', 'N2', 'N1']);
    expect(vocabulary.RESIDENCE_STATUSES.map((c) => c.value)).toEqual([
      'engineer-specialist',
      'instructor',
      'highly-skilled',
      'specified-skilled',
      'designated-activities-46',
      'unrestricted',
      'student',
      'working-holiday',
      'other',
    ]);
    expect(vocabulary.DUTIES.map((c) => c.value)).toEqual(
      expect.arrayContaining([
        'system-development',
        'it-support',
        'qa-testing',
        'translation-interpretation',
        'language-teaching-school',
        'language-teaching-private',
        'marketing',
        'sales',
        'hr-recruiting',
        'accounting-finance',
        'hospitality-service',
        'data-entry',
        'factory-line',
        'own-business',
      ]),
    );
    expect(vocabulary.DEGREES.map((c) => c.value)).toEqual(['doctorate', 'mba', 'master', 'bachelor', 'none']);
    expect(vocabulary.VERDICTS.map((c) => c.value)).toEqual(['likely-fine', 'needs-review', 'change-of-status-needed', 'not-permitted']);
  });

  it('orders JLPT levels from none to N1', () => {
    expect(['none', 'N5', 'N4', 'N3', 'N2', 'N1'].map((l) => vocabulary.jlptRank(l as vocabulary.Jlpt))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('input schemas (reused by the Discord commands)', () => {
  it('accept Discord-style values (numbers, booleans) and apply the defaults', () => {
    expect(hspPointsInputSchema.parse({ age: 40, degree: 'master', experience: 0, salary: 8_000_000 })).toEqual({
      age: 40,
      degree: 'master',
      experience: 0,
      salary: 8_000_000,
      jlpt: 'none',
      qualifications: 0,
      claims: [],
    });
    expect(visaCheckInputSchema.parse({ status: 'student', currentWork: 'sales', newWork: 'sales', employer: 'new' }).dispatch).toBe(false);
  });

  it('give one message per field, each listing the allowed values', () => {
    const r = visaCheckInputSchema.safeParse({ status: 'spouse', currentWork: 'sales', newWork: 'sales' });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(inputIssues(r.error)).toEqual([
      { field: 'status', message: expect.stringContaining('"spouse" is not allowed; allowed values: engineer-specialist,') as string },
      { field: 'employer', message: 'is required; allowed values: same, new' },
    ]);
    const extra = careerPathInputSchema.safeParse({ jlpt: 'N2', background: 'alt', remote: true });
    expect(extra.success ? [] : inputIssues(extra.error)).toEqual([{ field: 'remote', message: 'is not a known option' }]);
  });

  it('reject negative, fractional and out-of-range numbers', () => {
    for (const bad of [
      { salary: -1 },
      { salary: '6.5e6' },
      { age: 14 },
      { age: '101' },
      { experience: 2.5 },
      { bjt: 801 },
      { qualifications: 3 },
    ]) {
      const r = hspPointsInputSchema.safeParse({ age: 30, degree: 'bachelor', experience: 3, salary: 5_000_000, ...bad });
      expect(r.success, JSON.stringify(bad)).toBe(false);
    }
  });
});
