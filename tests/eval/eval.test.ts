import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { createAskService, type AskService, type Drafter } from '../../src/answer/service.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { memoryLogger } from '../support/logger.js';
import { realKnowledgeBase } from '../support/kb.js';
import { evaluate, grade, kindOf, loadEvalSet, type EvalSetName } from './evaluate.js';
import { loadNegatives } from './negatives.js';
import { LONG_MESSAGE_QUESTION, NO_WINNER_QUESTION, TWO_ENTRY_QUESTION } from '../support/questions.js';

/**
 * Floors just under each set's measured figures (`npm run eval` prints them): right at least, wrong at most, and every
 * off-topic question and trap declined. Raise them when the figures improve; never lower them to make a change pass.
 */
const FLOORS: Record<EvalSetName, { right: number; wrong: number }> = {
  public: { right: 0.99, wrong: 0.01 },
  // Measured in the sixteenth stop, once the sentence a long message asks in could settle a close whole: held-out 82.5 %
  // (33 of 40), blind 84.9 % (158 of 186, read as totals only); in the eighteenth, after its recalibration, blind 158 / 0 /
  // 28 (none wrong) and held-out unchanged, then 159 / 0 / 27 (85.5 %) after a curation of the usual PR route; in the
  // twentieth, 160 / 0 / 26 (86.0 %) once a long message's whole and asked sentence could be read together; held-out
  // 85.0 % (34 of 40) in the twenty-fourth, once a word glued to a number and a Japanese counter (ALT3年目) was read as
  // both; blind 159 / 0 / 27 (85.5 %) at the end of the twenty-eighth stop, read once after its curation rounds and cues.
  // How each floor got here is in docs/quality-history.md.
  holdout: { right: 0.84, wrong: 0.03 },
  blind: { right: 0.85, wrong: 0.02 },
  // 83.1 % (7,166 of 8,624) once d88–d91 joined (the new brief, 53–57 % at their first looks); 84.4 % (6,960 of 8,248) once d84–d87 joined (the new brief, 52–65 % at their first looks); 85.6 % (6,737 of 7,871) once d80–d83 joined in the twenty-third stop (the new brief again, 36–47 % at their first
  // looks), after the clear-win easing and the politeness stopwords (87.6 %, 6,568 of 7,495, before they joined);
  // 87.4 % (6,554 of 7,495) once d76–d79 joined and the stop's last curation round landed; 87.4 % (6,552) once d76–d79 joined (a new brief: members' own messages, 46–54 % at their first looks); 89.3 % (6,358 of 7,118) with d73–d75 joined in the twenty-second stop; 89.6 % (6,122 of 6,833) with d59 and d61–d72 joined in the twenty-first stop (89.8 % with d67–d69, 89.9 % with d64–d66, 89.96 % with d61–d63, 90.4 % with d59 and /career-path after
  // an entry that clearly answers); 90.5 % (5,065 of 5,598) with d52–d58 and d60 in the
  // twentieth (91.1 % with d52–d54, 90.7 % with d55–d57;
  // 90.9 % with d44–d51 in the nineteenth). A part joins after its first look on main, so a new part can lower the figure without
  // any regression (docs/first-looks.md keeps each part's first look).
  // 81.0 % (14,875 of 18,374) with d190–d193 joined at the end of the thirtieth stop (first looks 67.4 %, 77.9 %, 88.5 % and 87.4 %);
  // 81.0 % (14,569 of 17,993) with d186–d189 joined in the thirtieth stop (first looks 64.2 %, 81.4 %, 92.7 % and 83.7 %);
  // 81.0 % (14,258 of 17,607) with d182–d185 joined in the thirtieth stop (first looks 54.6 %, 78.6 %, 86.3 % and 85.3 %);
  // 81.1 % (13,965 of 17,222) with d178–d181 joined in the thirtieth stop (first looks 57.0 %, 74.7 %, 84.2 % and 81.3 %);
  // 81.2 % (13,683 of 16,843) with d174–d177 joined at the end of the twenty-ninth stop (first looks 85.3 %, 86.6 %, 89.6 %
  // and 86.3 %); 81.1 % (13,350 of 16,460) with d170–d173 joined at the end of the twenty-ninth stop, after its curation rounds (first
  // looks 48.5 %, 73.2 %, 88.4 % and 86.3 %); 81.1 % (13,031 of 16,076) with d162–d169 joined in the twenty-ninth stop (first looks 62.8 %, 77.3 %, 91.6 % and
  // 85.4 %, then 67.4 %, 73.7 %, 83.2 % and 86.5 %); 81.2 % (12,433 of 15,314) with d154–d161 joined in the twenty-ninth stop (first looks 61.5 %, 67.7 %, 82.1 %, 88.5 %,
  // 62.1 %, 72.9 %, 86.3 % and 86.6 %); 81.5 % (11,850 of 14,548) with d150–d153 joined at the end of the twenty-eighth stop (first looks 65.6 %, 82.3 %,
  // 85.3 % and 87.5 %); 81.5 % (11,543 of 14,165) with d146–d149 joined in the twenty-eighth stop, after its two curation rounds (first looks
  // 52.1 %, 77.1 %, 84.4 % and 86.5 %); 81.3 % (11,200 of 13,781) with d142–d145 joined in the twenty-eighth stop (first looks 52.1 %, 78.9 %, 84.4 % and
  // 87.4 %); 81.4 % (10,911 of 13,399) with d138–d141 joined at the end of the twenty-seventh stop (first looks 62.6 %, 72.2 %,
  // 86.6 % and 89.5 %); 81.6 % (10,621 of 13,011) with d134–d137 joined at the end of the twenty-seventh stop (first looks 58.8 %, 77.9 %,
  // 87.4 % and 85.4 %); 81.8 % (10,325 of 12,628) with d130–d133 joined in the twenty-seventh stop, after two curation rounds (first looks 44.8 %,
  // 71.6 %, 78.9 % and 94.8 %, none wrong); 81.5 % (9,976 of 12,246) with d126–d129 joined in the twenty-seventh stop (first looks 63.2 %, 80.0 %, 84.2 % and 88.5 %);
  // 81.5 % (9,675 of 11,865) with d122–d125 joined at the end of the twenty-sixth stop (first looks 66.7 %, 87.6 %, 77.9 % and
  // 93.7 %); 81.4 % (9,345 of 11,485) with d118–d121 joined in the twenty-sixth stop (first looks 54.7 %, 68.4 %, 84.2 % and 82.1 %);
  // 81.4 % (9,035 of 11,105) with d114–d117 joined in the twenty-sixth stop (first looks 52.0 %, 68.0 %, 87.5 % and 89.4 %);
  // 81.6 % (8,750 of 10,720) with d110–d113 joined at the end of the twenty-fifth stop (first looks 56.7 %, 75.8 %,
  // 90.5 % and 93.7 %); 81.7 % (8,446 of 10,338) with d106–d109 joined at the end of the twenty-fifth stop (first looks 51.6 %, 82.1 %,
  // 81.1 % and 89.5 %); 81.8 % (8,148 of 9,958) with d102–d105 joined in the twenty-fifth stop (first looks 56.7 %, 46.9 %, 80.2 % and
  // 88.4 %); 82.4 % (7,886 of 9,574) with d98–d101 joined in the twenty-fifth stop (first looks 52.1 %, 90.5 %, 84.2 % and 71.9 %);
  // 82.4 % (7,571 of 9,192) with d96–d97 joined at the end of the twenty-fourth stop (first looks 61.1 % and 75.8 %);
  // 82.5 % (7,427 of 9,002) with d92–d95 joined in the twenty-fourth stop (their first looks 67.7 % together);
  dev: { right: 0.8, wrong: 0.01 },
};

/**
 * Off-topic questions and traps answered, as measured (every other one must be declined; every blind one is):
 * - d58's off-topic "うちの猫が急にfoodを食べなくなった、what should i do", from the bilingual-sales entry: the segmenter's
 *   single kanji (猫, 食) are dropped as verb stems, leaving "food" and "what" (keeping them was measured: dev −7);
 * - d78's trap "My Japanese partner and I aren't married… Is there any visa based on that…?", from the PR fast track,
 *   and its off-topic "anyone know if the switch 2 is cheaper here than in the US", from the immigration fees entry;
 * - d80's trap "can i start at the new company while the change of status is still processing…", from the change of
 *   status entry (when work may start is not in the sources);
 * - d82's "So in that case, is it a full change of status application, or is the 14-day notification enough?" (a
 *   follow-up the labeller made a trap: alone it names no case), from the change of status entry;
 * - d83's trap "my SES company take maybe 40% from what client pay for me. this is normal?", from the SES entry;
 * - d84–d87 (the new brief), three traps, each from the entry about its subject, though the detail asked is not in it:
 *   JET recontracting, whether Designated Activities 46 years count for PR, and what the 育成就労 system asks of host
 *   companies. Two more, the 基本情報 exam's fee and dates (from the 技人国 requirements entry) and a dispatch contract's
 *   fine for quitting mid-contract (from the job-change notice entry), are given suggestions since the twenty-seventh
 *   stop's curation rounds; the fine is declined outright since labour law on quitting joined `asksFor` (twenty-eighth).
 * - d88–d91 (the new brief), a trap: a follow-up the labeller made a trap ("what about housing allowance", from the HSP
 *   points entry). An employer's own notice when a foreign employee resigns was answered from the job-change notice entry
 *   until Hello Work (the public employment office) was listed out of scope (twenty-fifth stop). Three more, on the JET Programme's limit on years, were answered from the
 *   English-education entry until that limit was listed out of scope (twenty-third stop).
 * - d92–d95 (twenty-fourth stop; two parts of the new brief, two of the usual one), a trap measured at its first look:
 *   resident tax after leaving Japan (from the PR requirements entry). d95's "Long day. Tell me a joke about trains."
 *   was answered from the English-education entry until its phrasing "dispatch pay feels like a joke" was reworded
 *   (twenty-fifth stop).
 * - d92's "and do bonuses count toward that salary number or is it base only? I get ~¥1.2M bonus", a follow-up the
 *   labeller made a trap, answered from the HSP points entry (which has "does my bonus count as salary for HSP points?")
 *   since a number with its unit ("1.2M") counts as a number, no longer as an unknown word (twenty-fourth stop).
 * - d96's "if I take it in december when do I find out if I passed??" (end of the twenty-fourth stop; a follow-up the
 *   labeller made a trap), answered from the JLPT dates entry. Three more, measured at the first looks of d95 and d97,
 *   were declined once the pay cue let a word stand between "typical" and "salary" ("typical base salary") and asking
 *   which dispatch, eikaiwa or recruiting company is best joined the names kind ("Interac or Borderlink?").
 * Five more (d76's recruiter starting salary, d82's and d86's recruitment agencies by name, d85's localization salary,
 * d86's Osaka immigration office hours) were answered until the kinds of detail no entry gives were declined
 * (search.yaml asksFor, twenty-third stop), and two more (d88's "HOW MUCH, like actual numbers" for a bilingual sales
 * job, d94's "what's a typical salary for a bilingual recruiter") until the pay cues named typical, average or usual
 * pay and real numbers (twenty-fourth stop). Six on naturalization's own requirements, years or giving up a
 * citizenship (d84, d85, d86, d88, d92, d95), answered from the PR-or-naturalization entry (which says it does not cover
 * them), are declined since that kind of detail joined asksFor (twenty-fourth stop), and three on PR processing times
 * (d90, d91, d92: PR's is in no source; the renewal and certificate entries give theirs) since processing times did.
 * - d98 (twenty-fifth stop; the new brief), two traps measured at its first look: whether a Designated Activities 46
 *   holder can bring her husband over (from the Designated Activities 46 entry) and "Follow-up: when's the best moment
 *   to bring it up…" (a follow-up the labeller made a trap: alone it names no subject), from the promotion entry.
 * - d103 (twenty-fifth stop; the new brief): its trap "wait does my housing allowance count towards the salary part??"
 *   (a follow-up the labeller made a trap), answered from the HSP points entry (which does say housing allowances do not
 *   count) since its first look, is declined since the twenty-seventh stop's second curation round. Its off-topic "climbing gym in Osaka with english staff exists?" (from the Osaka immigration
 *   bureau entry) is declined since an answer needs its entry to cover a quarter of the question (`minCoverage`,
 *   twenty-sixth stop).
 * - d106 (end of the twenty-fifth stop; the new brief), "Ok so I should ask directly? … When is the right moment and how
 *   I say it without sounding arrogant?" (a follow-up the labeller made a trap), from the entry on asking for a promotion.
 * - d116 (twenty-sixth stop), a trap measured at its first look: "Is GaijinPot or Daijob better for finding non-teaching
 *   jobs?" (from the entry on always job hunting). Its "Tokyo の bilingual recruiter の平均年収ってどのくらい?" (from the
 *   recruiting entry) is declined since the pay cues read 平均年収 and 給料ってどのくらい as they read "average salary"
 *   (twenty-sixth stop).
 * - d118–d121 (twenty-sixth stop), measured at their first looks on ec7fa01: d118's "すみません、N1の代わりにBJTでも
 *   大丈夫ですか？" (a follow-up the labeller made a trap), from the HSP points entry; d120's "Where and when can I take
 *   the BJT, and how much does it cost?" (from the fees entry) and "週末Osakaに行くんだけど、おすすめのspotある？" (off-topic,
 *   from the Osaka bureau entry: a quarter of it is "Osaka", just enough for `minCoverage`); d121's "which online TEFL
 *   course is the cheapest one that japanese schools actually accept?" (from the teaching-certificates entry).
 * - d122 (end of the twenty-sixth stop; the new brief), measured at its first look on f04373f: "and when do the results
 *   come out for the december one??" (a follow-up the labeller made a trap), from the JLPT dates entry. Its
 *   "休みの日ひまで…Switchのおすすめゲームありますか？" (off-topic, from the self-audit entry: games in the evenings) is declined
 *   since games to play joined `outOfScope` (twenty-sixth stop).
 * - d130–d133 (twenty-seventh stop), measured at their first looks on a8622d7: d130's "JLPT exam fee how much po and
 *   where I apply? online or konbini?" (from the immigration fees entry, which gives yen amounts for other fees) and
 *   d133's "best switch games for 2 players?" (off-topic, from the localization entry), both declined since a test's
 *   fee or registration and "best games" or "switch games" joined `outOfScope` (twenty-seventh stop).
 * - d134–d137 (end of the twenty-seventh stop), measured at their first looks on 1f1d4a1: d134's "How much is a CELTA
 *   and how long does it take. Online ok?" (from the teaching-certificates entry) and "Which Tokyo staffing agencies pay
 *   recruiters the best commission?…" (from the recruiting entry), and d136's "InteracとBorderlink、ALTとして待遇いいのは
 *   どっち？" (from the instructor entry: the company cue's comparison words were English); all three are declined since
 *   the cues read "how much is a …", a word between "which" and "agencies", and Japanese comparison words.
 * - d138–d141 (end of the twenty-seventh stop), measured at their first looks on 13da0e2: d139's "I'm applying to JET for
 *   next year. What's the salary for a first-year ALT these days…?" (from the after-ALT entry), declined since "what's
 *   the salary / pay" joined the pay cues (twenty-eighth stop).
 * - d150–d153 (end of the twenty-eighth stop), measured at their first looks on 9396ecb: d152's "おすすめの派遣会社って
 *   どこですか？ブラックじゃないところがいいです。" (from the dispatch entry), declined since a recommended company of a
 *   kind joined the names cues (twenty-eighth stop).
 * - d154–d161 (twenty-ninth stop), measured at their first looks on 811e4d5: d154's "46号の在留期間は最長で何年もらえる
 *   んでしょうか？…" (from the periods-of-stay entry, which gives gijinkoku's and Instructor's lengths, not Designated
 *   Activities 46's). Three more answered then are declined since (d156's Interac and a recommended ALT company in
 *   Japanese, d158's "what does a junior bilingual B2B sales rep actually get paid in Tokyo?", d159's requirements for
 *   Japanese citizenship: twenty-ninth stop's cues), and d159's Canada Express Entry, given suggestions, since another
 *   country's immigration joined `outOfScope`.
 * - d162–d165 (twenty-ninth stop), measured at their first looks on 4acda7f: d162's "do I need to prove income for
 *   that? I've been between jobs a bit lol" (a follow-up the labeller made a trap), from the three-month rule. Its PR
 *   processing at Osaka ("how long does PR take to process…") and d165's years to naturalize, answered then, and d165's
 *   resident tax after leaving Japan, given suggestions, are declined since (twenty-ninth stop's cues).
 * - d166–d169 (twenty-ninth stop), measured at their first looks on 4690236: none answered; the four given suggestions
 *   (a spouse visa's renewal documents, Interac against a smaller dispatch company, なんか面白い話して, a nenkin refund)
 *   are declined outright since the cues they led to.
 * - d170–d173 (end of the twenty-ninth stop), measured at their first looks on 239fe7e: d170's "If I fail, next try is
 *   July? Which Sunday." (a follow-up the labeller made a trap: it never names the exam), from the JLPT dates entry. Its
 *   "how to do 帰化 what need?? years, money, test?", answered then, is declined since the naturalization cues read "how to
 *   do 帰化".
 * - d174–d177 (end of the twenty-ninth stop), measured at their first looks on eb540dd: none left. d175's "Which specific
 *   dispatch company pays the best…", d176's "ALTの派遣会社ってどこがおすすめ？Interacとかどう？" and d174's PR processing
 *   time ("How many months does it usually take to get the result?", given suggestions) are declined since the names and
 *   processing cues read them, and d175's bilingual recruiter's starting salary "in actual yen" (answered by the
 *   /career-path report) since a question declined outright is declined by the commands too.
 * - d178–d181 (thirtieth stop), measured at their first looks on 62ca50d: d178's "Follow up: how do I phrase it in the
 *   meeting so it doesn't sound arrogant?…" (a follow-up the labeller made a trap: it never says what "it" is), from the
 *   promotion-asking entry. d180's "帰化したいです。条件って何ですか？…", answered then from the comparison entry, is declined
 *   since the naturalization cues read the conditions asked a little after 帰化 (thirtieth stop).
 * - d182–d185 (thirtieth stop), measured at their first looks on 3efed68: none answered; d182's "how much is it to sign
 *   up for N3…", given suggestions, is declined since "how much is it to / for" reads as a price.
 * - d186–d189 (end of the thirtieth stop), measured at their first looks on ff29edd: none left. d188's "京都の桜ってbest
 *   な時期いつ？" and d189's "is it better to take the shinkansen or fly from tokyo to fukuoka" (off-topic, answered then)
 *   are declined since cherry blossoms and bullet trains joined `outOfScope`.
 * - d190–d193 (end of the thirtieth stop), measured at their first looks on 791511d (d190) and 18698e6: d192's "What's
 *   the typical monthly salary for a first-year ALT at Interac?" and "Tokyoでbilingual recruiterやると年収だいたい何万円
 *   くらい？" and d193's "会社を辞めたら住民税の支払いってどうなりますか？", answered then, are declined since the cues read
 *   what a named employer pays, an amount in man-yen and resident tax after quitting (thirtieth stop).
 * d27's trap "quit my job, how do i sign up for 国民年金 now? just go to city hall?", answered from the address notice on
 * "city hall" (pensions are in the domain, as part of the residency rules, so the subject cannot be listed out of scope),
 * is declined since a question about resident tax, a pension or health insurance is answered only by an entry that talks
 * about it (search.yaml asksFor, twenty-seventh stop).
 * d49's trap "my dispatch company says i have to pay a penalty if i quit before my contract ends…" (labour law), from
 * the dispatch entry, was given suggestions (declined outright since labour law on quitting joined `asksFor`,
 * twenty-eighth stop), and d77's "if i change company does immigration inform my current SES
 * boss?…", from the SES entry, is declined since the twenty-seventh stop's curation round (phrasings that moved their
 * entries' scores, none about either subject).
 * d118's "If I leave Japan can I get my pension payments back?", answered from the PR requirements entry (which names
 * pension payments), is declined since "pension payments back" joined the lump-sum refund's phrases out of scope
 * (twenty-seventh stop).
 * d113's "which SES companies in tokyo are actually decent to work for? names pls", answered from the SES entry when it
 * joined, is declined since the names cue reads "pls" and "plz" as "please" (twenty-fifth stop).
 * d62's trap "…Moving to rural Hokkaido for an ALT job… How do I convert my US license, is there a test?" (from the
 * rural-ALT entry) is declined since "US license" and "Japanese license" joined the driving-licence phrases out of scope
 * (twenty-fifth stop).
 * d93's trap on the BJT's next date (from the Designated Activities 46 entry, which names the BJT) is declined since
 * Japanese question words are read (twenty-fifth stop: いつ as "when" moved its score under the floor).
 */
const MEASURED_MISSES: Partial<Record<EvalSetName, { offTopic?: number; traps?: number }>> = {
  dev: { offTopic: 3, traps: 23 },
};

let service: AskService;
let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledgeBase();
  service = createAskService({ engine: createAnswerEngine(kb), logger: memoryLogger('silent').logger });
});

describe.each(Object.keys(FLOORS) as EvalSetName[])('the %s evaluation set', (name) => {
  it(`answers at least ${FLOORS[name].right * 100} % right and at most ${FLOORS[name].wrong * 100} % wrong, and declines every off-topic question and trap`, async () => {
    const report = await evaluate(service, await loadEvalSet(name, kb.entries));
    const { right, wrong, total } = report.inScope;
    expect(right / total).toBeGreaterThanOrEqual(FLOORS[name].right);
    expect(wrong / total).toBeLessThanOrEqual(FLOORS[name].wrong);
    const misses = MEASURED_MISSES[name] ?? {};
    expect(report.offTopic.declined).toBeGreaterThanOrEqual(report.offTopic.total - (misses.offTopic ?? 0));
    expect(report.traps.declined).toBeGreaterThanOrEqual(report.traps.total - (misses.traps ?? 0));
    // The dev set (~4,000 questions) takes ~20 s alone, more beside other test files: past vitest's default here.
  }, 120_000);
});

describe('the sets have the promised shape', () => {
  it.each(['public', 'blind', 'dev'] as const)(
    '%s: every label names a live entry (an entry merged away resolves through `formerly`)',
    async (name) => {
      const live = new Set(kb.entries.map((e) => e.id));
      const dangling = (await loadEvalSet(name, kb.entries)).flatMap((i) =>
        (i.expect ?? []).filter((id) => !live.has(id)).map((id) => `${i.id}: ${id}`),
      );
      expect(dangling).toEqual([]);
    },
  );

  it('public: 80+ questions, 10+ Japanese, 10+ off-topic, every in-scope question labelled with its entries', async () => {
    const items = await loadEvalSet('public');
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(items.filter((i) => i.lang === 'ja').length).toBeGreaterThanOrEqual(10);
    expect(items.filter((i) => kindOf(i) === 'off-topic').length).toBeGreaterThanOrEqual(10);
    for (const i of items.filter((x) => kindOf(x) === 'in-scope')) expect(i.expect?.length, i.id).toBeGreaterThan(0);
  });

  it('blind: 150+ questions, 20+ Japanese, 25+ off-topic, 15+ traps, every in-scope question labelled', async () => {
    const items = await loadEvalSet('blind');
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(items.filter((i) => i.lang === 'ja').length).toBeGreaterThanOrEqual(20);
    expect(items.filter((i) => kindOf(i) === 'off-topic').length).toBeGreaterThanOrEqual(25);
    expect(items.filter((i) => kindOf(i) === 'trap').length).toBeGreaterThanOrEqual(15);
    for (const i of items.filter((x) => kindOf(x) === 'in-scope')) expect(i.expect, i.id).toBeDefined();
  });

  it('dev: 350+ questions, 70+ Japanese, 45+ off-topic, 45+ traps, every in-scope question labelled with its entries', async () => {
    const items = await loadEvalSet('dev');
    expect(items.length).toBeGreaterThanOrEqual(350);
    expect(items.filter((i) => i.lang === 'ja').length).toBeGreaterThanOrEqual(70);
    expect(items.filter((i) => kindOf(i) === 'off-topic').length).toBeGreaterThanOrEqual(45);
    expect(items.filter((i) => kindOf(i) === 'trap').length).toBeGreaterThanOrEqual(45);
    for (const i of items.filter((x) => kindOf(x) === 'in-scope')) expect(i.expect?.length, i.id).toBeGreaterThan(0);
  });
});

describe('the LLM fallback sees only questions inside the domain', () => {
  /** A hand-made drafter that records every question it is asked and drafts nothing. */
  const recording = () => {
    const asked: string[] = [];
    const drafter: Drafter = {
      draft(question) {
        asked.push(question);
        return Promise.resolve({ kind: 'insufficient' });
      },
    };
    return { asked, drafter };
  };

  it('GIVEN every off-topic question and trap of the public, blind, dev and calibration sets THEN none reaches the drafter', async () => {
    const { asked, drafter } = recording();
    const s = createAskService({ engine: createAnswerEngine(await realKnowledgeBase()), logger: memoryLogger('silent').logger, drafter });
    const evalNegatives = [
      ...(await loadEvalSet('public')).filter((i) => kindOf(i) !== 'in-scope'),
      ...(await loadEvalSet('blind')).filter((i) => kindOf(i) !== 'in-scope'),
      ...(await loadEvalSet('dev')).filter((i) => kindOf(i) !== 'in-scope'),
    ];
    const negatives = [...evalNegatives, ...(await loadNegatives())];
    for (const n of negatives) await s.ask(n.q, { origin: 'slash' });
    // `npm run calibrate` allows 2 % of its own negatives (written to look like member questions) past the gate;
    // the evaluation sets' off-topic questions and traps allow none but those listed below, as measured. d27's "why did
    // my resident tax jump so much in my 2nd year?? is that normal" (a dev trap, measured once when d27 joined in the
    // thirteenth stop) scored 0.396 for the job-change entry, over the suggestion gate's 0.38 — which in-scope questions
    // that span two entries sit just above (0.400 in tests/llm), so no gate separated them — until resident tax joined
    // asksFor (twenty-seventh stop): the job-change entry never mentions tax.
    expect(asked.length).toBeLessThanOrEqual(Math.floor(negatives.length * 0.02));
    const reached = new Set(asked);
    // The evaluation sets' negatives that reach it, as measured when each part joined dev (each stop's history, including
    // the many that reached it once and are declined since, is in docs/quality-history.md). Each is given suggestions:
    // - follow-ups the labellers made traps, since alone they name no subject (d78 "And if I don't file?", d81 "and
    //   deadline for that is?", d90 "ok optional. how much and how long does it take", d117 "do i actually need to pass
    //   the test…", d126 "about the 14 days thing i asked before…", d190 "how do I actually say it to my manager…"): the
    //   entry they lean on is a fair suggestion;
    // - a detail no entry gives: whether age counts against a 52-year-old job hunter (d90), an ALT's monthly salary
    //   direct-hire against dispatch (d101: its best entry gives a yen figure, the pay floor of screening, so the pay cue
    //   lets it through), whether a husband's documents are needed for PR (d130), the FE exam's language and next date
    //   (d188);
    // - two off-topic questions with a familiar word: until when a Chiikawa pop-up store is open in Tokyo (d92), a cat
    //   that stops eating (d116, in Japanese).
    expect(evalNegatives.filter((i) => reached.has(i.q)).map((i) => i.id)).toEqual([
      'd78-facts-notice-not-filed-penalty',
      'd81-facts-notice-deadline',
      'd90-facts-shuro-shikaku-shomeisho-fee',
      'd90-trap-age-52-job-hunting',
      'd92-off-topic-park-chiikawa',
      'd101-trap-alt-salary-figures',
      'd116-off-topic-cat-food',
      'd117-hill-cert-vs-level',
      'd126-facts-notice-late-5-weeks',
      'd130-trap-pr-documents-husband',
      'd188-trap-fe-exam-english',
      'd190-promotion-how-to-phrase-ask',
    ]);
    // ~4,000 questions through the whole service: past the default 20 s beside other test files on two loaded cores.
  }, 120_000);

  it('GIVEN in-scope questions whose top entries are close (tied, a near tie, or a long message under the usual floor) THEN they reach the drafter', async () => {
    const { asked, drafter } = recording();
    const s = createAskService({ engine: createAnswerEngine(await realKnowledgeBase()), logger: memoryLogger('silent').logger, drafter });
    for (const q of [NO_WINNER_QUESTION, TWO_ENTRY_QUESTION, LONG_MESSAGE_QUESTION]) await s.ask(q, { origin: 'slash' });
    expect(asked).toEqual([NO_WINNER_QUESTION, TWO_ENTRY_QUESTION, LONG_MESSAGE_QUESTION]);
  });

  it('GIVEN a long message no entry clearly answers, without the fallback THEN it is declined with the close entries as suggestions', async () => {
    const reply = await service.ask(LONG_MESSAGE_QUESTION, { origin: 'cli' });
    expect(reply.ok && reply.view.answered).toBe(false);
    expect(reply.ok ? reply.view.related.map((e) => e.id) : []).toContain('after-alt-it-tech');
  });
});

describe('declined questions whose suggestions hold the answer', () => {
  it('GIVEN a question spanning two entries THEN it is declined, and counted as suggesting the right entry only when an expected entry is among the suggestions', async () => {
    const q = NO_WINNER_QUESTION;
    const reply = await service.ask(q, { origin: 'cli' });
    const suggested = reply.ok ? reply.view.related.map((e) => e.id) : [];
    expect(suggested.length).toBeGreaterThanOrEqual(2);
    const item = { id: 'near-tie', q, lang: 'en' as const };
    const report = await evaluate(service, [
      { ...item, expect: [suggested[1]!] },
      { ...item, id: 'elsewhere', expect: ['three-month-rule'] },
    ]);
    expect(report.outcomes.map((o) => [o.verdict, o.suggestedRight])).toEqual([
      ['declined', true],
      ['declined', false],
    ]);
    expect(report.inScope).toMatchObject({ declined: 2, suggestingRight: 1 });
  });

  it('GIVEN a question a rule command answers THEN the outcome names the command (what --verbose prints), and it is right only for an item labelled with it', async () => {
    const q = 'eikaiwa teacher, N4-ish, no other real skills tbh. what can i realistically do besides teaching?';
    const report = await evaluate(service, [
      { id: 'labelled', q, lang: 'en' as const, expect: ['after-alt-below-n3'], command: 'career-path' as const },
      { id: 'unlabelled', q, lang: 'en' as const, expect: ['after-alt-below-n3'] },
    ]);
    expect(report.outcomes.map((o) => [o.verdict, o.command])).toEqual([
      ['right', 'career-path'],
      ['wrong', 'career-path'],
    ]);
  });
});

describe('grading', () => {
  const item = { id: 'x', q: 'q', lang: 'en' as const, expect: ['job-change-notification'], facts: [['14 days', '14-day'], 'notif'] };
  it('is right only from an expected entry with every fact (any alternative, any case)', () => {
    expect(
      grade(item, { answered: true, text: 'File a NOTIFICATION within 14-day limit', entryIds: ['job-change-notification'] }).verdict,
    ).toBe('right');
    expect(grade(item, { answered: true, text: 'File a notification soon', entryIds: ['job-change-notification'] })).toEqual({
      verdict: 'wrong',
      missing: ['14 days | 14-day'],
    });
    expect(grade(item, { answered: true, text: 'within 14 days, notification', entryIds: ['three-month-rule'] }).verdict).toBe('wrong');
    expect(grade(item, { answered: false, text: 'within 14 days, notification', entryIds: [] }).verdict).toBe('declined');
  });
  it('counts an answered off-topic question or trap as wrong, a declined one as declined', () => {
    const off = { id: 'y', q: 'ramen?', kind: 'off-topic' as const, lang: 'en' as const };
    expect(grade(off, { answered: false, text: '', entryIds: [] }).verdict).toBe('declined');
    expect(grade({ ...off, kind: 'trap' }, { answered: true, text: 'some entry', entryIds: ['x'] }).verdict).toBe('wrong');
  });
});
