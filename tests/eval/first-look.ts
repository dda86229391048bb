import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { loadKnowledge, type KnowledgeBase } from '../../src/kb/load.js';
import type { Sample } from './samples.js';
import { kindOf, missingFacts, type EvalItem } from './evaluate.js';
import { FIRST_LOOKS } from './first-look-parts.js';

/** The parts replayed and the commit of each one's first look (first-look-parts.ts). */
export { FIRST_LOOKS };

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `knowledge/` at `commit`, validated by today's code. Its engine settings are today's — the ranking weights, the
 * n-gram lengths and the decision thresholds (what calibration and a change of weights are measured for) — while its
 * entries and vocabulary (stopwords, synonyms, out-of-scope subjects) stay as they were. Files the ranker does not read
 * (the command rules, the understanding vocabulary, the reply texts) are taken from `current` where the old version no
 * longer validates.
 */
async function knowledgeAt(commit: string, current: string): Promise<KnowledgeBase> {
  const dir = mkdtempSync(join(tmpdir(), 'first-look-'));
  try {
    const tar = join(dir, 'knowledge.tar');
    execFileSync('git', ['-C', REPO, 'archive', '--format=tar', '-o', tar, commit, 'knowledge'], { stdio: 'pipe' });
    execFileSync('tar', ['-xf', tar, '-C', dir]);
    const search = join(dir, 'knowledge', 'search.yaml');
    const read = (file: string) => load(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA }) as Record<string, unknown>;
    const today = read(join(current, 'search.yaml'));
    writeFileSync(search, dump({ ...read(search), ranking: today.ranking, grams: today.grams, decision: today.decision }));
    let result = await loadKnowledge(join(dir, 'knowledge'));
    if (!result.ok) {
      const files = new Set(result.problems.map((p) => p.file).filter((f) => /^(understand|replies)\.yaml$|^rules\//.test(f)));
      for (const f of files) copyFileSync(join(current, f), join(dir, 'knowledge', f));
      result = await loadKnowledge(join(dir, 'knowledge'));
    }
    if (!result.ok)
      throw new Error(`knowledge at ${commit}: ${result.problems.map((p) => `${p.file} › ${p.field}: ${p.message}`).join('; ')}`);
    return result.kb;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether this checkout has every commit the replay reads (a shallow clone does not). */
export function historyAvailable(): boolean {
  try {
    for (const { commit } of FIRST_LOOKS) execFileSync('git', ['-C', REPO, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The replayed first looks as calibration samples: in-scope questions as `first`, off-topic questions and traps as
 * `negative`. An answer from an entry merged away since counts as the entry it became (`formerly`), and must state the
 * item's facts in that old entry's words. A question whose entries were all written after its first look (a subject
 * the knowledge base of the time did not cover, labelled a trap then) replays as a `negative`: that knowledge base
 * could only decline it. Undefined when the history is not available (a shallow clone).
 */
export async function firstLookSamples(kb: KnowledgeBase, dev: readonly EvalItem[], knowledgeDir: string): Promise<Sample[] | undefined> {
  if (!historyAvailable()) return undefined;
  const became = new Map(kb.entries.flatMap((e) => e.formerly.map((old) => [old, e.id] as const)));
  const engines = new Map<string, ReturnType<typeof createAnswerEngine>>();
  const samples: Sample[] = [];
  for (const { part, commit } of FIRST_LOOKS) {
    let engine = engines.get(commit);
    if (!engine) engines.set(commit, (engine = createAnswerEngine(await knowledgeAt(commit, knowledgeDir))));
    const old = engine.kb;
    const existed = (id: string) => old.byId.has(id) || (kb.byId.get(id)?.formerly ?? []).some((f) => old.byId.has(f));
    for (const item of dev.filter((i) => i.id.startsWith(`${part}-`))) {
      const inScope = kindOf(item) === 'in-scope' && (item.command !== undefined || !item.expect || item.expect.some(existed));
      const ok = (id: string) => {
        const entry = old.byId.get(id);
        return (
          inScope &&
          entry !== undefined &&
          (item.expect?.includes(became.get(id) ?? id) ?? false) &&
          missingFacts(item, `${entry.title}\n${entry.answer}`).length === 0
        );
      };
      samples.push({ from: inScope ? 'first' : 'negative', ok, ranking: engine.rank(item.q), q: item.q });
    }
  }
  return samples;
}
