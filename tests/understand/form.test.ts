import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { packInputs, readFormValue, unpackInputs } from '../../src/understand/form.js';
import { realKnowledgeBase } from '../support/kb.js';
import { CASES } from './cases.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledgeBase();
});

describe('the understood values carried by the form button', () => {
  it.each(CASES.filter((c) => c.command).map((c) => [c.q, c] as const))('round-trips within 100 characters: %s', (_, c) => {
    const packed = packInputs(c.command!, c.inputs!);
    expect(`fill-form:${packed}`.length).toBeLessThanOrEqual(100);
    expect(unpackInputs(packed)).toEqual({ command: c.command, inputs: c.inputs });
  });

  it('GIVEN every HSP bonus flag, a BJT score and qualifications THEN they survive too', () => {
    const inputs = {
      age: 59,
      degree: 'doctorate',
      experience: 40,
      salary: 99_000_000,
      jlpt: 'N1',
      bjt: 800,
      qualifications: 2,
      'japanese-degree': true,
      'investment-management': true,
      'employer-sme': true,
    };
    const packed = packInputs('hsp-points', inputs);
    expect(`fill-form:${packed}`.length).toBeLessThanOrEqual(100);
    expect(unpackInputs(packed)?.inputs).toEqual(inputs);
  });

  it.each(['', 'x:1.2', 'h:1.2', 'h:!!.....', 'v:zz.zz.zz.zz..'])(
    'GIVEN a forged or older id "%s" THEN nothing (or no unknown choice) is read',
    (id) => {
      const r = unpackInputs(id);
      if (r) for (const v of Object.values(r.inputs)) expect(v).not.toBe(undefined);
      if (id === 'v:zz.zz.zz.zz..') expect(r?.inputs).toEqual({});
      else expect(r).toBeUndefined();
    },
  );
});

describe('reading what a member typed into the form', () => {
  it.each([
    ['salary', '7.5M', 7_500_000],
    ['salary', '750万', 7_500_000],
    ['salary', '¥6,500,000', 6_500_000],
    ['salary', '6500000 yen', 6_500_000],
    ['salary', '１０００万円', 10_000_000],
    ['age', '30', 30],
    ['age', '３０', 30],
    ['age', 'thirty', 'thirty'],
    ['degree', 'master', 'master'],
    ['degree', 'MSc', 'master'],
    ['degree', '博士', 'doctorate'],
    ['degree', 'no degree', 'none'],
    ['jlpt', 'n2', 'N2'],
    ['jlpt', 'none', 'none'],
    ['status', 'gijinkoku', 'engineer-specialist'],
    ['current-work', 'ALT', 'language-teaching-school'],
    ['current-work', 'teaching', 'teaching'],
    ['employer', 'new', 'new'],
    ['technical', 'yes', true],
    ['sponsorship', 'no', false],
    ['location', '大阪', 'city'],
    ['salary', '', undefined],
  ] as const)('%s: "%s" → %s', (flag, typed, expected) => {
    expect(readFormValue(kb.understand, flag, typed)).toBe(expected);
  });
});
