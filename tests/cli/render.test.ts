import { beforeAll, describe, expect, it } from 'vitest';
import { plainText, renderCareerPathText, renderHspPointsText, renderVisaCheckText } from '../../src/cli/render.js';
import { evaluateCareerPath } from '../../src/engines/career-path.js';
import { computeHspOutcome } from '../../src/engines/hsp-points.js';
import { hspPointsInputSchema, visaCheckInputSchema } from '../../src/engines/inputs.js';
import { checkVisa } from '../../src/engines/visa-check.js';
import type { ReportKnowledge } from '../../src/engines/report.js';
import { allCareerInputs } from '../../src/kb/rules/career-path.js';
import { realRefs, realRules } from '../support/rules.js';

let kb: ReportKnowledge;
beforeAll(async () => {
  kb = { rules: await realRules(), refs: await realRefs() };
});

/** Discord syntax a terminal would show verbatim: bold, small print, masked links, code marks. */
const DISCORD_SYNTAX = /\*\*|^-# |\]\(<|`/m;

describe('the terminal gets plain text', () => {
  it.each([
    ['**bold** and *italic* and _italic_', 'bold and italic and italic'],
    ['-# small print', 'small print'],
    [
      'see [the ISA page](<https://www.moj.go.jp/isa/>) or [this](https://example.org/a)',
      'see the ISA page (https://www.moj.go.jp/isa/) or this (https://example.org/a)',
    ],
    ['run `/topics` to browse', 'run /topics to browse'],
    ['- a bullet\n* another\n3 * 4 = 12, snake_case_name', '- a bullet\n* another\n3 * 4 = 12, snake_case_name'],
    ['**技人国** holders', '技人国 holders'],
  ])('plainText(%j) is %j', (markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });

  it('GIVEN every career-path profile THEN the text has no Discord syntax, and its links are written out', () => {
    for (const input of allCareerInputs()) {
      const text = renderCareerPathText(evaluateCareerPath(kb.rules.careerPath, input), input, kb);
      expect(text).not.toMatch(DISCORD_SYNTAX);
      expect(text).toContain('Sources\n• Jobs and Industries for ALT Alumni (Japan Edition)');
    }
  });

  it('GIVEN a visa check and an HSP count THEN the same content as in Discord, as plain text', () => {
    const visa = visaCheckInputSchema.parse({
      status: 'engineer-specialist',
      currentWork: 'system-development',
      newWork: 'marketing',
      employer: 'new',
      salary: 2_500_000,
    });
    const visaText = renderVisaCheckText(checkVisa(kb.rules.visaCheck, visa), visa, kb);
    expect(visaText).not.toMatch(DISCORD_SYNTAX);
    expect(visaText).toContain('🟡 Verdict: Needs review');
    expect(visaText).toContain('What to do\n• Notify immigration within 14 days');
    expect(visaText).toMatch(/\n\nGeneral information, not legal advice\./);
    const hsp = hspPointsInputSchema.parse({
      age: 28,
      degree: 'bachelor',
      experience: 3,
      salary: 6_500_000,
      jlpt: 'N1',
      claims: ['japanese-degree'],
    });
    const hspText = renderHspPointsText(computeHspOutcome(kb.rules.hspPoints, hsp), kb);
    expect(hspText).not.toMatch(DISCORD_SYNTAX);
    expect(hspText).toContain('Highly Skilled Professional (i)(b) points: 75 — ✅ qualifies (70+ needed)');
    expect(hspText).toContain('+20 Annual salary (¥6,500,000 at age 28): ¥6M to under ¥7M (scored under age 40)');
    expect(hspText).toContain(
      'Immigration Services Agency — HSP points calculation table, (i)(b) and (ii), for use from 2023-04-01 — https://www.moj.go.jp/isa/content/930001673.xls',
    );
  });
});
