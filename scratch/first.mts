// First look of a labelled part: npx tsx /work/tools/first.ts <labelled.yaml> [-v]  (run from a worktree root)
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import { createAnswerEngine } from '../src/answer/engine.js';
import { createAskService } from '../src/answer/service.js';
import { loadKnowledgeOrThrow } from '../src/kb/load.js';
import { createLogger } from '../src/logger.js';
import { KNOWLEDGE_DIR } from '../src/paths.js';
import { evaluate, kindOf } from '../tests/eval/evaluate.js';
const kb = await loadKnowledgeOrThrow(KNOWLEDGE_DIR);
const engine = createAnswerEngine(kb);
const service = createAskService({ engine, logger: createLogger({ level: 'silent' }) });
const items = load(readFileSync(process.argv[2]!, 'utf8'), { schema: CORE_SCHEMA }) as any[];
const rep = await evaluate(service, items);
let first = 0, top3 = 0, n = 0;
for (const o of rep.outcomes) {
  if (kindOf(o.item) !== 'in-scope' || !o.item.expect) continue;
  n++;
  const hits = engine.search(o.item.q, 3).map((h: any) => h.entry?.id ?? h.id);
  if (o.item.expect.includes(hits[0])) first++;
  if (hits.some((h: string) => o.item.expect.includes(h))) top3++;
}
const r = rep.inScope;
console.log(`${process.argv[2]}: in scope ${r.total}: right ${r.right} (${((r.right / r.total) * 100).toFixed(1)} %) wrong ${r.wrong} (${((r.wrong / r.total) * 100).toFixed(1)} %) declined ${r.declined}; right first ${first}/${n}, top3 ${top3}/${n}; off-topic ${rep.offTopic.declined}/${rep.offTopic.total}; traps ${rep.traps.declined}/${rep.traps.total} (${rep.traps.withoutSuggestions} without suggestions)`);
if (process.argv.includes('-v'))
  for (const o of rep.outcomes) {
    const k = kindOf(o.item);
    const bad = k === 'in-scope' ? o.verdict !== 'right' : o.verdict !== 'declined' || o.suggested;
    if (bad) console.log(`  ${o.verdict.toUpperCase()} ${o.item.id} [${o.confidence}] ${o.command ? '/' + o.command : o.entryId ?? ''}${o.suggested ? ' (suggested)' : ''} exp ${o.item.expect?.join(',') ?? k}${o.missing.length ? ' missing ' + o.missing.join('; ') : ''}\n      ${o.item.q}`);
  }
