import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { KNOWLEDGE_DIR, ROOT_DIR } from '../../src/paths.js';
import { PRODUCTION_NODE_FLAGS } from './burst.js';
import { line, ms, percentile } from './stats.js';

/**
 * What one fresh process of the production start pays (the build, `npm run build` first): load + validate + index
 * once, then the first answer. Runs in a child process on the build with the production flags, so nothing is warm.
 */
const CHILD = `
const [load, engine] = await Promise.all([import(process.argv[1] + 'dist/src/kb/load.js'), import(process.argv[1] + 'dist/src/answer/engine.js')]);
const t0 = performance.now();
const loaded = await load.loadKnowledge(process.argv[2]);
if (!loaded.ok) throw new Error('the knowledge base is invalid: run npm run kb:check');
const answers = engine.createAnswerEngine(loaded.kb);
const t1 = performance.now();
answers.answer('can i change jobs on my engineer visa without telling immigration');
const t2 = performance.now();
answers.answer('転職したら入管に届出が必要？');
process.stdout.write(JSON.stringify({ startup: t1 - t0, first: t2 - t1, japanese: performance.now() - t2 }));
`;

interface ChildRun {
  startup: number;
  first: number;
  japanese: number;
}

/** `runs` fresh processes, one after the other: the median of each figure. */
export function benchProductionStartup(runs = 5): string[] {
  const root = pathToFileURL(ROOT_DIR).href;
  const results: ChildRun[] = [];
  for (let i = 0; i < runs; i++) {
    const args = [...PRODUCTION_NODE_FLAGS, '--input-type=module', '-e', CHILD, root, KNOWLEDGE_DIR];
    results.push(JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT_DIR, encoding: 'utf8' })) as ChildRun);
  }
  const median = (pick: (r: ChildRun) => number) => ms(percentile(results.map(pick), 50));
  return [
    `Production start (node ${PRODUCTION_NODE_FLAGS.join(' ')} on the build): one fresh process each, median of ${runs}`,
    line(
      'start-up: load + validate + index (first run)',
      median((r) => r.startup),
      '< 400 ms',
    ),
    line(
      'then the first answer (English)',
      median((r) => r.first),
    ),
    line(
      'then the first Japanese answer',
      median((r) => r.japanese),
    ),
  ];
}
