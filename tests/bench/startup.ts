import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { KNOWLEDGE_DIR, ROOT_DIR } from '../../src/paths.js';
import { PRODUCTION_NODE_FLAGS } from './burst.js';
import { line, ms, percentile } from './stats.js';

/**
 * What one fresh process of the production start pays (the build, `npm run build` first): load + validate + index
 * once, then the first answer. Runs in a child process on the build with the production flags, so nothing is warm.
 * Cold: `loadKnowledge` + `createAnswerEngine`, what every start paid before the start-up snapshot and what a start
 * still pays after the knowledge or the code changed. From the snapshot: `startKnowledge` (src/answer/snapshot.ts)
 * with the snapshot a cold start just wrote — what every later start of unchanged knowledge and code pays.
 */
const CHILD = `
const [load, engine, snapshot] = await Promise.all(['kb/load.js', 'answer/engine.js', 'answer/snapshot.js'].map((m) => import(process.argv[1] + 'dist/src/' + m)));
const t0 = performance.now();
let answers;
if (process.argv[3] === 'cold') {
  const loaded = await load.loadKnowledge(process.argv[2]);
  if (!loaded.ok) throw new Error('the knowledge base is invalid: run npm run kb:check');
  answers = engine.createAnswerEngine(loaded.kb);
} else {
  // argv[3]: 'write' (a cold start that writes the snapshot) or 'read' (a start that must load it); argv[4]: the file.
  const started = snapshot.startKnowledge(process.argv[2], { file: process.argv[4] });
  const expected = process.argv[3] === 'write' ? 'cold' : 'snapshot';
  if (!started.ok || started.from !== expected || (expected === 'cold' && !started.saved?.ok)) throw new Error('unexpected start: ' + (started.from ?? 'invalid'));
  answers = started.engine;
}
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

/** `runs` fresh processes each, cold and from the snapshot alternately: the median of each figure. */
export function benchProductionStartup(runs = 5): string[] {
  const root = pathToFileURL(ROOT_DIR).href;
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-snapshot-'));
  const file = path.join(dir, 'snapshot.bin');
  const child = (...mode: string[]) => {
    const args = [...PRODUCTION_NODE_FLAGS, '--input-type=module', '-e', CHILD, root, KNOWLEDGE_DIR, ...mode];
    return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT_DIR, encoding: 'utf8' })) as ChildRun;
  };
  const cold: ChildRun[] = [];
  const warm: ChildRun[] = [];
  try {
    const first = child('write', file);
    for (let i = 0; i < runs; i++) {
      cold.push(child('cold'));
      warm.push(child('read', file));
    }
    const median = (results: ChildRun[], pick: (r: ChildRun) => number) => ms(percentile(results.map(pick), 50));
    return [
      `Production start (node ${PRODUCTION_NODE_FLAGS.join(' ')} on the build): one fresh process each, median of ${runs}`,
      'cold = knowledge or code changed since the last start (no usable snapshot); snapshot = both unchanged',
      line(
        'cold start-up: load + validate + index',
        median(cold, (r) => r.startup),
        '< 400 ms',
      ),
      line(
        '  then the first answer (English)',
        median(cold, (r) => r.first),
      ),
      line(
        '  then the first Japanese answer',
        median(cold, (r) => r.japanese),
      ),
      line('cold start-up writing the snapshot (1 run)', ms(first.startup)),
      line(
        'start-up from the snapshot (knowledge and code unchanged)',
        median(warm, (r) => r.startup),
        '< 400 ms',
      ),
      line(
        '  then the first answer (English)',
        median(warm, (r) => r.first),
      ),
      line(
        '  then the first Japanese answer',
        median(warm, (r) => r.japanese),
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
