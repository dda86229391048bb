import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { createAskService, type AskService } from '../../src/answer/service.js';
import { runAsk } from '../../src/cli/ask.js';
import type { answerJson } from '../../src/cli/render.js';
import { ROOT_DIR } from '../../src/paths.js';
import { memoryLogger } from '../support/logger.js';
import { realKnowledgeBase } from '../support/kb.js';

let service: AskService;
beforeAll(async () => {
  service = createAskService({ engine: createAnswerEngine(await realKnowledgeBase()), logger: memoryLogger('silent').logger });
});
const noStdin = () => Promise.resolve('');
const stdin = (text: string) => () => Promise.resolve(text);
/** One line of `ask --json` output (plus `error` for a bad line of a batch). */
type AskJson = ReturnType<typeof answerJson> & { error?: string };
const parse = (line: string) => JSON.parse(line) as AskJson;

describe('cli ask', () => {
  it('GIVEN --json THEN prints exactly one JSON object with the contract fields', async () => {
    const r = await runAsk(['how do I ask for a raise without seeming pushy?', '--json'], service, noStdin);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const json = parse(r.stdout);
    expect(Object.keys(json).sort()).toEqual(['answered', 'confidence', 'mode', 'sources', 'text']);
    expect(json).toMatchObject({ answered: true, mode: 'knowledge' });
    expect(json.sources[0]).toEqual({
      id: 'how-to-ask-for-promotion',
      title: expect.any(String) as string,
      guide: expect.any(String) as string,
    });
  });

  it('GIVEN no --json THEN prints a readable answer with its sources', async () => {
    const r = await runAsk(['how many days do I have to notify immigration after quitting?'], service, noStdin);
    expect(r.stdout).toMatch(/^[^*\n]+\n\n/); // the title on its own line, as plain text
    expect(r.stdout).not.toMatch(/\*\*|-# |\]\(</);
    expect(r.stdout).toContain('14 days');
    expect(r.stdout).toContain('Sources:');
  });

  it('GIVEN an off-topic question THEN answered is false and the text suggests the commands', async () => {
    const json = parse((await runAsk(['best ramen in Shinjuku?', '--json'], service, noStdin)).stdout);
    expect(json).toMatchObject({ answered: false, mode: 'none', sources: [] });
    expect(json.text).toContain('/career-path');
  });

  it('GIVEN --batch THEN prints one JSON object per non-empty input line', async () => {
    const r = await runAsk(['--batch'], service, stdin('nomikai mandatory??\n\n永住権の申請条件は？\nweather tomorrow?\n'));
    const lines = r.stdout.trim().split('\n').map(parse);
    expect(lines.map((l) => l.answered)).toEqual([true, true, false]);
  });

  it.each([
    ['', 'empty'],
    ['x'.repeat(5000), '5,000 characters'],
    ['hello\u0000world', 'control characters'],
  ])('GIVEN bad input THEN a clear message on stderr and exit 2', async (question, expected) => {
    const r = await runAsk([question], service, noStdin);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN bad input in a batch THEN that line reports the problem and the others are answered', async () => {
    const r = await runAsk(['--batch'], service, stdin(`${'y'.repeat(5000)}\nnomikai mandatory??\n`));
    const [bad, good] = r.stdout.trim().split('\n').map(parse);
    expect(bad).toMatchObject({ answered: false, error: expect.stringContaining('5,000 characters') as string });
    expect(good?.answered).toBe(true);
  });
});

describe('npm run -s cli (the real process)', () => {
  const run = (args: string[]) =>
    promisify(execFile)(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), [path.join(ROOT_DIR, 'src/cli/main.ts'), ...args], {
      cwd: tmpdir(),
      env: { ...process.env, LOG_LEVEL: 'debug' },
    }).catch((err: { stdout: string; stderr: string; code: number }) => err);

  it('keeps stdout to the single JSON object, even with debug logs on stderr', async () => {
    const r = await run(['ask', 'what is invisible work?', '--json']);
    expect(() => parse(r.stdout)).not.toThrow();
    expect(parse(r.stdout).answered).toBe(true);
  });

  it('rejects an unknown command with the usage and a non-zero exit', async () => {
    const r = (await run(['frobnicate'])) as { stdout: string; stderr: string; code?: number };
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
  });
});
