import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { loadRules, parseCareerPathRules, parseHspPointsRules, parseVisaCheckRules } from '../../src/kb/rules/load.js';
import { editOnce as edit, realRefs, realRuleText } from '../support/rules.js';

describe('the real rule tables', () => {
  it('load through the validator with no problems', async () => {
    const result = loadRules(KNOWLEDGE_DIR, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('a broken career-path table', () => {
  it('reports an unknown vocabulary value with its file and field', async () => {
    const text = edit(
      await realRuleText('career-path'),
      'when: { technical: false, background: [alt, other] }',
      'when: { technical: false, background: [alt, teacher] }',
    );
    const result = parseCareerPathRules(text, await realRefs());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({
      file: 'rules/career-path.yaml',
      field: 'paths.2.rules.0.when.background.1',
      message: expect.stringContaining('allowed values: alt, engineer, other') as string,
    });
  });

  it('reports an unknown source id and an unknown guide section', async () => {
    let text = edit(await realRuleText('career-path'), 'sources: [it-exam-route]', 'sources: [no-such-source]');
    text = edit(text, 'sources: [promotion#japanese-level]', 'sources: [promotion#no-such-section]');
    const result = parseCareerPathRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        {
          file: 'rules/career-path.yaml',
          field: 'paths.2.rules.0.sources.0',
          message: 'unknown source "no-such-source" (see sources.yaml)',
        },
        {
          file: 'rules/career-path.yaml',
          field: 'paths.6.sources.0',
          message: 'unknown guide section "promotion#no-such-section" (see guides.yaml)',
        },
      ]),
    );
  });

  it('reports a path whose rules leave some profiles undecided', async () => {
    // Without the management default, members below N2 get no rule.
    const text = edit(
      await realRuleText('career-path'),
      '      - id: default\n        when: {}\n        status: closed',
      '      - id: default\n        when: { jlpt_min: N5 }\n        status: closed',
    );
    const result = parseCareerPathRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'rules/career-path.yaml',
        field: 'paths.6.rules',
        message: expect.stringMatching(/^incomplete: 36 profile\(s\) match no rule, e\.g\. jlpt=none/) as string,
      },
    ]);
  });

  it('reports a rule that earlier rules hide', async () => {
    const text = edit(
      await realRuleText('career-path'),
      '      - id: n2\n        when: { jlpt_min: N2 }',
      '      - id: n2\n        when: { jlpt_min: N1 }',
    );
    const result = parseCareerPathRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'rules/career-path.yaml',
        field: 'paths.6.rules.1',
        message: 'rule "n2" never applies: earlier rules already decide every profile it matches',
      },
    ]);
  });

  it('reports an unknown key (a curator typo) and an inverted JLPT range', async () => {
    let text = edit(await realRuleText('career-path'), 'when: { jlpt_max: N3, technical: true }', 'when: { jlpt_mx: N3, technical: true }');
    text = edit(
      text,
      '      - id: below-n3\n        when: { jlpt_max: N4 }\n        status: stretch',
      '      - id: below-n3\n        when: { jlpt_min: N2, jlpt_max: N4 }\n        status: stretch',
    );
    const result = parseCareerPathRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual([
      { file: 'rules/career-path.yaml', field: 'paths.2.rules.2.when.jlpt_max', message: 'must not be lower than jlpt_min' },
      { file: 'rules/career-path.yaml', field: 'paths.5.rules.1.when', message: 'Unrecognized key: "jlpt_mx"' },
    ]);
  });
});

describe('a broken visa-check table', () => {
  it('reports an unknown status value with its file and field', async () => {
    const text = edit(await realRuleText('visa-check'), 'when: { status: [unrestricted] }', 'when: { status: [permanent-resident] }');
    const result = parseVisaCheckRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toContainEqual({
      file: 'rules/visa-check.yaml',
      field: 'verdicts.0.when.status.0',
      message: expect.stringContaining('"permanent-resident" is not allowed; allowed values: engineer-specialist, instructor') as string,
    });
  });

  it('reports an unknown source id in an action', async () => {
    const text = edit(await realRuleText('visa-check'), 'sources: [three-month-rule]', 'sources: [three-months]');
    const result = parseVisaCheckRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual([
      { file: 'rules/visa-check.yaml', field: 'flags.6.sources.0', message: 'unknown source "three-months" (see sources.yaml)' },
    ]);
  });

  it('reports incomplete coverage when the default row is removed', async () => {
    const text = edit(
      await realRuleText('visa-check'),
      '  - id: default\n    when: {}',
      '  - id: default\n    when: { status: [student] }',
    );
    const result = parseVisaCheckRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        {
          file: 'rules/visa-check.yaml',
          field: 'verdicts',
          message:
            'incomplete: 392 combination(s) get no verdict, e.g. status=other, current=system-development, new=system-development, employer=same — end the list with a default row (when: {})',
        },
        {
          file: 'rules/visa-check.yaml',
          field: 'verdicts.24',
          message: 'row "default" never applies: earlier rows already decide every combination it matches',
        },
      ]),
    );
  });

  it('reports a refusal-reason flag that depends on the verdict it would change', async () => {
    const text = edit(
      await realRuleText('visa-check'),
      '      - { status: [engineer-specialist, instructor, specified-skilled, designated-activities-46, student], salary_below: 3000000 }',
      '      - { status: [engineer-specialist, instructor, specified-skilled, designated-activities-46, student], salary_below: 3000000, verdict: [likely-fine] }',
    );
    const result = parseVisaCheckRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'rules/visa-check.yaml',
        field: 'flags.0.when',
        message: 'a refusal-reason flag changes the verdict, so it may not depend on the verdict itself',
      },
    ]);
  });

  it('reports a duty missing from the fields, a flag-only condition on a verdict row and an unknown placeholder', async () => {
    let text = edit(await realRuleText('visa-check'), 'duties: [data-entry, factory-line]', 'duties: [data-entry]');
    text = edit(
      text,
      'when: { status: [specified-skilled], new: [data-entry] }',
      'when: { status: [specified-skilled], new: [data-entry], dispatch: true }',
    );
    text = edit(text, 'Salary {salary} is under', 'Salary {pay} is under');
    const result = parseVisaCheckRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        { file: 'rules/visa-check.yaml', field: 'fields', message: 'every duty needs a field; missing: factory-line' },
        {
          file: 'rules/visa-check.yaml',
          field: 'verdicts.5.when.dispatch',
          message: expect.stringContaining('verdict rows may only use') as string,
        },
        { file: 'rules/visa-check.yaml', field: 'flags.0.text', message: expect.stringContaining('unknown placeholder {pay}') as string },
      ]),
    );
  });
});

describe('a broken hsp-points table', () => {
  it('reports bands out of order, an unknown degree key and an unscored claim', async () => {
    let text = edit(await realRuleText('hsp-points'), '{ min_yen: 9000000, points: 35', '{ min_yen: 11000000, points: 35');
    text = edit(
      text,
      '    none: { points: 0, label: no degree }',
      '    none: { points: 0, label: no degree }\n    phd: { points: 30, label: phd }',
    );
    text = edit(
      text,
      '  - id: investment-management\n    requires: [investment-management]',
      '  - id: investment-management\n    requires: [research]',
    );
    const refs = await realRefs();
    const first = parseHspPointsRules(text, refs);
    expect(first.ok ? [] : first.problems).toEqual([
      {
        file: 'rules/hsp-points.yaml',
        field: 'academic.degrees',
        message: 'unknown degree phd; allowed: doctorate, mba, master, bachelor, none',
      },
    ]);
    const fixedKey = text.replace('\n    phd: { points: 30, label: phd }', '');
    const second = parseHspPointsRules(fixedKey, refs);
    expect(second.ok ? [] : second.problems).toEqual(
      expect.arrayContaining([
        {
          file: 'rules/hsp-points.yaml',
          field: 'salary.bands.1.min_yen',
          message: expect.stringContaining('must be lower than the row above') as string,
        },
        { file: 'rules/hsp-points.yaml', field: 'bonuses', message: 'these claims are scored nowhere: investment-management' },
      ]),
    );
  });

  it('reports an age table without a catch-all last band', async () => {
    const text = edit(
      await realRuleText('hsp-points'),
      '    - { points: 0, label: "{from} or older scores nothing" }',
      '    - { max_age: 120, points: 0, label: "{from} or older scores nothing" }',
    );
    const result = parseHspPointsRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'rules/hsp-points.yaml',
        field: 'age.bands.3.max_age',
        message: 'the last band must leave out max_age so every age gets a band',
      },
    ]);
  });

  it('reports invalid YAML as a file problem', async () => {
    const result = parseHspPointsRules('threshold: [70', await realRefs());
    expect(result.ok ? [] : result.problems).toEqual([
      { file: 'rules/hsp-points.yaml', field: '(file)', message: expect.stringContaining('is not valid YAML') as string },
    ]);
  });
});
