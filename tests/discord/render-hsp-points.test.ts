import { beforeAll, describe, expect, it } from 'vitest';
import { renderHspPointsForDiscord } from '../../src/discord/render-rules.js';
import { computeHspOutcome } from '../../src/engines/hsp-points.js';
import { hspPointsInputSchema, type HspPointsInput } from '../../src/engines/inputs.js';
import type { RefIndex } from '../../src/kb/refs.js';
import type { RuleTables } from '../../src/kb/rules/load.js';
import { realRefs, realRules } from '../support/rules.js';

let rules: RuleTables;
let refs: RefIndex;
beforeAll(async () => {
  rules = await realRules();
  refs = await realRefs();
});

/** The worked example of facts §3.6 without Japanese: 10 + 5 + 20 + 15 = 50. */
const BASE = { age: 28, degree: 'bachelor', experience: 3, salary: 6_500_000 } as const;

/** The answer as Discord shows it (an embed's description). */
const renderHspPoints = (input: HspPointsInput) =>
  renderHspPointsForDiscord(computeHspOutcome(rules.hspPoints, input), { rules, refs }).description ?? '';

describe('renderHspPointsForDiscord', () => {
  it('shows the total, one line per criterion, PR timing and sources', () => {
    const input = hspPointsInputSchema.parse({ ...BASE, jlpt: 'N1', claims: ['japanese-degree'] });
    const text = renderHspPoints(input);
    expect(text).toContain('**Highly Skilled Professional (i)(b) points: 75** — ✅ qualifies (70+ needed)');
    expect(text).toContain('`+20` Annual salary (¥6,500,000 at age 28): ¥6M to under ¥7M (scored under age 40)');
    expect(text).toContain('`+15` Age (28): under 30');
    expect(text).toContain('**Permanent residency:** With 70–79 points you can apply for permanent residency after 3 years');
    expect(text).toContain(
      '[Immigration Services Agency — HSP points calculation table, (i)(b) and (ii), for use from 2023-04-01](<https://www.moj.go.jp/isa/content/930001673.xls>)',
    );
  });

  it('says why a high total still fails below the salary floor', () => {
    const input = hspPointsInputSchema.parse({ ...BASE, degree: 'doctorate', experience: 10, jlpt: 'N1', salary: 2_500_000 });
    const text = renderHspPoints(input);
    expect(text).toContain('❌ does not qualify: salary below the floor');
    expect(text).toContain('No HSP route to permanent residency');
  });
});
