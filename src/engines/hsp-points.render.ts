import type { RefIndex } from '../kb/refs.js';
import type { HspPointsRules } from '../kb/rules/hsp-points.js';
import type { HspPointsOutcome } from './hsp-points.js';
import { fitReply, renderSources } from './text.js';

const signed = (n: number) => `\`${n > 0 ? '+' : ' '}${String(n).padStart(2)}\``;

/** The reply a member sees: total and verdict, one line per criterion, permanent-residency timing, sources. */
export function renderHspPoints(outcome: HspPointsOutcome, rules: HspPointsRules, refs: RefIndex): string {
  const verdict = outcome.qualifies
    ? `✅ qualifies (${rules.threshold}+ needed)`
    : outcome.belowFloor
      ? '❌ does not qualify: salary below the floor'
      : `❌ does not qualify (${rules.threshold} needed)`;
  const body = [
    `**Highly Skilled Professional (i)(b) points: ${outcome.total}** — ${verdict}`,
    outcome.lines.map((l) => `${signed(l.points)} ${l.label}`).join('\n'),
    `**Permanent residency:** ${outcome.prText}`,
  ].join('\n\n');
  const footer = `-# ${rules.note}`;
  return fitReply(body, renderSources(refs, outcome.sources), renderSources(refs, outcome.sources, false), footer);
}
