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
  // 81.6 % (18,915 of 23,166) at the end of the thirty-second stop: d218–d243 joined (first looks 52.6–93.8 %, the new
  // brief's the lowest) with the stop's cues, its six curation rounds and the level entries before /career-path. A
  // part joins after its first look on main, so
  // a new part can lower the figure without any regression; the figure as parts joined is in docs/first-looks.md (Dev as
  // parts joined).
  dev: { right: 0.8, wrong: 0.01 },
};

/**
 * Off-topic questions and traps answered, as measured (every other one must be declined; every blind one is): which
 * ones, and those answered once and declined since, part by part, are in docs/first-looks.md (Dev's negatives answered).
 */
const MEASURED_MISSES: Partial<Record<EvalSetName, { offTopic?: number; traps?: number }>> = {
  dev: { offTopic: 2, traps: 25 },
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
    // the many that reached it once and are declined since, is in docs/first-looks.md). Each is given suggestions:
    // - follow-ups the labellers made traps, since alone they name no subject (d78 "And if I don't file?", d81 "and
    //   deadline for that is?", d90 "ok optional. how much and how long does it take", d117 "do i actually need to pass
    //   the test…", d126 "about the 14 days thing i asked before…", d190 "how do I actually say it to my manager…"): the
    //   entry they lean on is a fair suggestion;
    // - a detail no entry gives: whether age counts against a 52-year-old job hunter (d90), whether a husband's
    //   documents are needed for PR (d130), the FE exam's language and next date (d188). An ALT's monthly salary
    //   direct-hire against dispatch (d101) and a 課長's typical salary (d222) reached it while the screening entry's yen
    //   figure (its ¥3M floor) let a job's market pay through; search.yaml's "a job's market pay" declines them
    //   (thirty-second stop);
    // - an off-topic question with a familiar word: until when a Chiikawa pop-up store is open in Tokyo (d92), what
    //   everyone is doing this weekend (d224: "weekend" alone, the self-audit entry's word for evenings and weekends).
    //   d116's cat that stops eating ("うちの猫が最近…") reached it until 最近 left the immigration-changes entry's
    //   phrasings (thirty-first stop).
    expect(evalNegatives.filter((i) => reached.has(i.q)).map((i) => i.id)).toEqual([
      'd78-facts-notice-not-filed-penalty',
      'd81-facts-notice-deadline',
      'd90-facts-shuro-shikaku-shomeisho-fee',
      'd90-trap-age-52-job-hunting',
      'd92-off-topic-park-chiikawa',
      'd117-hill-cert-vs-level',
      'd126-facts-notice-late-5-weeks',
      'd130-trap-pr-documents-husband',
      'd188-trap-fe-exam-english',
      'd190-promotion-how-to-phrase-ask',
      'd224-off-topic-weekend',
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
    const q = 'N2, ALT in Tokyo, no tech skills, which careers can I move into?';
    const report = await evaluate(service, [
      { id: 'labelled', q, lang: 'en' as const, expect: ['after-alt-n2'], command: 'career-path' as const },
      { id: 'unlabelled', q, lang: 'en' as const, expect: ['after-alt-n2'] },
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
