import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/discord/limits.js';
import { renderCareerPathForDiscord } from '../../src/discord/render-rules.js';
import { evaluateCareerPath } from '../../src/engines/career-path.js';
import { careerPathInputSchema, type CareerPathInput } from '../../src/engines/inputs.js';
import type { RefIndex } from '../../src/kb/refs.js';
import { allCareerInputs, decidingRule } from '../../src/kb/rules/career-path.js';
import type { RuleTables } from '../../src/kb/rules/load.js';
import type { CareerStatus } from '../../src/kb/vocabulary.js';
import { realRefs, realRules } from '../support/rules.js';

let rules: RuleTables;
let refs: RefIndex;
beforeAll(async () => {
  rules = await realRules();
  refs = await realRefs();
});

const profile = (p: Partial<CareerPathInput> & Pick<CareerPathInput, 'jlpt' | 'background'>) => careerPathInputSchema.parse(p);
const statuses = (input: CareerPathInput) =>
  Object.fromEntries(evaluateCareerPath(rules.careerPath, input).paths.map((p) => [p.id, p.status]));

describe('evaluateCareerPath', () => {
  it('shows every path of the guides, in order', () => {
    const result = evaluateCareerPath(rules.careerPath, profile({ jlpt: 'N2', background: 'alt' }));
    expect(result.paths.map((p) => p.id)).toEqual([
      'english-education',
      'translation-localization',
      'it-tech',
      'recruiting-hr',
      'tourism-hospitality',
      'b2b-sales',
      'management',
      'going-home',
    ]);
    for (const p of result.paths) {
      expect(Object.keys(p)).toEqual(['id', 'title', 'status', 'why', 'next', 'sources']);
      expect(p.sources.length).toBeGreaterThan(0);
    }
  });

  it('defaults to Tokyo, no technical skills and no sponsorship', () => {
    expect(careerPathInputSchema.parse({ jlpt: 'N3', background: 'other' })).toEqual({
      jlpt: 'N3',
      background: 'other',
      technical: false,
      location: 'tokyo',
      sponsorship: false,
    });
  });

  // Each JLPT level for an ALT without technical skills in Tokyo who needs no sponsorship.
  const byLevel: [CareerPathInput['jlpt'], Record<string, CareerStatus>][] = [
    [
      'none',
      {
        'english-education': 'open',
        'translation-localization': 'closed',
        'it-tech': 'closed',
        'recruiting-hr': 'closed',
        'tourism-hospitality': 'closed',
        'b2b-sales': 'closed',
        management: 'closed',
        'going-home': 'open',
      },
    ],
    [
      'N5',
      {
        'english-education': 'open',
        'translation-localization': 'closed',
        'recruiting-hr': 'closed',
        'tourism-hospitality': 'closed',
        'b2b-sales': 'closed',
        management: 'closed',
      },
    ],
    [
      'N4',
      {
        'english-education': 'open',
        'translation-localization': 'closed',
        'recruiting-hr': 'closed',
        'tourism-hospitality': 'closed',
        'b2b-sales': 'closed',
        management: 'closed',
      },
    ],
    [
      'N3',
      {
        'english-education': 'open',
        'translation-localization': 'closed',
        'it-tech': 'closed',
        'recruiting-hr': 'closed',
        'tourism-hospitality': 'stretch',
        'b2b-sales': 'closed',
        management: 'closed',
      },
    ],
    [
      'N2',
      {
        'english-education': 'open',
        'translation-localization': 'open',
        'it-tech': 'closed',
        'recruiting-hr': 'open',
        'tourism-hospitality': 'open',
        'b2b-sales': 'open',
        management: 'stretch',
        'going-home': 'open',
      },
    ],
    ['N1', { 'translation-localization': 'open', 'recruiting-hr': 'open', 'b2b-sales': 'open', management: 'open', 'going-home': 'open' }],
  ];
  it.each(byLevel)('at JLPT %s the language gates decide', (jlpt, expected) => {
    expect(statuses(profile({ jlpt, background: 'alt' }))).toMatchObject(expected);
  });

  it('N3 opens IT only with in-demand technical skills', () => {
    expect(statuses(profile({ jlpt: 'N3', background: 'alt' }))['it-tech']).toBe('closed');
    expect(statuses(profile({ jlpt: 'N3', background: 'alt', technical: true }))['it-tech']).toBe('open');
    expect(statuses(profile({ jlpt: 'N3', background: 'alt', technical: true }))['b2b-sales']).toBe('stretch');
    expect(statuses(profile({ jlpt: 'N4', background: 'engineer', technical: true }))['it-tech']).toBe('stretch');
    expect(statuses(profile({ jlpt: 'N2', background: 'engineer' }))['it-tech']).toBe('stretch');
  });

  it('location: most non-teaching jobs are in Tokyo; rural means teaching, remote or your own business', () => {
    const rural = statuses(profile({ jlpt: 'N1', background: 'alt', technical: true, location: 'regional' }));
    expect(rural).toMatchObject({
      'english-education': 'open',
      'translation-localization': 'stretch',
      'it-tech': 'stretch',
      'recruiting-hr': 'stretch',
      'b2b-sales': 'stretch',
    });
    const city = (jlpt: 'N2' | 'N1') => statuses(profile({ jlpt, background: 'alt', location: 'city' }));
    expect(city('N2')).toMatchObject({ 'translation-localization': 'stretch', 'recruiting-hr': 'stretch', 'b2b-sales': 'stretch' });
    expect(city('N1')).toMatchObject({ 'translation-localization': 'open', 'recruiting-hr': 'open', 'b2b-sales': 'open' });
  });

  it('sponsorship: translation-only and hands-on hospitality jobs rarely sponsor a visa', () => {
    const s = statuses(profile({ jlpt: 'N2', background: 'alt', sponsorship: true }));
    expect(s).toMatchObject({ 'translation-localization': 'stretch', 'tourism-hospitality': 'stretch', 'recruiting-hr': 'open' });
    const it = evaluateCareerPath(rules.careerPath, profile({ jlpt: 'N3', background: 'engineer', technical: true, sponsorship: true }))
      .paths[2];
    expect(it?.why).toContain('degree');
    expect(it?.sources).toContain('it-exam-route');
  });

  it('explains the gate and cites it', () => {
    const [teaching, translation] = evaluateCareerPath(rules.careerPath, profile({ jlpt: 'N3', background: 'alt' })).paths;
    expect(translation?.why).toContain('N2');
    expect(translation?.sources).toEqual(['alt-alumni#n2', 'alt-alumni#translation']);
    expect(teaching?.next).toMatch(/TEFL|CELTA/);
    const management = evaluateCareerPath(rules.careerPath, profile({ jlpt: 'N2', background: 'other' })).paths[6];
    expect(management?.why).toContain('N1');
  });

  it('exercises every rule row: each decides some profile, and the engine returns exactly that row', () => {
    const inputs = allCareerInputs();
    expect(inputs).toHaveLength(216);
    let rows = 0;
    for (const [p, path] of rules.careerPath.paths.entries()) {
      for (const rule of path.rules) {
        rows++;
        const input = inputs.find((i) => decidingRule(path, i) === rule);
        expect(input, `${path.id}/${rule.id} decides no profile`).toBeDefined();
        if (!input) continue;
        const outcome = evaluateCareerPath(rules.careerPath, input).paths[p];
        expect(outcome).toEqual({
          id: path.id,
          title: path.title,
          status: rule.status,
          why: rule.why,
          next: rule.next,
          sources: [...new Set([...rule.sources, ...path.sources])],
        });
      }
    }
    expect(rows).toBeGreaterThanOrEqual(30);
  });
});

/** The answer as Discord shows it (an embed's description). */
const renderCareerPath = (input: CareerPathInput) =>
  renderCareerPathForDiscord(evaluateCareerPath(rules.careerPath, input), input, { rules, refs }).description ?? '';

describe('renderCareerPathForDiscord', () => {
  it('fits every profile in one Discord message, without truncation, with a Sources section of titles', () => {
    for (const input of allCareerInputs()) {
      const text = renderCareerPath(input);
      expect(text.length).toBeLessThanOrEqual(LIMITS.ruleReply);
      expect(text).not.toContain('…\n\n**Sources**');
      expect(text).toContain('**Sources**\n• *Jobs and Industries for ALT Alumni (Japan Edition)*');
    }
  });

  it('shows the profile, each path with its status, why and next step', () => {
    const input = profile({ jlpt: 'N2', background: 'alt', location: 'regional', sponsorship: true });
    const text = renderCareerPath(input);
    expect(text).toContain(
      'for: JLPT N2 · ALT / English teaching · Regional / rural Japan · needs visa sponsorship\nAssumed unless you say otherwise: no in-demand technical skills\n',
    );
    expect(text).toContain('🟢 **English education and its ladder** — open');
    expect(text).toContain('🟡 **Recruiting, HR and staffing** — stretch');
    expect(text).toContain('🔴 **IT and tech** — closed for now');
    expect(text).toContain('↳ *Next:*');
  });

  it('marks the defaults of options the member left out as assumed, not as read from them', () => {
    const text = renderCareerPath(profile({ jlpt: 'N3', background: 'alt' }));
    expect(text).toContain(
      'for: JLPT N3 · ALT / English teaching\nAssumed unless you say otherwise: no in-demand technical skills · Tokyo area · no sponsorship needed\n',
    );
  });
});
