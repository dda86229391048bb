import type { Problem } from './problems.js';
import type { Entry, Source } from './schema.js';

/** An entry not reviewed for this many months is flagged by `kb:check` (a warning: it does not fail). */
export const STALE_AFTER_MONTHS = 12;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `2026-11-21` → `reviewed Nov 2026`: shown with every knowledge answer. */
export function reviewedLabel(reviewed: string): string {
  const [year, month] = reviewed.split('-');
  return `reviewed ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** The date `months` months before `today` (both YYYY-MM-DD; the day clamped to the month's length). */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * What `kb:check` warns about without failing: entries not reviewed for STALE_AFTER_MONTHS months (as of `today`,
 * YYYY-MM-DD) and sources whose confidence is "unverified" (with the entries that cite them).
 */
export function freshnessWarnings(kb: { entries: readonly Entry[]; sources: ReadonlyMap<string, Source> }, today: string): Problem[] {
  const cutoff = monthsBefore(today, STALE_AFTER_MONTHS);
  const stale = kb.entries
    .filter((e) => e.reviewed < cutoff)
    .map((e) => ({
      file: e.file,
      field: 'reviewed',
      message: `last reviewed ${e.reviewed}, over ${STALE_AFTER_MONTHS} months ago: check it against its sources and update the date`,
    }));
  const unverified = [...kb.sources.values()]
    .filter((s) => s.confidence === 'unverified')
    .map((s) => {
      const citing = kb.entries.filter((e) => e.sources.includes(s.id)).map((e) => e.id);
      const by = citing.length > 0 ? `cited by ${citing.join(', ')}` : 'cited by no entry';
      return {
        file: 'sources.yaml',
        field: `${s.id}.confidence`,
        message: `"unverified" (a lead only; ${by}): confirm it in an official text or a careful secondary source`,
      };
    });
  return [...stale, ...unverified];
}
