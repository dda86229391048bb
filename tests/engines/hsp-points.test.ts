import { beforeAll, describe, expect, it } from 'vitest';
import { computeHspPoints } from '../../src/engines/hsp-points.js';
import { hspPointsInputSchema, type HspPointsRawInput } from '../../src/engines/inputs.js';
import type { HspPointsRules } from '../../src/kb/rules/hsp-points.js';
import type { RuleTables } from '../../src/kb/rules/load.js';
import type { HspClaim } from '../../src/kb/vocabulary.js';
import { realRules } from '../support/rules.js';

let rules: RuleTables;
beforeAll(async () => {
  rules = await realRules();
});

/** The worked example of facts §3.6 without Japanese: 10 + 5 + 20 + 15 = 50. */
const BASE = { age: 28, degree: 'bachelor', experience: 3, salary: 6_500_000 } as const;
const points = (raw: Partial<HspPointsRawInput>, table?: HspPointsRules) =>
  computeHspPoints(table ?? rules.hspPoints, hspPointsInputSchema.parse({ ...BASE, ...raw }));
const line = (raw: Partial<HspPointsRawInput>, prefix: string) => points(raw).lines.find((l) => l.label.startsWith(prefix));

describe('the must-hold examples', () => {
  it('age 28, bachelor, 3 years, ¥6.5M, N1, Japanese degree → 75', () => {
    const r = points({ jlpt: 'N1', claims: ['japanese-degree'] });
    expect(r.total).toBe(75);
    expect(r.qualifies).toBe(true);
    expect(r.permanentResidencyAfterYears).toBe(3);
    expect(r.lines.map((l) => l.points)).toEqual([10, 5, 20, 15, 15, 10]);
  });

  it('the same with N2 instead of N1 → 60 (N2 does not stack with the Japanese degree)', () => {
    const r = points({ jlpt: 'N2', claims: ['japanese-degree'] });
    expect(r.total).toBe(60);
    expect(r.qualifies).toBe(false);
    expect(r.permanentResidencyAfterYears).toBeNull();
    expect(line({ jlpt: 'N2', claims: ['japanese-degree'] }, 'Japanese ability')).toEqual({
      label: "Japanese ability (JLPT N2): N2-equivalent, which can't be claimed together with the Japanese-degree bonus",
      points: 0,
    });
  });
});

describe('academic background', () => {
  it.each([
    ['doctorate', 30],
    ['mba', 25],
    ['master', 20],
    ['bachelor', 10],
    ['none', 0],
  ] as const)('%s scores %i', (degree, expected) => {
    expect(line({ degree }, 'Academic background')?.points).toBe(expected);
  });

  it('adds 5 for multiple higher degrees, but not on a bachelor', () => {
    expect(points({ degree: 'master', claims: ['multiple-degrees'] }).total - points({ degree: 'master' }).total).toBe(5);
    const r = points({ claims: ['multiple-degrees'] });
    expect(r.total).toBe(50);
    expect(r.lines).toContainEqual({
      label: "Multiple degrees: the +5 needs two or more doctorates, master's or professional degrees",
      points: 0,
    });
  });
});

describe('experience bands (a band "a to under b" includes a)', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 5],
    [4, 5],
    [5, 10],
    [6, 10],
    [7, 15],
    [9, 15],
    [10, 20],
    [25, 20],
  ])('%i years scores %i', (experience, expected) => {
    expect(line({ experience }, 'Work experience')?.points).toBe(expected);
  });
});

describe('salary bands', () => {
  it.each([
    [3_999_999, 0],
    [4_000_000, 10],
    [4_999_999, 10],
    [5_000_000, 15],
    [5_999_999, 15],
    [6_000_000, 20],
    [6_999_999, 20],
    [7_000_000, 25],
    [7_999_999, 25],
    [8_000_000, 30],
    [8_999_999, 30],
    [9_000_000, 35],
    [9_999_999, 35],
    [10_000_000, 40],
  ])('¥%i at age 28 scores %i', (salary, expected) => {
    expect(line({ salary }, 'Annual salary')?.points).toBe(expected);
  });

  it.each([
    [4_500_000, 29, 10],
    [4_500_000, 30, 0],
    [5_500_000, 34, 15],
    [5_500_000, 35, 0],
    [6_500_000, 39, 20],
    [6_500_000, 40, 0],
    [7_500_000, 39, 25],
    [7_500_000, 40, 0],
    [8_500_000, 40, 30],
    [9_500_000, 40, 35],
    [10_000_000, 55, 40],
  ])('¥%i at age %i scores %i (age limits of the bands)', (salary, age, expected) => {
    const l = line({ salary, age }, 'Annual salary');
    expect(l?.points).toBe(expected);
    if (expected === 0) expect(l?.label).toContain(`not scored at age ${age}`);
  });
});

describe('age bands ("under 30" means 29 or younger)', () => {
  it.each([
    [20, 15],
    [29, 15],
    [30, 10],
    [34, 10],
    [35, 5],
    [39, 5],
    [40, 0],
    [60, 0],
  ])('age %i scores %i', (age, expected) => {
    expect(line({ age, salary: 10_000_000 }, 'Age')?.points).toBe(expected);
  });

  it('age exactly 30, 35 and 40 as totals', () => {
    expect(points({ age: 30 }).total).toBe(10 + 5 + 20 + 10);
    expect(points({ age: 35 }).total).toBe(10 + 5 + 20 + 5);
    expect(points({ age: 40 }).total).toBe(10 + 5 + 0 + 0);
  });
});

describe('Japanese ability', () => {
  it.each([
    ['none', 0],
    ['N5', 0],
    ['N4', 0],
    ['N3', 0],
    ['N2', 10],
    ['N1', 15],
  ] as const)('JLPT %s scores %i', (jlpt, expected) => {
    expect(line({ jlpt }, 'Japanese ability')?.points).toBe(expected);
  });

  it.each([
    [399, 0],
    [400, 10],
    [479, 10],
    [480, 15],
  ])('BJT %i scores %i', (bjt, expected) => {
    expect(line({ bjt }, 'Japanese ability')?.points).toBe(expected);
  });

  it('a foreign degree majoring in Japanese counts as N1; the best of JLPT and BJT applies', () => {
    expect(line({ claims: ['japanese-major'] }, 'Japanese ability')?.points).toBe(15);
    expect(line({ jlpt: 'N2', bjt: 500 }, 'Japanese ability')?.points).toBe(15);
  });

  it('N1 stacks with the Japanese degree (25); N2 with it gives only the degree (10)', () => {
    expect(points({ jlpt: 'N1', claims: ['japanese-degree'] }).total - points({}).total).toBe(25);
    expect(points({ jlpt: 'N2', claims: ['japanese-degree'] }).total - points({}).total).toBe(10);
    expect(points({ jlpt: 'N2' }).total - points({}).total).toBe(10);
  });
});

describe('bonuses', () => {
  it.each([
    [0, 0],
    [1, 5],
    [2, 10],
  ])('%i qualifications score %i', (qualifications, expected) => {
    expect(points({ qualifications }).total - points({}).total).toBe(expected);
  });

  const bonuses: [HspClaim[], number][] = [
    [['japanese-degree'], 10],
    [['top-university'], 10],
    [['japanese-degree', 'top-university'], 20],
    [['research'], 15],
    [['foreign-qualification'], 5],
    [['employer-innovation'], 10],
    [['employer-innovation', 'employer-sme'], 20],
    [['employer-sme', 'employer-rd'], 5],
    [['employer-local-support'], 10],
    [['growth-project'], 10],
    [['jica-training'], 5],
    [['investment-management'], 10],
    [['employer-sme'], 0],
    [['employer-rd'], 0],
  ];
  it.each(bonuses)('%j adds %i', (claims, expected) => {
    expect(points({ claims }).total - points({}).total).toBe(expected);
  });

  it('explains a partly claimed employer bonus instead of silently ignoring it', () => {
    const labels = points({ claims: ['employer-sme'] }).lines.map((l) => l.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SME with innovation support: scores only/),
        expect.stringMatching(/^SME R&D bonus: scores only/),
      ]),
    );
  });

  it('every bonus row of the table is exercised above', () => {
    const exercised = new Set(
      bonuses.flatMap(([claims]) => rules.hspPoints.bonuses.filter((b) => b.requires.every((c) => claims.includes(c))).map((b) => b.id)),
    );
    expect([...exercised].sort()).toEqual(rules.hspPoints.bonuses.map((b) => b.id).sort());
  });
});

describe('threshold, salary floor and permanent residency', () => {
  /** A copy of the real table where the foreign-qualification bonus is worth `n`, to reach totals off the 5-point grid. */
  const withForeignQualification = (n: number): HspPointsRules => ({
    ...rules.hspPoints,
    bonuses: rules.hspPoints.bonuses.map((b) => (b.id === 'foreign-qualification' ? { ...b, points: n } : b)),
  });

  it.each([
    [4, [] as HspClaim[], 69, false, null],
    [5, [] as HspClaim[], 70, true, 3],
    [4, ['japanese-degree'] as HspClaim[], 79, true, 3],
    [5, ['japanese-degree'] as HspClaim[], 80, true, 1],
  ])('bonus worth %i with %j: total %i → qualifies %s, PR after %s', (bonus, claims, total, qualifies, pr) => {
    const r = points({ jlpt: 'N1', claims: ['foreign-qualification', ...claims] }, withForeignQualification(bonus));
    expect(r).toMatchObject({ total, qualifies, permanentResidencyAfterYears: pr });
  });

  it('65 does not qualify and 90 gives PR after 1 year with the real table', () => {
    expect(points({ jlpt: 'N2', qualifications: 1 })).toMatchObject({ total: 65, qualifies: false, permanentResidencyAfterYears: null });
    expect(points({ jlpt: 'N1', claims: ['japanese-degree', 'research'] })).toMatchObject({
      total: 90,
      qualifies: true,
      permanentResidencyAfterYears: 1,
    });
  });

  it('below ¥3M never qualifies, whatever the total; exactly ¥3M can', () => {
    const strong = { degree: 'doctorate', experience: 10, jlpt: 'N1', claims: ['research', 'japanese-degree'] as HspClaim[] } as const;
    const below = points({ ...strong, salary: 2_999_999 });
    expect(below.total).toBeGreaterThanOrEqual(80);
    expect(below).toMatchObject({ qualifies: false, permanentResidencyAfterYears: null });
    expect(below.lines.at(-1)).toEqual({
      label: 'Salary floor: ¥2,999,999 is under ¥3,000,000 a year — you cannot qualify, whatever the total',
      points: 0,
    });
    expect(points({ ...strong, salary: 3_000_000 })).toMatchObject({ qualifies: true, permanentResidencyAfterYears: 1 });
  });
});
