import { createAnswerEngine } from '../../src/answer/engine.js';
import { createAskService } from '../../src/answer/service.js';
import { loadKnowledgeOrThrow } from '../../src/kb/load.js';
import { createLogger } from '../../src/logger.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { evaluate, loadEvalSet } from './evaluate.js';

/**
 * `npm run eval [-- --verbose] [-- --holdout]`: scores the knowledge-base answers (no LLM) on the public evaluation
 * set, or on the held-out set written separately to check that tuning on the public set generalizes.
 */
const verbose = process.argv.includes('--verbose');
const setName = process.argv.includes('--holdout') ? 'holdout' : 'questions';
const kb = await loadKnowledgeOrThrow(KNOWLEDGE_DIR);
const service = createAskService({ engine: createAnswerEngine(kb), logger: createLogger({ level: 'silent' }) });
const items = await loadEvalSet(setName);
const report = await evaluate(service, items, kb);

const pct = (r: number) => `${(r * 100).toFixed(1)} %`;
const byGuide = new Map<string, { total: number; passed: number }>();
for (const o of report.outcomes) {
  const key = `${o.item.guide}${o.item.lang === 'ja' ? ' (ja)' : ''}`;
  const g = byGuide.get(key) ?? { total: 0, passed: 0 };
  g.total++;
  if (o.pass) g.passed++;
  byGuide.set(key, g);
}
const failures = report.outcomes.filter((o) => !o.pass);
const lines = [
  `Evaluation set (${setName}): ${items.length} questions (${report.inScope.total} in scope, ${report.offTopic.total} off-topic), knowledge base ${kb.version}`,
  `In scope answered with the right facts: ${report.inScope.passed}/${report.inScope.total} = ${pct(report.inScope.rate)}`,
  `  …or declined with the right entry among the suggestions: ${report.inScope.passedOrSuggested}/${report.inScope.total}`,
  `Off-topic declined:                     ${report.offTopic.declined}/${report.offTopic.total} = ${pct(report.offTopic.rate)}`,
  '',
  ...[...byGuide].sort().map(([g, s]) => `  ${g.padEnd(20)} ${s.passed}/${s.total}`),
];
if (failures.length > 0) {
  lines.push('', `Failures (${failures.length}):`);
  for (const f of failures) {
    const what = f.item.guide === 'off-topic' ? `answered with ${f.entryId}` : f.answered ? `answered ${f.entryId}, missing: ${f.missing.join('; ')}` : 'not answered';
    lines.push(`  ${f.item.id} [${f.confidence}] ${what}${verbose ? `\n      ${f.item.q}` : ''}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
