import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decide, type DecisionSettings } from '../../src/answer/decision.js';
import { createAnswerEngine } from '../../src/answer/engine.js';
import type { Ranking } from '../../src/answer/ranker.js';
import { loadKnowledgeOrThrow, type KnowledgeBase } from '../../src/kb/load.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { kindOf, loadEvalSet, type EvalItem } from './evaluate.js';
import { loadNegatives } from './negatives.js';

/**
 * `npm run calibrate`: chooses the decision thresholds of knowledge/search.yaml from labelled questions — the public
 * evaluation set, the phrasing bank itself (5-fold: each phrasing is asked of a bank that lacks it) and the
 * calibration negatives (tests/eval/negatives.yaml). Never from the held-out or blind sets. It prints the setting that
 * answers the most public questions right within the budgets below; a curator copies it into search.yaml and runs
 * `npm run eval`.
 */
export const BUDGET = {
  /** Wrong answers allowed on the public set (share of its in-scope questions). */
  publicWrong: 0.01,
  /** Wrong answers allowed on held-out phrasings (strict: only the phrasing's own entry counts as right). */
  foldWrong: 0.02,
  /** Calibration negatives (near-domain and off-topic, written to look like member questions) that may be answered… */
  negativesAnswered: 0.005,
  /** …and that may get an answer or suggestions (and so reach the LLM fallback, when configured). */
  negativesReached: 0.02,
};

export interface Sample {
  from: 'fold' | 'public' | 'negative';
  /** Which entry ids answer the question (none for negatives). */
  ok: (id: string) => boolean;
  ranking: Ranking;
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
        if (i % FOLDS === f) samples.push({ from: 'fold', ok: (id) => id === e.id, ranking: engine.rank(q) });
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

const steps = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);

type Suggest = DecisionSettings['suggest'];
const passes = (r: Ranking, g: Suggest) => {
  const best = r.hits[0];
  return best !== undefined && best.score >= g.minScore && best.coverage >= g.minCoverage && r.unknownShare <= g.maxUnknownShare;
};

/**
 * Stage 1, the suggestion gate: let through as many public questions as possible while few negatives pass it (a
 * negative that passes would get suggestions and could reach the LLM fallback); the rest of the budget is for stage 2.
 */
export function calibrateSuggest(samples: readonly Sample[]): Suggest {
  const pub = samples.filter((s) => s.from === 'public');
  const neg = samples.filter((s) => s.from === 'negative');
  let best: { g: Suggest; through: number } | undefined;
  for (const minScore of steps(0.25, 0.6, 0.05))
    for (const minCoverage of steps(0, 0.6, 0.1))
      for (const maxUnknownShare of steps(0.1, 0.6, 0.1)) {
        const g = { minScore, minCoverage, maxUnknownShare };
        if (neg.filter((s) => passes(s.ranking, g)).length > (BUDGET.negativesReached - BUDGET.negativesAnswered) * neg.length) continue;
        const through = pub.filter((s) => passes(s.ranking, g)).length;
        if (!best || through > best.through) best = { g, through };
      }
  return best?.g ?? { minScore: 1, minCoverage: 1, maxUnknownShare: 0 };
}

/** Stage 2, answering: the most public questions right within the budgets. */
export function calibrate(samples: readonly Sample[]) {
  const suggest = calibrateSuggest(samples);
  const part = (from: Sample['from']) => samples.filter((s) => s.from === from);
  const [folds, pub, neg] = [part('fold'), part('public'), part('negative')];
  let best: { d: DecisionSettings; pub: Tally; folds: Tally; neg: Tally } | undefined;
  for (const minScore of steps(0.3, 0.7, 0.02))
    for (const fourViews of steps(0, 0.2, 0.02))
      for (const threeViews of steps(0.04, 0.3, 0.02))
        for (const maxUnknownShare of steps(0.2, 0.7, 0.1)) {
          const d: DecisionSettings = { answer: { minScore, minMargin: { fourViews, threeViews }, maxUnknownShare }, suggest };
          const n = tally(neg, d);
          if (n.right + n.wrong > BUDGET.negativesAnswered * neg.length) continue;
          if (neg.filter((x) => decide(x.ranking, d).kind !== 'none').length > BUDGET.negativesReached * neg.length) continue;
          const p = tally(pub, d);
          if (p.wrong > BUDGET.publicWrong * pub.length) continue;
          const f = tally(folds, d);
          if (f.wrong > BUDGET.foldWrong * folds.length) continue;
          if (!best || p.right > best.pub.right || (p.right === best.pub.right && f.right > best.folds.right)) best = { d, pub: p, folds: f, neg: n };
        }
  return best;
}

async function main() {
  const kb = await loadKnowledgeOrThrow(KNOWLEDGE_DIR);
  const negatives = existsSync(fileURLToPath(new URL('./negatives.yaml', import.meta.url))) ? await loadNegatives() : [];
  const samples = [...foldSamples(kb), ...labelledSamples(kb, await loadEvalSet('public'), negatives)];
  const show = (t: Tally) => `right ${t.right} · wrong ${t.wrong} · declined ${t.declined}`;
  const report = (label: string, d: DecisionSettings) => {
    const of = (from: Sample['from']) => tally(samples.filter((s) => s.from === from), d);
    const neg = of('negative');
    const gated = samples.filter((s) => s.from === 'negative' && decide(s.ranking, d).kind === 'close').length;
    return [
      label,
      `  public:    ${show(of('public'))}`,
      `  phrasings: ${show(of('fold'))}`,
      `  negatives: ${neg.right + neg.wrong} answered, ${gated} given suggestions (and the LLM, when configured), of ${neg.right + neg.wrong + neg.declined}`,
    ];
  };
  const lines = [`Samples: ${samples.filter((s) => s.from === 'fold').length} phrasings (5-fold), ${samples.filter((s) => s.from === 'public').length} public questions, ${samples.filter((s) => s.from === 'negative').length} negatives`];
  lines.push(...report('search.yaml now:', kb.search.decision));
  const best = calibrate(samples);
  if (!best) lines.push('No setting fits the budgets.');
  else {
    const d = best.d;
    lines.push(...report(`Best within the budgets (negatives answered ≤ ${BUDGET.negativesAnswered * 100} %, answered or suggested ≤ ${BUDGET.negativesReached * 100} %, public wrong ≤ ${BUDGET.publicWrong * 100} %, phrasings wrong ≤ ${BUDGET.foldWrong * 100} %):`, d));
    lines.push(
      'decision:',
      '  answer:',
      `    minScore: ${d.answer.minScore}`,
      `    minMargin: { fourViews: ${d.answer.minMargin.fourViews}, threeViews: ${d.answer.minMargin.threeViews} }`,
      `    maxUnknownShare: ${d.answer.maxUnknownShare}`,
      '  suggest:',
      `    minScore: ${d.suggest.minScore}`,
      `    minCoverage: ${d.suggest.minCoverage}`,
      `    maxUnknownShare: ${d.suggest.maxUnknownShare}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
