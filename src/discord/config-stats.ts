import type { APIEmbed } from 'discord.js';
import { REASON_LABELS, type Reason } from '../curation/reasons.js';
import type { ServerStats } from '../curation/stats.js';
import { fitEmbed, truncate } from './limits.js';
import { escapeText } from './render.js';

/** Lines per section of `/config stats`. */
export const STATS_ROWS = 10;

const reasons = (r: Partial<Record<Reason, number>>) =>
  Object.entries(r)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([k, n]) => `${REASON_LABELS[k as Reason]} ×${n}`)
    .join(', ');

/** `/config stats`: the server's votes, the entries with the most 👎 (with reasons) and unanswered questions by closest entry. */
export function statsEmbed(stats: ServerStats): APIEmbed {
  const down = stats.mostDown.slice(0, STATS_ROWS).map((e) => {
    const why = reasons(e.reasons);
    return `${escapeText(e.entryId)} 👎 ${e.down} · 👍 ${e.up}${why ? ` — ${why}` : ''}`;
  });
  const unanswered = stats.unanswered.slice(0, STATS_ROWS).map((g) => {
    const questions = g.questions.slice(0, 3).map((q) => `“${escapeText(truncate(q, 80))}”`);
    return `${g.closest ? escapeText(g.closest) : 'no entry'} ×${g.count} — ${questions.join(', ')}`;
  });
  return fitEmbed({
    title: 'Answer stats for this server',
    description: `👍 ${stats.totals.up} · 👎 ${stats.totals.down}`,
    fields: [
      { name: 'Most 👎 (reasons given)', value: down.join('\n') || 'No 👎 yet.' },
      { name: 'Unanswered, by the entry they came closest to', value: unanswered.join('\n') || 'No open unanswered questions.' },
    ],
  });
}
