import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { createAskService } from '../../src/answer/service.js';
import { loadKnowledgeOrThrow } from '../../src/kb/load.js';
import { createLogger } from '../../src/logger.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { EVAL_SETS, evaluate, kindOf, loadEvalSet, type EvalSetName, type SetReport } from './evaluate.js';

/**
 * `npm run eval [-- --verbose] [-- --set public|holdout|blind|dev]`: right / wrong / declined for every evaluation set
 * (knowledge-base answers, no LLM). Only the sets we tune on (public, dev) may be looked at question by question:
 * `--verbose` lists their failures. The held-out and blind sets print their figures only, so nobody tunes on them by
 * accident.
 */
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.includes('--set') ? (args[args.indexOf('--set') + 1] as EvalSetName) : undefined;
const kb = await loadKnowledgeOrThrow(KNOWLEDGE_DIR);
const service = createAskService({ engine: createAnswerEngine(kb), logger: createLogger({ level: 'silent' }) });

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((n / d) * 100).toFixed(1)} %`);
const summary = (name: string, r: SetReport) =>
  [
    `${name.padEnd(8)} in scope ${String(r.inScope.total).padStart(3)}: right ${r.inScope.right} (${pct(r.inScope.right, r.inScope.total)}) · ` +
      `wrong ${r.inScope.wrong} (${pct(r.inScope.wrong, r.inScope.total)}) · declined ${r.inScope.declined} (${pct(r.inScope.declined, r.inScope.total)}` +
      // The held-out set has no entry labels: which suggestion would be right is unknown there.
      (r.outcomes.some((o) => o.item.expect) ? `; ${r.inScope.suggestingRight} with the right entry among the suggestions)` : ')'),
    `${''.padEnd(8)} off-topic declined ${r.offTopic.declined}/${r.offTopic.total}` +
      (r.traps.total > 0
        ? ` · traps declined ${r.traps.declined}/${r.traps.total} (${r.traps.withoutSuggestions} without suggestions)`
        : ''),
  ].join('\n');

const lines = [`Knowledge base ${kb.version}: ${kb.entries.length} entries`];
for (const name of Object.keys(EVAL_SETS) as EvalSetName[]) {
  if (only && name !== only) continue;
  if (!existsSync(fileURLToPath(new URL(`./${EVAL_SETS[name]}`, import.meta.url)))) continue;
  const report = await evaluate(service, await loadEvalSet(name, kb.entries));
  lines.push(summary(name, report));
  if (verbose && (name === 'public' || name === 'dev')) {
    for (const o of report.outcomes.filter((x) => (kindOf(x.item) === 'in-scope' ? x.verdict !== 'right' : x.verdict !== 'declined'))) {
      const what =
        o.verdict === 'declined'
          ? 'declined'
          : `answered ${o.command ? `by /${o.command}` : o.entryId}${o.missing.length ? `, missing: ${o.missing.join('; ')}` : ''}`;
      lines.push(
        `  ${o.verdict.toUpperCase().padEnd(8)} ${o.item.id} [${o.confidence}] ${what} (expected ${o.item.expect?.join(', ') ?? kindOf(o.item)})\n      ${o.item.q}`,
      );
    }
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
