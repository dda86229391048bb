import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { realKnowledgeBase } from '../support/kb.js';
import { loadEvalSet, kindOf, type EvalItem } from './evaluate.js';
import { FIRST_LOOKS, firstLookSamples, historyAvailable } from './first-look.js';
import { tally } from './samples.js';

let kb: KnowledgeBase;
let dev: EvalItem[];
beforeAll(async () => {
  kb = await realKnowledgeBase();
  dev = await loadEvalSet('dev', kb.entries);
});

describe('first looks, replayed (the thresholds are calibrated mainly on them)', () => {
  // It builds a knowledge base and an engine for every listed commit: past the default 20 s on a loaded machine.
  it("GIVEN the git history THEN every listed part replays on its old knowledge, and today's decision holds its floor on them; without it, the replay says so", async () => {
    const samples = await firstLookSamples(kb, dev, KNOWLEDGE_DIR);
    if (!historyAvailable()) {
      expect(samples).toBeUndefined();
      return;
    }
    const items = FIRST_LOOKS.flatMap(({ part }) => dev.filter((i) => i.id.startsWith(`${part}-`)));
    expect(samples).toHaveLength(items.length);
    expect(samples!.filter((s) => s.from === 'first')).toHaveLength(items.filter((i) => kindOf(i) === 'in-scope').length);
    // Measured 1,197 / 7 / 223 of 1,427 (83.9 %, 0.5 % wrong) and 4 of 600 negatives answered (tenth stop); with d23 and
    // d24 (eleventh stop: d24 leans to long messages) 1,328 / 8 / 281 of 1,617 (82.1 %, 0.49 % wrong), 5 of 680; with d25
    // (long messages) and the margins calibrate then printed, 1,392 / 8 / 312 of 1,712 (81.3 %, 0.47 %), 5 of 720; with
    // d26 (twelfth stop) and the two-view margin 0.04 calibrate then printed, 1,480 / 9 / 318 of 1,807 (81.9 %, 0.50 %);
    // with d27 (thirteenth stop) 1,562 / 9 / 331 of 1,902 (82.1 %, 0.47 %), and 6 of 800 negatives answered: d27 brought
    // one (a national-pension sign-up trap answered from the address notice on "city hall"), a larger set, not a change;
    // with d28 1,652 / 9 / 336 of 1,997 (82.7 %, 0.45 %) and 7 of 840 (d28's "translate this pls: 猫が…" request); with d29
    // (fourteenth stop) 1,738 / 10 / 344 of 2,092 (83.1 %, 0.48 %) and 8 of 880: d29 brought one (a trap about getting
    // a hanko made and registered at city hall, answered from the address notice), a larger set, not a change; with d30
    // 1,825 / 10 / 352 of 2,187 (83.4 %, 0.46 %) and 8 of 920.
    const first = tally(
      samples!.filter((s) => s.from === 'first'),
      kb.search.decision,
    );
    const total = first.right + first.wrong + first.declined;
    expect(first.right / total).toBeGreaterThanOrEqual(0.82);
    expect(first.wrong / total).toBeLessThanOrEqual(0.005);
    const negatives = tally(
      samples!.filter((s) => s.from === 'negative'),
      kb.search.decision,
    );
    expect(negatives.wrong).toBeLessThanOrEqual(8); // of 920
  }, 60_000);
});
