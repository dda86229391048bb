import type { HspPointsOutcome } from './hsp-points.js';
import { sourcesOf, type Markup, type Report, type ReportKnowledge } from './report.js';

const signed = (n: number) => `${n > 0 ? '+' : ' '}${String(n).padStart(2)}`;

/** What a member sees: total and verdict, one line per criterion, permanent-residency timing, sources. */
export function hspPointsReport(outcome: HspPointsOutcome, kb: ReportKnowledge, m: Markup): Report {
  const { threshold, note } = kb.rules.hspPoints;
  const verdict = outcome.qualifies
    ? `✅ qualifies (${threshold}+ needed)`
    : outcome.belowFloor
      ? '❌ does not qualify: salary below the floor'
      : `❌ does not qualify (${threshold} needed)`;
  const body = [
    `${m.bold(`Highly Skilled Professional (i)(b) points: ${outcome.total}`)} — ${verdict}`,
    outcome.lines.map((l) => `${m.code(signed(l.points))} ${l.label}`).join('\n'),
    `${m.bold('Permanent residency:')} ${outcome.prText}`,
  ].join('\n\n');
  return { body, ...sourcesOf(kb, outcome.sources, m), footer: m.small(note) };
}
