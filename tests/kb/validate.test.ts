import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge, loadKnowledgeOrThrow } from '../../src/kb/load.js';
import { KNOWLEDGE_DIR, ROOT_DIR } from '../../src/paths.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of the real knowledge base, changed by `mutate`, so every check runs against realistic files. */
async function brokenCopy(mutate: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-'));
  dirs.push(dir);
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  await mutate(dir);
  return dir;
}
const edit = async (dir: string, rel: string, f: (s: string) => string) => {
  const file = path.join(dir, rel);
  await writeFile(file, f(await readFile(file, 'utf8')));
};
const NOTICE = 'entries/visa/job-change-notification.md';
const INVISIBLE = 'entries/promotion/invisible-work.md';

describe('knowledge base validation', () => {
  it('GIVEN the real knowledge base THEN it is valid, covers every guide section and has 50+ entries', async () => {
    const result = await loadKnowledge(KNOWLEDGE_DIR);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.kb.entries.length).toBeGreaterThanOrEqual(50);
  });

  it('GIVEN every kind of mistake THEN each is listed with its file and field', async () => {
    const dir = await brokenCopy(async (d) => {
      await edit(d, NOTICE, (s) =>
        s.replace('guides: [it-visa#renewal-job-change]', 'guides: [it-visa#renewal-job-change, nonexistent-guide#x]'),
      );
      await edit(d, NOTICE, (s) => s.replace(/^sources: \[.*\]$/m, 'sources: []'));
      await edit(d, 'entries/visa/three-month-rule.md', (s) => s.replace(/^id: .*$/m, 'id: job-change-notification'));
      await edit(d, 'entries/promotion/invisible-work.md', (s) => s.replace(/\n---\n[\s\S]*$/, `\n---\n${'x'.repeat(1501)}\n`));
      await edit(d, 'entries/promotion/bridge-person.md', (s) => s.replace(/\n---\n[\s\S]*$/, '\n---\n\n'));
      await edit(d, 'entries/promotion/document-everything.md', (s) => s.replace('keywords: [', 'keywords: [nomikai, '));
    });
    const result = await loadKnowledge(dir);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    const at = (file: string, field: string) => problems.filter((p) => p.file === file && p.field === field).map((p) => p.message);
    expect(at(NOTICE, 'guides.1')).toEqual(['unknown guide "nonexistent-guide"']);
    expect(at(NOTICE, 'sources')[0]).toMatch(/^missing source/);
    expect(at('entries/visa/three-month-rule.md', 'id')[0]).toMatch(/^duplicate id "job-change-notification"/);
    expect(at('entries/promotion/invisible-work.md', 'answer')).toEqual(['must be at most 1500 characters']);
    expect(at('entries/promotion/bridge-person.md', 'answer')).toEqual(['must not be empty']);
    // Entries are read in path order, so the later file (nomikai-…) is the one reported.
    expect(problems.find((p) => p.message.startsWith('duplicate keyword "nomikai"'))).toMatchObject({
      file: 'entries/promotion/nomikai-and-coworker-relationships.md',
      message: 'duplicate keyword "nomikai" (already a keyword of document-everything)',
    });
  });

  it('GIVEN an out-of-scope subject that an entry mentions, or that is also a synonym THEN both are problems', async () => {
    const dir = await brokenCopy((d) => edit(d, 'search.yaml', (s) => s.replace('outOfScope: [', 'outOfScope: [\n  nomikai, 飲み会,')));
    const result = await loadKnowledge(dir);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual({ file: 'search.yaml', field: 'outOfScope.1', message: '"飲み会" is also a synonym variant' });
    expect(problems).toContainEqual({
      file: 'entries/promotion/nomikai-and-coworker-relationships.md',
      field: '(entry)',
      message: 'mentions "nomikai", which search.yaml lists as out of scope',
    });
  });

  it('GIVEN a phrasing that asks for a price its entry does not give, or an asksFor cue that is no regular expression THEN both are problems', async () => {
    const dir = await brokenCopy(async (d) => {
      await edit(d, 'search.yaml', (s) =>
        s.replace("      - '\\bnames? (?:please|pls|plz)\\b'", "      - '\\bnames? (?:please|pls|plz)\\b'\n      - '(unclosed'"),
      );
    });
    const result = await loadKnowledge(dir);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual({ file: 'search.yaml', field: 'asksFor.3.cues.1', message: 'must be a valid regular expression' });
    // A cue may name a word list of its kind (`{company}`); one that names a list its kind does not have is a problem.
    const unnamed = await brokenCopy(async (d) => {
      await edit(d, 'search.yaml', (s) =>
        s.replace(
          "      - '\\bnames? (?:please|pls|plz)\\b'",
          "      - '\\bnames? (?:please|pls|plz)\\b'\n      - '\\b{agency} or {company}\\b'",
        ),
      );
    });
    const lists = await loadKnowledge(unnamed);
    expect(lists.ok ? [] : lists.problems).toEqual([{ file: 'search.yaml', field: 'asksFor.3.cues.1', message: 'names no list agency' }]);
    // The job-change notice's answer gives a yen figure (its fine), so a price asked of it is fine; invisible work's gives none.
    const fixed = await brokenCopy(async (d) => {
      await edit(d, NOTICE, (s) => s.replace('questions:\n', 'questions:\n  - "how much does the notice cost to file"\n'));
      await edit(d, INVISIBLE, (s) => s.replace('questions:\n', 'questions:\n  - "how much does extra unpaid work pay off"\n'));
    });
    const again = await loadKnowledge(fixed);
    const found = again.ok ? [] : again.problems;
    expect(found.filter((p) => p.file === NOTICE)).toEqual([]);
    expect(found).toContainEqual({
      file: INVISIBLE,
      field: 'questions.0',
      message: "asks for a price or fee, which this entry's answer does not give",
    });
  });

  it('GIVEN an out-of-scope subject that names a status /visa-check reads THEN it is a problem (such questions would be declined)', async () => {
    const dir = await brokenCopy((d) => edit(d, 'search.yaml', (s) => s.replace('outOfScope: [', 'outOfScope: [\n  student visa,')));
    const result = await loadKnowledge(dir);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual({
      file: 'search.yaml',
      field: 'outOfScope',
      message: '"student visa" would decline questions naming "student visa" (understand.yaml statuses.student.phrases.0)',
    });
  });

  it('GIVEN a formerly id that is a live entry, or claimed twice THEN both are problems', async () => {
    const dir = await brokenCopy(async (d) => {
      await edit(d, 'entries/visa/three-month-rule.md', (s) =>
        s.replace('\nreviewed:', '\nformerly: [job-change-notification, visa-renewal-timing]\nreviewed:'),
      );
    });
    const result = await loadKnowledge(dir);
    expect(result.ok ? [] : result.problems.filter((p) => p.field.startsWith('formerly'))).toEqual([
      {
        file: 'entries/visa/three-month-rule.md',
        field: 'formerly.0',
        message: '"job-change-notification" is a live entry\'s id; formerly lists only entries merged into this one',
      },
      {
        file: 'entries/visa/visa-renewal-documents.md',
        field: 'formerly.0',
        message: '"visa-renewal-timing" is already claimed by three-month-rule',
      },
    ]);
  });

  it('GIVEN a guide section no entry covers THEN that is a problem', async () => {
    const dir = await brokenCopy((d) =>
      edit(d, 'guides.yaml', (s) =>
        s.replace(
          '    summary: Summary of the unwritten rules\n',
          '    summary: Summary of the unwritten rules\n    new-part: A section added to the guide\n',
        ),
      ),
    );
    const result = await loadKnowledge(dir);
    expect(result.ok ? [] : result.problems).toContainEqual({
      file: 'guides.yaml',
      field: 'promotion#new-part',
      message: 'no entry covers this guide section',
    });
  });

  it('GIVEN broken YAML THEN the file is named, not a stack trace', async () => {
    const dir = await brokenCopy((d) => edit(d, 'topics.yaml', (s) => `${s}\n  - : [unclosed`));
    const result = await loadKnowledge(dir);
    expect(result.ok ? [] : result.problems[0]).toMatchObject({
      file: 'topics.yaml',
      field: '(file)',
      message: expect.stringMatching(/^is not valid YAML/) as string,
    });
  });

  it('GIVEN an invalid knowledge base THEN kb:check exits non-zero with the same message the bot and CLI refuse to start with', async () => {
    const dir = await brokenCopy((d) => edit(d, NOTICE, (s) => s.replace('topic: visa', 'topic: nowhere')));
    const startError = await loadKnowledgeOrThrow(dir).catch((e: Error) => e);
    const check = await promisify(execFile)(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), ['src/cli/kb-check.ts', dir], {
      cwd: ROOT_DIR,
    }).catch((e: { stderr: string; code: number }) => e);
    expect((check as { code: number }).code).toBe(1);
    expect((check as { stderr: string }).stderr.trim()).toBe((startError as Error).message);
    expect((startError as Error).message).toContain(`${NOTICE} › topic: unknown topic "nowhere"`);
  });
});
