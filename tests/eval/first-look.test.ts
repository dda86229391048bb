import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { realKnowledgeBase } from '../support/kb.js';
import { loadEvalSet, kindOf, type EvalItem } from './evaluate.js';
import { FIRST_LOOKS, firstLookSamples, historyAvailable } from './first-look.js';
import { tally } from './samples.js';

let kb: KnowledgeBase;
let dev: EvalItem[];
let replayed: ReturnType<typeof firstLookSamples> | undefined;
beforeAll(async () => {
  kb = await realKnowledgeBase();
  dev = await loadEvalSet('dev', kb.entries);
});
/** The replay builds a knowledge base and an engine for every listed commit: once for the whole file. */
const replay = () => (replayed ??= firstLookSamples(kb, dev, KNOWLEDGE_DIR));
/** The parts that asked who wrote the hill guide at a first look before `hill-guide-author` existed (nineteenth stop). */
const BEFORE_AUTHOR_ENTRY = ['d34', 'd35', 'd37', 'd39', 'd40', 'd44', 'd46'];
const authorQuestionAskedBefore = (i: EvalItem) =>
  i.expect?.includes('hill-guide-author') === true && BEFORE_AUTHOR_ENTRY.includes(i.id.split('-')[0]!);

describe('first looks, replayed (the thresholds are calibrated mainly on them)', () => {
  // It builds a knowledge base and an engine for every listed commit and replays ~15,000 questions: ~30 s alone, past
  // 60 s beside other test files and other work on two cores.
  it("GIVEN the git history THEN every listed part replays on its old knowledge, and today's decision holds its floor on them; without it, the replay says so", async () => {
    const samples = await replay();
    if (!historyAvailable()) {
      expect(samples).toBeUndefined();
      return;
    }
    const items = FIRST_LOOKS.flatMap(({ part }) => dev.filter((i) => i.id.startsWith(`${part}-`)));
    expect(samples).toHaveLength(items.length);
    // In scope replays as a first look, except a question whose entries were all written after it (below).
    const uncovered = items.filter((i) => authorQuestionAskedBefore(i));
    expect(samples!.filter((s) => s.from === 'first')).toHaveLength(
      items.filter((i) => kindOf(i) === 'in-scope').length - uncovered.length,
    );
    // Measured with d8–d243: 17,276 / 159 / 5,069 of 22,504 (76.8 %, 0.71 % wrong) and 128 of 9,498 negatives answered
    // (d240–d243 joined at the end of the thirty-second stop). Each new part is replayed as it came (a larger set, not a change); the
    // figures as parts joined, and why the replay's wrong share passed calibrate's 0.5 % budget with the new brief's
    // d80–d83, are in docs/first-looks.md (The replay as parts joined).
    const first = tally(
      samples!.filter((s) => s.from === 'first'),
      kb.search.decision,
    );
    const total = first.right + first.wrong + first.declined;
    expect(first.right / total).toBeGreaterThanOrEqual(0.75);
    expect(first.wrong / total).toBeLessThanOrEqual(0.008);
    const negatives = tally(
      samples!.filter((s) => s.from === 'negative'),
      kb.search.decision,
    );
    expect(negatives.wrong).toBeLessThanOrEqual(128); // of 9,498: which ones, part by part, in docs/first-looks.md (The replay as parts joined)
  }, 180_000);

  it("GIVEN questions about the hill guide's author, asked before any entry named him and labelled in scope since THEN they replay as questions their knowledge base did not cover", async () => {
    const samples = await replay();
    if (!historyAvailable()) return expect(samples).toBeUndefined();
    const asked = dev.filter((i) => i.expect?.includes('hill-guide-author'));
    // d34, d35, d37, d39, d40, d44 and d46 asked it before the entry was written, d47, d54, d53, d57, d61, d62, d65, d68, d69, d70, d71, d72, d73 and d74 after
    // (and d111–d113 at the end of the twenty-fifth stop, d121 in the twenty-sixth, d135 and d141 in the twenty-seventh, d151 and d153 in the twenty-eighth, d164, d169 and d172 in the twenty-ninth, d181 and d193 in the thirtieth, d212 in the thirty-first, d220, d221, d224 and d230 in the thirty-second);
    // all are in scope today.
    expect(asked.map((i) => i.id.split('-')[0])).toEqual([
      ...BEFORE_AUTHOR_ENTRY,
      'd47',
      'd54',
      'd53',
      'd57',
      'd61',
      'd62',
      'd65',
      'd68',
      'd69',
      'd70',
      'd71',
      'd72',
      'd73',
      'd74',
      'd111',
      'd112',
      'd113',
      'd121',
      'd135',
      'd141',
      'd151',
      'd153',
      'd164',
      'd169',
      'd172',
      'd181',
      'd193',
      'd212',
      'd220',
      'd221',
      'd224',
      'd230',
    ]);
    for (const item of asked)
      expect(samples!.find((s) => s.q === item.q)?.from).toBe(authorQuestionAskedBefore(item) ? 'negative' : 'first');
  }, 60_000);
});
