import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/paths.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.js';
import { TWO_ENTRY_QUESTION } from '../support/questions.js';

let openai: FakeOpenAI;
beforeAll(async () => {
  openai = await startFakeOpenAI();
});
afterAll(async () => {
  await openai.close();
});

/** Runs the real CLI process with a module hook that reports any openai/src/llm module being loaded. */
async function cli(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OPENAI_')));
  // Run from an empty directory so that a developer's own .env cannot switch the LLM on.
  const hook = pathToFileURL(path.join(ROOT_DIR, 'tests/support/trace-llm-imports.mjs')).href;
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), '--import', hook, path.join(ROOT_DIR, 'src/cli/main.ts'), ...args],
    {
      cwd: tmpdir(),
      env: { ...clean, ...env },
    },
  );
  return { json: JSON.parse(stdout) as { answered: boolean; mode: string; text: string; sources: { id: string }[] }, stderr };
}

const UNCONFIDENT = TWO_ENTRY_QUESTION;

describe('cli ask and the LLM fallback', () => {
  it('GIVEN no OPENAI_* setting THEN nothing of the LLM is even loaded and the answer is knowledge-only', async () => {
    const { json, stderr } = await cli(['ask', UNCONFIDENT, '--json']);
    expect(stderr).not.toContain('LLM-MODULE-LOADED');
    // No entry clearly wins: without the fallback, the honest no-answer with both entries as suggestions.
    expect(json).toMatchObject({ answered: false, mode: 'none', sources: [] });
    expect(json.text).toContain('What jobs can I get with N3 after ALT?');
  });

  it('GIVEN OPENAI_BASE_URL (a local OpenAI-compatible server) THEN an unconfident question gets mode "llm" with the cited sources', async () => {
    openai.enqueue({
      kind: 'json',
      content: { answer: 'IT support is a common first step out of teaching.', cited_ids: ['after-alt-it-tech'], context_sufficient: true },
    });
    const { json } = await cli(['ask', UNCONFIDENT, '--json'], { OPENAI_BASE_URL: openai.baseURL, OPENAI_MODEL: 'fake-model' });
    expect(json).toMatchObject({ answered: true, mode: 'llm', sources: [{ id: 'after-alt-it-tech' }] });
    expect(json.text).toContain('AI-drafted from the guides — check the sources');
    const request = openai.requests.at(-1)!;
    expect(request.headers.authorization).toBe('Bearer sk-no-key-required');
  });
});
