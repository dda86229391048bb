import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine, type AnswerEngine } from '../../src/answer/engine.js';
import { createAskService, type AskService } from '../../src/answer/service.js';
import * as careerPath from '../../src/cli/career-path.js';
import * as hspPoints from '../../src/cli/hsp-points.js';
import { answerJson } from '../../src/cli/render.js';
import * as visaCheck from '../../src/cli/visa-check.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import type { RuleCommand } from '../../src/kb/understand.js';
import type { Inputs } from '../../src/understand/decide.js';
import { createUnderstander, type Understander } from '../../src/understand/index.js';
import { memoryLogger } from '../support/logger.js';
import { realKnowledgeBase } from '../support/kb.js';
import { CASES, type Case } from './cases.js';

let kb: KnowledgeBase;
let understander: Understander;
let service: AskService;
let engine: AnswerEngine;
beforeAll(async () => {
  kb = await realKnowledgeBase();
  understander = createUnderstander(kb.understand);
  engine = createAnswerEngine(kb);
  service = createAskService({ engine, logger: memoryLogger('silent').logger });
});

/** The command line a member would type for these option values: `--age 30 --degree master … --japanese-degree`. */
const argvOf = (inputs: Inputs) =>
  Object.entries(inputs).flatMap(([flag, v]) => (v === true ? [`--${flag}`] : v === false ? [] : [`--${flag}`, String(v)]));
const CLI: Record<RuleCommand, (argv: string[], kb: KnowledgeBase) => { stdout: string; exitCode: number }> = {
  'hsp-points': hspPoints.run,
  'visa-check': visaCheck.run,
  'career-path': careerPath.run,
};
/** The command's own JSON answer (the CLI subcommand) for the inputs a member would type. */
function commandAnswer(c: Case) {
  const r = CLI[c.command!](['--json', ...argvOf(c.inputs!)], kb);
  expect(r.exitCode, r.stdout).toBe(0);
  return JSON.parse(r.stdout) as { text: string; total?: number; verdict?: string; paths?: { id: string; status: string }[] };
}

const commands = CASES.filter((c) => c.command);
const complete = commands.filter((c) => c.missing?.length === 0);
const incomplete = commands.filter((c) => (c.missing?.length ?? 0) > 0);

describe('the question set', () => {
  it('has 60+ questions, a third of them Japanese or mixed, each command answered and asked about, and questions for no command', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(CASES.filter((c) => c.lang !== 'en').length).toBeGreaterThanOrEqual(CASES.length / 3);
    for (const command of ['hsp-points', 'visa-check', 'career-path'] as const) {
      expect(complete.filter((c) => c.command === command).length, command).toBeGreaterThanOrEqual(8);
      expect(incomplete.filter((c) => c.command === command).length, command).toBeGreaterThanOrEqual(2);
    }
    expect(CASES.filter((c) => !c.command).length).toBeGreaterThanOrEqual(8);
  });
});

describe('reading a free-form question', () => {
  it.each(CASES.map((c) => [c.q, c] as const))('%s', (_, c) => {
    const u = understander.understand(c.q);
    if (!c.command) return expect(u).toBeUndefined();
    expect(u?.command).toBe(c.command);
    expect(u?.inputs).toEqual(c.inputs);
    expect(u?.missing.map((m) => m.flag)).toEqual(c.missing);
  });
});

describe('the reply to a question with every fact is the command’s own answer for those inputs', () => {
  it.each(complete.map((c) => [c.q, c] as const))('%s', async (_, c) => {
    const own = commandAnswer(c);
    const r = await service.ask(c.q, { origin: 'cli' });
    const json = answerJson(r.ok ? r.view : (undefined as never), kb) as ReturnType<typeof answerJson> & {
      command?: string;
      inputs?: Inputs;
    };
    // /career-path goes after an entry that clearly answers (understand.yaml `entryFirst`), and after the entry for the
    // level read when it leads the close entries (`leadEntries`): the entry, then the offer.
    const searched = engine.answer(c.q);
    const levelEntry = kb.understand.commands['career-path'].leadEntries.jlpt?.[String(c.inputs?.jlpt)];
    const led = !searched.answered && levelEntry !== undefined && searched.suggestions[0]?.id === levelEntry;
    if (c.command === 'career-path' && (searched.answered || led)) {
      expect(json).toMatchObject({ answered: true, mode: 'knowledge', command: c.command, inputs: c.inputs, missing: [] });
      expect(json.sources.map((s) => s.id)).toEqual([searched.answered ? searched.entry!.id : levelEntry]);
      expect(json.text).toContain(`/career-path for your own case`);
      return;
    }
    expect(json).toMatchObject({ answered: true, mode: 'rules', command: c.command, inputs: c.inputs, confidence: 1 });
    expect(json.text.startsWith('I read: ')).toBe(true);
    expect(json.text).toContain(own.text); // the command's whole answer, as its own renderer writes it
    const run = r.ok ? r.view.rules?.run : undefined;
    if (run?.command === 'hsp-points') {
      expect(run.outcome.total).toBe(own.total);
      if (c.result?.total !== undefined) expect(run.outcome.total).toBe(c.result.total);
    } else if (run?.command === 'visa-check') {
      expect(run.result.verdict).toBe(own.verdict);
      if (c.result?.verdict !== undefined) expect(run.result.verdict).toBe(c.result.verdict);
    } else {
      expect(run?.result.paths.map((p) => [p.id, p.status])).toEqual(own.paths?.map((p) => [p.id, p.status]));
      if (c.result?.open) expect(run?.result.paths.filter((p) => p.status === 'open').map((p) => p.id)).toEqual(c.result.open);
    }
  });
});

describe('a question with a fact missing or unclear is never guessed', () => {
  it.each(incomplete.map((c) => [c.q, c] as const))('%s', async (_, c) => {
    const r = await service.ask(c.q, { origin: 'cli' });
    const json = answerJson(r.ok ? r.view : (undefined as never), kb) as ReturnType<typeof answerJson> & {
      command?: string;
      inputs?: Inputs;
      missing?: string[];
    };
    expect(json).toMatchObject({ command: c.command, inputs: c.inputs, missing: c.missing });
    // Either the reply is about the missing facts, or the knowledge base answers and they follow.
    expect(json.mode === 'rules' ? json.answered : json.mode).toBe(json.mode === 'rules' ? false : 'knowledge');
    for (const flag of c.missing!) expect(json.text).toContain(`• ${flag}: `);
    expect(json.text).toContain(`npm run -s cli -- ${c.command}`);
  });
});

describe('career options named only in the member’s situation', () => {
  const CONTEXT_ONLY = 'ALT with N2, want to get into translation after alt. Is the work drying up because of AI?';
  const ASKED = 'Been an ALT for 3 years and I have N2. What jobs can I get outside teaching?';

  it('reads the facts, but marks the cue as context when the sentence asked in names no career request', () => {
    expect(understander.understand(CONTEXT_ONLY)).toMatchObject({ command: 'career-path', cueInContext: true });
    expect(understander.understand(ASKED)?.cueInContext).toBeUndefined();
    expect(understander.understand('ex-ALT with N3, what jobs can I get?')?.cueInContext).toBeUndefined();
  });

  it('GIVEN an entry clearly answers what is asked THEN that entry answers, not the /career-path report', async () => {
    const r = await service.ask(CONTEXT_ONLY, { origin: 'cli' });
    expect(r.ok && r.view).toMatchObject({ mode: 'knowledge', answered: true, entryIds: ['after-alt-translation'] });
    expect(r.ok && r.view.rules).toBeUndefined();
  });

  it('GIVEN career options are asked for and an entry clearly answers THEN the entry answers, and /career-path follows as an offer for the member’s own case', async () => {
    const r = await service.ask(ASKED, { origin: 'cli' });
    expect(r.ok && r.view).toMatchObject({ mode: 'knowledge', answered: true, entryIds: ['after-alt-n2'] });
    expect(r.ok && r.view.rules).toMatchObject({ command: 'career-path', inputs: { jlpt: 'N2', background: 'alt' }, missing: [] });
    const json = answerJson(r.ok ? r.view : (undefined as never), kb);
    expect(json).toMatchObject({ mode: 'knowledge', command: 'career-path', inputs: { jlpt: 'N2', background: 'alt' }, missing: [] });
    expect(json.text).toContain('/career-path for your own case');
    expect(json.text).toContain('npm run -s cli -- career-path --jlpt N2 --background alt');
  });

  it('GIVEN a yes-or-no question about one level that its entry answers THEN the entry answers, not the report of every path', async () => {
    for (const [q, entry] of [
      ['does N1 basically guarantee a good job after ALT?', 'after-alt-n1'],
      ['N1を取れば、ALTの後の就職はかなり楽になりますか？', 'after-alt-n1'],
    ] as const) {
      const r = await service.ask(q, { origin: 'cli' });
      expect(r.ok && r.view, q).toMatchObject({ mode: 'knowledge', answered: true, entryIds: [entry] });
    }
  });

  it('GIVEN career options are asked for and no entry clearly answers or is the level entry leading THEN the /career-path report answers', async () => {
    const q = 'N2, ALT in Tokyo, no tech skills, which careers can I move into?';
    const r = await service.ask(q, { origin: 'cli' });
    expect(r.ok && r.view).toMatchObject({ mode: 'rules', answered: true, rules: { command: 'career-path', inputs: { jlpt: 'N2' } } });
  });

  it("GIVEN a question the entry for the member's own level answers, though not clearly THEN that entry answers and /career-path follows as an offer", async () => {
    // The report answered before leadEntries: it lists every path for N1, not whether N1 makes the job hunt easy.
    const q = "I'm an ALT with N1 now, does N1 actually make the job hunt after ALT easy?";
    expect(engine.answer(q)).toMatchObject({ answered: false });
    const r = await service.ask(q, { origin: 'cli' });
    expect(r.ok && r.view).toMatchObject({ mode: 'knowledge', answered: true, entryIds: ['after-alt-n1'] });
    expect(r.ok && r.view.rules).toMatchObject({ command: 'career-path', inputs: { jlpt: 'N1' } });
    // The level read decides which entry may lead: the N1 entry leads the close entries here too, but for an N3 member.
    const n3 = 'ALT, I have N3. would passing N1 make the job hunt after ALT easy?';
    expect(engine.answer(n3).suggestions[0]?.id).toBe('after-alt-n1');
    const other = await service.ask(n3, { origin: 'cli' });
    expect(other.ok && other.view).toMatchObject({ mode: 'rules', rules: { command: 'career-path', inputs: { jlpt: 'N3' } } });
  });
});
