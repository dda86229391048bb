import type { DecisionSettings } from '../../src/answer/decision.js';
import { decide } from '../../src/answer/decision.js';
import { createAnswerEngine } from '../../src/answer/engine.js';
import type { Ranking } from '../../src/answer/ranker.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { kindOf, type EvalItem } from './evaluate.js';

/** Labelled rankings for `npm run calibrate` (calibrate.ts), and what they say about the entries. */
export interface Sample {
  /** fold: a held-out phrasing · first: a replayed first look · public: the public or dev set · negative: uncovered. */
  from: 'fold' | 'first' | 'public' | 'negative';
  /** Which entry ids answer the question (none for negatives). */
  ok: (id: string) => boolean;
  ranking: Ranking;
  /** The question asked (held-out phrasings and first looks carry it: `wrongAnswers`, the replay's tests). */
  q?: string;
}

const FOLDS = 5;

/** Every phrasing, asked of a knowledge base whose entries lack that phrasing's fold. */
export function foldSamples(kb: KnowledgeBase): Sample[] {
  const samples: Sample[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const entries = kb.entries.map((e) => ({ ...e, questions: e.questions.filter((_, i) => i % FOLDS !== f) }));
    const engine = createAnswerEngine({ ...kb, entries, byId: new Map(entries.map((e) => [e.id, e])) });
    for (const e of kb.entries) {
      e.questions.forEach((q, i) => {
        if (i % FOLDS === f) samples.push({ from: 'fold', ok: (id) => id === e.id, ranking: engine.rank(q), q });
      });
    }
  }
  return samples;
}

export function labelledSamples(kb: KnowledgeBase, items: readonly EvalItem[], negatives: readonly { q: string }[]): Sample[] {
  const engine = createAnswerEngine(kb);
  return [
    ...items.map((item): Sample => ({
      from: kindOf(item) === 'in-scope' ? 'public' : 'negative',
      ok: (id) => kindOf(item) === 'in-scope' && (item.expect?.includes(id) ?? false),
      ranking: engine.rank(item.q),
    })),
    ...negatives.map((n): Sample => ({ from: 'negative', ok: () => false, ranking: engine.rank(n.q) })),
  ];
}

export interface Tally {
  right: number;
  wrong: number;
  declined: number;
}

export function tally(samples: readonly Sample[], d: DecisionSettings): Tally {
  const t: Tally = { right: 0, wrong: 0, declined: 0 };
  for (const s of samples) {
    const decision = decide(s.ranking, d);
    if (decision.kind !== 'answer') t.declined++;
    else if (s.ok(decision.best.entry.id)) t.right++;
    else t.wrong++;
  }
  return t;
}

/**
 * The samples `d` answers from a wrong entry (for held-out phrasings: another entry's phrasings beat the phrasing's
 * own), one line each — the entry the question belongs to, the entry answered, its score and margin, the question —
 * grouped by the pair of entries, so two entries whose phrasings overlap show up together.
 */
export function wrongAnswers(kb: KnowledgeBase, samples: readonly Sample[], d: DecisionSettings): string[] {
  const lines: { pair: string; line: string }[] = [];
  for (const s of samples) {
    const decision = decide(s.ranking, d);
    if (decision.kind !== 'answer' || s.ok(decision.best.entry.id)) continue;
    const own = kb.entries.find((e) => s.ok(e.id))?.id ?? '(none)';
    const pair = `${own} → ${decision.best.entry.id}`;
    lines.push({ pair, line: `  ${pair}  (${decision.best.score.toFixed(2)}, margin ${decision.margin.toFixed(2)}): ${s.q ?? '?'}` });
  }
  return lines.sort((a, b) => a.pair.localeCompare(b.pair)).map((l) => l.line);
}

/** Entries whose own phrasings, held out, most often rank another entry first: where curation helps most. */
export function weakestEntries(kb: KnowledgeBase, folds: readonly Sample[], count = 15): string[] {
  const stats = new Map<string, { n: number; ok: number; to: Map<string, number> }>();
  for (const s of folds) {
    const id = kb.entries.find((e) => s.ok(e.id))?.id ?? '?';
    const top = s.ranking.hits[0]?.entry.id ?? '(none)';
    const st = stats.get(id) ?? { n: 0, ok: 0, to: new Map<string, number>() };
    st.n++;
    if (top === id) st.ok++;
    else st.to.set(top, (st.to.get(top) ?? 0) + 1);
    stats.set(id, st);
  }
  return [...stats]
    .sort((a, b) => a[1].ok / a[1].n - b[1].ok / b[1].n)
    .slice(0, count)
    .map(([id, st]) => {
      const lost = [...st.to]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([to, k]) => `${to} ×${k}`);
      return `  ${String(Math.round((st.ok / st.n) * 100)).padStart(3)} %  ${id}  (lost to ${lost.join(', ')})`;
    });
}
