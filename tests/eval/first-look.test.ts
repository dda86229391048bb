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
    // Measured with d8–d193: 13,575 / 131 / 4,006 of 17,712 (76.6 %, 0.74 % wrong) and 108 of 7,485 negatives answered
    // (d190–d193 joined at the end of the thirtieth stop); with d8–d189: 13,270 / 130 / 3,931 of 17,331 (76.6 %, 0.75 % wrong) and 105 of 7,324 negatives answered
    // (d186–d189 joined in the thirtieth stop); with d8–d185: 12,962 / 127 / 3,856 of 16,945 (76.5 %, 0.75 % wrong) and 103 of 7,164 negatives answered
    // (d182–d185 joined in the thirtieth stop); with d8–d181: 12,671 / 125 / 3,764 of 16,560 (76.5 %, 0.75 % wrong) and 103 of 7,004 negatives answered
    // (d178–d181 joined in the thirtieth stop); with d8–d177: 12,389 / 122 / 3,670 of 16,181 (76.6 %, 0.75 % wrong) and 101 of 6,841 negatives answered
    // (d174–d177 joined at the end of the twenty-ninth stop); with d8–d173: 12,056 / 119 / 3,623 of 15,798 (76.3 %, 0.75 % wrong) and 99 of 6,681 negatives answered
    // (d170–d173 joined at the end of the twenty-ninth stop); with d8–d169: 11,774 / 116 / 3,524 of 15,414 (76.4 %, 0.75 % wrong) and 97 of 6,520 negatives answered
    // (d162–d169 joined in the twenty-ninth stop); with d8–d165: 11,481 / 113 / 3,439 of 15,033 (76.4 %, 0.75 % wrong) and 97 of 6,360 negatives answered; with d8–d161: 11,179 / 111 / 3,361 of 14,651 (76.3 %, 0.76 % wrong) and 94 of 6,198 negatives answered
    // (d154–d161 joined in the twenty-ninth stop); with d8–d153: 10,600 / 108 / 3,177 of 13,885 (76.3 %, 0.78 % wrong) and 90 of 5,877 negatives answered
    // (d150–d153 joined at the end of the twenty-eighth stop); with d8–d149: 10,294 / 105 / 3,103 of 13,502 (76.2 %, 0.78 % wrong) and 89 of 5,717 negatives answered
    // (d146–d149 joined in the twenty-eighth stop); with d8–d145: 10,007 / 103 / 3,008 of 13,118 (76.3 %, 0.79 % wrong) and 89 of 5,557 negatives answered
    // (d142–d145 joined in the twenty-eighth stop); with d8–d141: 9,720 / 97 / 2,919 of 12,736 (76.3 %, 0.76 % wrong) and 88 of 5,397 negatives answered
    // (d138–d141 joined at the end of the twenty-seventh stop); with d8–d137: 9,422 / 93 / 2,833 of 12,348 (76.3 %, 0.75 % wrong) and 87 of 5,237 negatives answered
    // (d134–d137 joined at the end of the twenty-seventh stop); with d8–d133: 9,128 / 91 / 2,746 of 11,965 (76.3 %, 0.76 % wrong) and 84 of 5,077 negatives answered
    // (d130–d133 joined in the twenty-seventh stop); with d8–d129: 8,851 / 91 / 2,641 of 11,583 (76.4 %, 0.79 % wrong) and 82 of 4,917 negatives answered
    // (d126–d129 joined in the twenty-seventh stop); with d8–d125: 8,550 / 89 / 2,563 of 11,202 (76.3 %, 0.79 % wrong) and 80 of 4,756 negatives answered
    // (d122–d125 joined at the end of the twenty-sixth stop); with d8–d121: 8,219 / 86 / 2,517 of 10,822 (75.9 %, 0.79 % wrong) and 78 of 4,593 negatives answered
    // (d118–d121 joined in the twenty-sixth stop, on 7587fb2), 8,242 / 86 / 2,494 (76.2 %) once `longMessage` had an 11-word tier; with d8–d117: 7,887 / 80 / 2,475 of 10,442 (75.5 %, 0.77 % wrong) and 73 of 4,357 negatives answered
    // (d114–d117 joined in the twenty-sixth stop), 7,945 / 80 / 2,417 (76.1 %) once `longMessage` joined; with d8–d113: 7,602 / 77 / 2,378 of 10,057 (75.6 %, 0.77 % wrong) and 73 of 4,269
    // negatives answered (d110–d113 joined at the end of the twenty-fifth stop; 71 once `minCoverage` joined); with d8–d109: 7,304 / 74 / 2,297 of 9,675 (75.5 %, 0.76 % wrong) and 72 of 4,109 negatives answered (d106–
    // d109 joined at the end of the twenty-fifth stop); with d8–d105: 7,017 / 71 / 2,207 of 9,295 (75.5 %, 0.76 % wrong) and 68 of 3,948 negatives answered (d102–
    // d105 joined in the twenty-fifth stop); with d8–d101: 6,759 / 68 / 2,084 of 8,911 (75.9 %, 0.76 % wrong) and 64 of 3,786 negatives answered (d98–
    // d101 joined in the twenty-fifth stop); with d8–d97: 6,475 / 65 / 1,989 of 8,529 (75.9 %, 0.76 % wrong) and 58 of 3,625 negatives answered (d96 and
    // d97 joined at the end of the twenty-fourth stop); with d8–d95: 6,346 / 64 / 1,929 of 8,339 (76.1 %, 0.77 % wrong) and 55 of 3,544 negatives answered after
    // the twenty-fourth stop's reading of glued words and numbers with units; 6,327 / 65 / 1,947 (75.9 %, 0.78 %) and 54 when d92–d95
    // joined in the twenty-fourth stop: two parts of the new brief and two of the usual one); with d8–d91: 6,074 / 61 /
    // 1,826 of 7,961 (76.3 %, 0.77 %, 46 negatives); with
    // d8–d87: 5,871 / 55 / 1,659 of 7,585 (77.4 %, 0.73 %, 37 negatives); with
    // d8–d83: 5,656 / 47 / 1,505 of 7,208 (78.5 %, 0.65 %, 26 negatives); with
    // d8–d79, 5,485 / 33 / 1,314 of 6,832 (80.3 %, 0.48 %, 22 negatives); with d8–d75, before the new brief's parts
    // d76–d83: 82.1 %, 0.39 %, 18. The new brief's parts are answered wrongly ~3 % of the time at their first looks, so
    // the replay's wrong share passed calibrate's 0.5 % budget with d80–d83; the setting calibrate then prints was
    // measured and not taken (docs/quality-history.md, twenty-third stop). Each new part is replayed as it came (a larger
    // set, not a change).
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
    expect(negatives.wrong).toBeLessThanOrEqual(108); // of 7,485 (d39's guide-author trap made it 11, d42's netflix renewal 12, d46's guide-author trap 13, d49's dispatch quit penalty 14, d58's cat that stopped eating 15, d62's US licence conversion and d63's marriage registration 17, d67's yoga instructor 18, d76's bilingual recruiter's starting salary 19, d77's whether immigration tells the current employer 20, d78's Switch 2 price and visa for an unmarried partner 22, d80's starting work before the change of status, d82's context-less follow-up and recruiting agencies by name, d83's SES margin 26, d84–d87's eleven traps 37, d88–d91's nine 46, d92–d95's eight 54: naturalization's requirements twice, PR processing times, a recruiter's salary, the BJT's next date, resident tax after leaving, the best dispatch companies and a joke about trains; 55 once a number with its unit counted as a number: d92's follow-up on whether bonuses count, answered from the HSP points entry that covers it; d96–d97's three 58: a context-less follow-up on when JLPT results come, answered from the dates entry, an Interac-or-Borderlink trap and a recruiter's typical base salary; PR processing in Nagoya was given suggestions; d98–d101's six 64: a follow-up the labeller made a trap (when to ask for a promotion), whether a Designated Activities 46 holder can bring her husband, Netflix films, whether Interac is a good company twice and a recruiter's expected salary; d102–d105's four 68: which dispatch company pays the most, a climbing gym in Osaka, a follow-up the labeller made a trap on whether a housing allowance counts, and a spouse visa's documents; d106–d109's four 72: a company's notice to Hello Work, a context-less follow-up on when to ask, sushi in Osaka and how long the special re-entry permit allows abroad; d110–d113's one 73: SES companies in Tokyo, "names pls"; 71 once an answer needs its entry to cover a quarter of the question: a climbing gym and sushi in Osaka; d114–d117's two 73: a bilingual recruiter's average salary in Tokyo, asked in Japanese and English mixed, and whether GaijinPot or Daijob is better; d118–d121's five 78: a pension lump-sum refund, a follow-up the labeller made a trap on the BJT score instead of N1, the BJT's dates and fee, the cheapest online TEFL course, and a weekend trip to Osaka; d122–d125's two 80: a follow-up the labeller made a trap on when the December results come, and a Switch game to recommend, in Japanese; d126–d129's two 82, on the knowledge of their first looks: which of TEFL or CELTA is cheaper, "actual prices pls", and resident tax after leaving Japan, both declined by today's asksFor; d130–d133's two 84: the JLPT exam fee and where to apply, from the fees entry, and "best switch games for 2 players?", from the localization entry; d134–d137's three 87: what a CELTA costs and how long it takes, which Tokyo staffing agencies pay recruiters the best commission, and Interac or Borderlink in Japanese, "InteracとBorderlink、ALTとして待遇いいのはどっち？"; d138–d141's one 88: a first-year JET ALT's salary and whether it rises on recontracting, from the after-ALT entry; d142–d145's one 89: a spouse visa's requirements and documents, in English and Japanese mixed, from the renewal documents entry, declined by today's asksFor; d146–d149 none; d150–d153's one 90: おすすめの派遣会社ってどこですか？, from the dispatch entry; d154–d161's four 94: how long a Designated Activities 46 holder's period of stay can be, from the periods-of-stay entry (which gives gijinkoku's and Instructor's), and three declined by today's cues: Interac and a recommended ALT company in Japanese, what a junior bilingual sales rep actually gets paid, the requirements for Japanese citizenship; d162–d165's three 97: PR processing at Osaka immigration ("how long does PR take to process") and a follow-up the labeller made a trap ("do I need to prove income for that?", from the three-month rule), both from d162, and the years naturalization needs, from the comparison entry; the first and the last declined by today's cues; d166–d169 none; d170–d173's two 99: a follow-up the labeller made a trap ("If I fail, next try is July? Which Sunday.", from the JLPT dates entry) and how to do 帰化, from the comparison entry, declined by today's cues; d174–d177's two 101: which specific dispatch company pays and treats ALTs best, from the dispatch entry, and "ALTの派遣会社ってどこがおすすめ？Interacとかどう？", from the instructor entry, both declined by today's names cues; d178–d181's two 103: a follow-up the labeller made a trap ("how do I phrase it in the meeting so it doesn't sound arrogant?", from the promotion-asking entry) and "帰化したいです。条件って何ですか？", from the comparison entry, declined by today's naturalization cues; d182–d185 none; d186–d189's two 105: two off-topic questions on travel, "京都の桜ってbestな時期いつ？" (from the promotion-asking entry's "best timing") and "is it better to take the shinkansen or fly from tokyo to fukuoka" (from the Tokyo-or-regional entry), both declined since cherry blossoms and bullet trains joined `outOfScope`; d190–d193's three 108: d192's Interac ALT salary and a Tokyo recruiter's pay in man-yen, and d193's resident tax after quitting, all declined by today's cues)
  }, 180_000);

  it("GIVEN questions about the hill guide's author, asked before any entry named him and labelled in scope since THEN they replay as questions their knowledge base did not cover", async () => {
    const samples = await replay();
    if (!historyAvailable()) return expect(samples).toBeUndefined();
    const asked = dev.filter((i) => i.expect?.includes('hill-guide-author'));
    // d34, d35, d37, d39, d40, d44 and d46 asked it before the entry was written, d47, d54, d53, d57, d61, d62, d65, d68, d69, d70, d71, d72, d73 and d74 after
    // (and d111–d113 at the end of the twenty-fifth stop, d121 in the twenty-sixth, d135 and d141 in the twenty-seventh, d151 and d153 in the twenty-eighth, d164, d169 and d172 in the twenty-ninth);
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
    ]);
    for (const item of asked)
      expect(samples!.find((s) => s.q === item.q)?.from).toBe(authorQuestionAskedBefore(item) ? 'negative' : 'first');
  }, 60_000);
});
