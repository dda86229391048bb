import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/discord/limits.js';
import { renderVisaCheckForDiscord } from '../../src/discord/render-rules.js';
import { visaCheckInputSchema, type VisaCheckInput } from '../../src/engines/inputs.js';
import { checkVisa } from '../../src/engines/visa-check.js';
import type { RefIndex } from '../../src/kb/refs.js';
import type { RuleTables } from '../../src/kb/rules/load.js';
import { allVisaInputs } from '../../src/kb/rules/visa-check.js';
import { realRefs, realRules } from '../support/rules.js';

let rules: RuleTables;
let refs: RefIndex;
beforeAll(async () => {
  rules = await realRules();
  refs = await realRefs();
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
