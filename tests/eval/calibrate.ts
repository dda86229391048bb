import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { combine, decide, longMessageFloor, suggestable, type DecisionSettings, type SuggestGate } from '../../src/answer/decision.js';
import type { Ranking } from '../../src/answer/ranker.js';
import { loadKnowledgeOrThrow } from '../../src/kb/load.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { BUDGET, better, counts, GROUPS, limits, type Counts } from './budget.js';
import { loadEvalSet } from './evaluate.js';
import { firstLookSamples } from './first-look.js';
import { loadNegatives } from './negatives.js';
import { foldSamples, labelledSamples, tally, weakestEntries, wrongAnswers, type Sample, type Tally } from './samples.js';

/**
 * `npm run calibrate`: chooses the decision thresholds of knowledge/search.yaml from labelled questions — the dev
 * parts' first looks, replayed (first-look.ts: each part asked of the knowledge base before any curator saw it), the
 * public and dev evaluation sets (the two we tune on), the phrasing bank itself (5-fold: each phrasing is asked of a
 * bank that lacks it) and the calibration negatives (tests/eval/negatives.yaml). Never from the held-out or blind sets.
 * It prints the setting that answers the most first-look questions right (then public and dev, then phrasings) within
 * the budgets (budget.ts); a curator copies it into search.yaml and runs `npm run eval`. With `--verbose` it also lists the
 * held-out phrasings that search.yaml answers from another entry: where two entries' phrasings overlap.
 */

const steps = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);

/**
 * Stage 1, the suggestion gate: let through as many public questions as possible while few negatives pass it (a
 * negative that passes would get suggestions and could reach the LLM fallback); the rest of the budget is for stage 2.
 * The test is decide's own (`suggestable`); `closeShare`, which entries then count as close, is not calibrated.
 */
export function calibrateSuggest(samples: readonly Sample[]): SuggestGate {
  const pub = samples.filter((s) => s.from === 'public');
  const neg = samples.filter((s) => s.from === 'negative');
  let best: { g: SuggestGate; through: number } | undefined;
  for (const minScore of steps(0.25, 0.6, 0.05))
    for (const minCoverage of steps(0, 0.6, 0.1))
      for (const maxUnknownShare of steps(0.1, 0.6, 0.1)) {
        const g = { minScore, minCoverage, maxUnknownShare };
        if (neg.filter((s) => suggestable(s.ranking, g)).length > (BUDGET.negativesReached - BUDGET.negativesAnswered) * neg.length)
          continue;
        const through = pub.filter((s) => suggestable(s.ranking, g)).length;
        if (!best || through > best.through) best = { g, through };
      }
  return best?.g ?? { minScore: 1, minCoverage: 1, maxUnknownShare: 0 };
}

/**
 * Of `candidates` (a setting with one easing changed), the one with the most right answers within the budgets;
 * `fallback` when none fits. Stages 3 and 4 search their easing with it.
 */
function bestWithin(
  samples: readonly Sample[],
  current: DecisionSettings,
  fallback: DecisionSettings,
  candidates: Iterable<DecisionSettings>,
): DecisionSettings {
  const { fits } = limits(samples, current);
  let best: { d: DecisionSettings; right: Counts } | undefined;
  for (const candidate of candidates) {
    const { right, wrong, reached } = counts(samples, candidate);
    if (fits(wrong, reached) && better(right, best?.right)) best = { d: candidate, right };
  }
  return best?.d ?? fallback;
}

/**
 * Stage 3, well-known questions: with stage 2's thresholds fixed, the lower score and three-view margin allowed when
 * nearly every word of the question occurs in the phrasings — the most right answers (as stage 2 ranks them) within budgets.
 */
export function calibrateWellKnown(samples: readonly Sample[], d: DecisionSettings, current: DecisionSettings): DecisionSettings {
  function* candidates() {
    for (const maxUnknownShare of steps(0, 0.3, 0.1))
      for (const minScore of steps(0.3, d.answer.minScore, 0.02))
        for (const threeViews of steps(0.04, d.answer.minMargin.threeViews, 0.02))
          yield { ...d, answer: { ...d.answer, wellKnown: { maxUnknownShare, minScore, threeViews } } };
  }
  return bestWithin(samples, current, d, candidates());
}

/**
 * Stage 4, clear wins: with the other thresholds fixed, the lower score allowed when all four views agree on the best
 * entry, it leads by a clear margin and little of the question is unknown — the most right answers within budgets.
 */
export function calibrateClearWin(samples: readonly Sample[], d: DecisionSettings, current: DecisionSettings): DecisionSettings {
  function* candidates() {
    for (const maxUnknownShare of steps(0, 0.4, 0.1))
      for (const minMargin of steps(0.04, 0.2, 0.02))
        for (const minScore of steps(0.3, d.answer.minScore, 0.02))
          yield { ...d, answer: { ...d.answer, clearWin: { minScore, minMargin, maxUnknownShare } } };
  }
  return bestWithin(samples, current, d, candidates());
}

/**
 * Stage 2, answering: the most right answers within the budgets (plain loops over precomputed features), with today's
 * easing for well-known questions and clear wins, which stages 3 and 4 then choose again for the new thresholds.
 */
export function calibrate(samples: readonly Sample[], current: DecisionSettings) {
  const { minKnownWords, minCoverage, nearTie, wellKnown, clearWin, longMessage } = current.answer;
  const { asked: reading } = current;
  const suggest = { ...current.suggest, ...calibrateSuggest(samples) }; // closeShare and longMessage as they are
  const { fits } = limits(samples, current);
  const n = samples.length;
  const score = new Float64Array(3 * n);
  const margin = new Float64Array(3 * n);
  const unknown = new Float64Array(3 * n);
  const agree = new Int8Array(3 * n);
  const fewWords = new Uint8Array(3 * n);
  const correct = new Uint8Array(n);
  const from = new Uint8Array(n);
  const suggested = new Uint8Array(n);
  const eased = new Uint8Array(3 * n);
  const cleared = new Uint8Array(3 * n);
  const longFloor = new Float64Array(3 * n);
  // The sentence a message of several asks in, ranked alone (see `decide`): the same features, where its best entry is
  // the whole message's (else it can never answer). Index n + i; both readings combined, index 2n + i.
  const asked = new Uint8Array(n);
  const wide = new Uint8Array(n);
  const feature = (i: number, r: Ranking) => {
    const [a, b] = r.hits;
    score[i] = a?.score ?? 0;
    margin[i] = (a?.score ?? 0) - (b?.score ?? 0);
    unknown[i] = r.unknownShare;
    agree[i] = r.agreement;
    // Too few known words, or too little of the question about its best entry: never answered (both kept as they are).
    fewWords[i] = r.known < minKnownWords || (a?.coverage ?? 0) < minCoverage ? 1 : 0;
    eased[i] = r.agreement >= 3 && r.unknownShare <= wellKnown.maxUnknownShare ? 1 : 0;
    cleared[i] = r.agreement === 4 && margin[i] >= clearWin.minMargin && r.unknownShare <= clearWin.maxUnknownShare ? 1 : 0;
    longFloor[i] = longMessageFloor(r.known, longMessage);
  };
  samples.forEach((s, i) => {
    feature(i, s.ranking);
    const top = s.ranking.hits[0]?.entry;
    correct[i] = top && s.ok(top.id) ? 1 : 0;
    from[i] = GROUPS.indexOf(s.from);
    suggested[i] = suggestable(s.ranking, suggest) ? 1 : 0;
    const alone = s.ranking.asked?.();
    if (alone && top && alone.hits[0]?.entry === top) {
      asked[i] = 1;
      feature(n + i, alone);
      feature(2 * n + i, combine(s.ranking, alone, reading.weight));
      wide[i] = (s.ranking.hits[0]?.coverage ?? 0) >= reading.minCoverage ? 1 : 0;
    }
  });
  const negative = GROUPS.indexOf('negative');
  let best: { d: DecisionSettings; right: Counts } | undefined;
  const needed = new Float64Array(5);
  for (const minScore of steps(0.3, 0.6, 0.02))
    for (const maxUnknownShare of steps(0.2, 0.6, 0.1)) {
      // The questions these two thresholds let through (the whole message, or the sentence it asks in when the whole
      // is only close); the margins decide among them.
      const passes = (k: number) =>
        !fewWords[k] &&
        score[k]! >= Math.min(minScore, eased[k] ? wellKnown.minScore : 1, cleared[k] ? clearWin.minScore : 1, longFloor[k]!) &&
        unknown[k]! <= maxUnknownShare;
      const open: number[] = [];
      const wholeOpen = new Uint8Array(n);
      const askedOpen = new Uint8Array(n);
      const bothOpen = new Uint8Array(n);
      let reachedAnyway = 0;
      for (let i = 0; i < n; i++) {
        wholeOpen[i] = passes(i) ? 1 : 0;
        askedOpen[i] = asked[i] && suggested[i] && passes(n + i) ? 1 : 0;
        bothOpen[i] = asked[i] && (suggested[i] || wide[i]) && passes(2 * n + i) ? 1 : 0;
        if (wholeOpen[i] || askedOpen[i] || bothOpen[i]) open.push(i);
        else if (from[i] === negative && suggested[i]) reachedAnyway++;
      }
      for (const fourViews of steps(0, 0.1, 0.02))
        for (const threeViews of steps(0.04, 0.2, 0.02))
          for (const twoViews of [...steps(0.04, 0.2, 0.02), 1])
            for (const oneView of [0.1, 0.15, 0.2, 0.3, 1]) {
              needed.set([Infinity, oneView, twoViews, threeViews, fourViews]);
              const right = [0, 0, 0, 0];
              const wrong = [0, 0, 0, 0];
              let reached = reachedAnyway;
              const clear = (k: number) =>
                margin[k]! >= (eased[k] && agree[k] === 3 ? Math.min(threeViews, wellKnown.threeViews) : needed[agree[k]!]!);
              for (const i of open) {
                // A whole message that passes the floors but not its margin is close when suggested: its sentence may answer.
                // Else its sentence and the whole read together may, when the whole is close or mostly about the entry.
                const answered =
                  (wholeOpen[i] === 1 && clear(i)) || (askedOpen[i] === 1 && clear(n + i)) || (bothOpen[i] === 1 && clear(2 * n + i));
                if (answered) (correct[i] ? right : wrong)[from[i]!]!++;
                if (from[i] === negative && (answered || suggested[i])) reached++;
              }
              const r = { fold: right[0]!, public: right[1]!, negative: 0, first: right[3]! };
              const w = { fold: wrong[0]!, public: wrong[1]!, negative: wrong[2]!, first: wrong[3]! };
              if (!fits(w, reached) || !better(r, best?.right)) continue;
              best = {
                d: {
                  answer: {
                    minScore,
                    minMargin: { fourViews, threeViews, twoViews, oneView },
                    maxUnknownShare,
                    minKnownWords,
                    minCoverage,
                    wellKnown,
                    clearWin,
                    longMessage,
                    nearTie,
                  },
                  suggest,
                  asked: reading,
                },
                right: r,
              };
            }
    }
  const searched = best && calibrateClearWin(samples, calibrateWellKnown(samples, best.d, current), current);
  // The search fixes the two easings while it chooses the rest: also try today's setting with only those re-chosen.
  const light = calibrateClearWin(samples, calibrateWellKnown(samples, current, current), current);
  const l = counts(samples, light);
  const lightWins = fits(l.wrong, l.reached) && (!searched || better(l.right, counts(samples, searched).right));
  return lightWins ? { d: light } : searched && { d: searched };
}

async function main() {
  const kb = await loadKnowledgeOrThrow(KNOWLEDGE_DIR);
  const negatives = existsSync(fileURLToPath(new URL('./negatives.yaml', import.meta.url))) ? await loadNegatives() : [];
  const dev = await loadEvalSet('dev', kb.entries);
  const tuned = [...(await loadEvalSet('public', kb.entries)), ...dev];
  const firstLooks = await firstLookSamples(kb, dev, KNOWLEDGE_DIR);
  const samples = [...foldSamples(kb), ...labelledSamples(kb, tuned, negatives), ...(firstLooks ?? [])];
  const show = (t: Tally) => `right ${t.right} · wrong ${t.wrong} · declined ${t.declined}`;
  const report = (label: string, d: DecisionSettings) => {
    const of = (from: Sample['from']) =>
      tally(
        samples.filter((s) => s.from === from),
        d,
      );
    const neg = of('negative');
    const gated = samples.filter((s) => s.from === 'negative' && decide(s.ranking, d).kind === 'close').length;
    return [
      label,
      ...(firstLooks ? [`  first looks (dev parts before their curation): ${show(of('first'))}`] : []),
      `  public + dev: ${show(of('public'))}`,
      `  phrasings: ${show(of('fold'))}`,
      `  negatives: ${neg.right + neg.wrong} answered, ${gated} given suggestions (and the LLM, when configured), of ${neg.right + neg.wrong + neg.declined}`,
    ];
  };
  const lines = [
    `Samples: ${samples.filter((s) => s.from === 'fold').length} phrasings (5-fold), ${samples.filter((s) => s.from === 'first').length} first-look questions, ${samples.filter((s) => s.from === 'public').length} public and dev questions, ${samples.filter((s) => s.from === 'negative').length} negatives`,
    ...(firstLooks ? [] : ['(No git history here, so no first looks: the thresholds are chosen on the tuned sets alone.)']),
  ];
  lines.push(...report('search.yaml now:', kb.search.decision));
  const best = calibrate(samples, kb.search.decision);
  if (!best) lines.push('No setting fits the budgets.');
  else {
    const d = best.d;
    lines.push(
      ...report(
        `Best within the budgets (negatives answered ≤ ${BUDGET.negativesAnswered * 100} %, answered or suggested ≤ ${BUDGET.negativesReached * 100} % — or no more than now; first looks wrong ≤ ${BUDGET.firstWrong * 100} %, public + dev wrong ≤ ${BUDGET.publicWrong * 100} %, phrasings wrong ≤ ${BUDGET.foldWrong * 100} %):`,
        d,
      ),
    );
    const tiers = (ts: DecisionSettings['answer']['longMessage']) =>
      `[${ts.map((t) => `{ minKnownWords: ${t.minKnownWords}, minScore: ${t.minScore} }`).join(', ')}]`;
    lines.push(
      'decision:',
      '  answer:',
      `    minScore: ${d.answer.minScore}`,
      `    minMargin: { fourViews: ${d.answer.minMargin.fourViews}, threeViews: ${d.answer.minMargin.threeViews}, twoViews: ${d.answer.minMargin.twoViews}, oneView: ${d.answer.minMargin.oneView} }`,
      `    maxUnknownShare: ${d.answer.maxUnknownShare}`,
      `    minKnownWords: ${d.answer.minKnownWords}`,
      `    minCoverage: ${d.answer.minCoverage}`,
      `    wellKnown: { maxUnknownShare: ${d.answer.wellKnown.maxUnknownShare}, minScore: ${d.answer.wellKnown.minScore}, threeViews: ${d.answer.wellKnown.threeViews} }`,
      `    clearWin: { minScore: ${d.answer.clearWin.minScore}, minMargin: ${d.answer.clearWin.minMargin}, maxUnknownShare: ${d.answer.clearWin.maxUnknownShare} }`,
      `    longMessage: ${tiers(d.answer.longMessage)}`,
      `    nearTie: ${d.answer.nearTie}`,
      '  suggest:',
      ...(['minScore', 'minCoverage', 'maxUnknownShare', 'closeShare'] as const).map((k) => `    ${k}: ${d.suggest[k]}`),
      ...(d.suggest.longMessage ? [`    longMessage: ${tiers(d.suggest.longMessage)}`] : []),
      `  asked: { weight: ${d.asked.weight}, minCoverage: ${d.asked.minCoverage} }`,
    );
  }
  lines.push(
    '',
    'Weakest entries (share of their own phrasings, held out, that rank them first):',
    ...weakestEntries(
      kb,
      samples.filter((s) => s.from === 'fold'),
    ),
  );
  if (process.argv.includes('--verbose')) {
    const wrong = wrongAnswers(
      kb,
      samples.filter((s) => s.from === 'fold'),
      kb.search.decision,
    );
    lines.push('', `Held-out phrasings search.yaml answers from another entry (${wrong.length}; own entry → answered):`, ...wrong);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
