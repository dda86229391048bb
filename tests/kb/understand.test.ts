import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/kb/load.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of the real knowledge base whose understand.yaml is changed by `f`. */
async function withVocabulary(f: (s: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-understand-'));
  dirs.push(dir);
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  const file = path.join(dir, 'understand.yaml');
  await writeFile(file, f(await readFile(file, 'utf8')));
  return dir;
}

async function problemsOf(dir: string) {
  const result = await loadKnowledge(dir);
  return result.ok ? [] : result.problems.filter((p) => p.file === 'understand.yaml').map((p) => `${p.field}: ${p.message}`);
}

describe('knowledge/understand.yaml is checked by kb:check', () => {
  it('GIVEN a phrase that names two choices of one group THEN it is reported with its place', async () => {
    const dir = await withVocabulary((s) => s.replace('marketing: { phrases: [marketing,', 'marketing: { phrases: [marketing, sales,'));
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/^duties\.(marketing|sales)\.phrases\.\d+: "sales" also names (sales|marketing)$/),
    );
  });

  it('GIVEN a lead entry that does not exist, a fact the command does not have or a value no choice of the fact THEN each is reported', async () => {
    const dir = await withVocabulary((s) =>
      s
        .replace('jlpt: { N1: after-alt-n1,', 'jlpt: { N1: after-alt-n9, N6: after-alt-n1,')
        .replace('    leadEntries:\n', '    leadEntries:\n      salary: { 5M: after-alt-n2 }\n'),
    );
    const problems = await problemsOf(dir);
    expect(problems).toContain(
      'commands.career-path.leadEntries.salary: /career-path has no fact "salary" (jlpt, background, technical, location, sponsorship)',
    );
    expect(problems).toContain('commands.career-path.leadEntries.jlpt.N1: unknown entry "after-alt-n9"');
    expect(problems).toContainEqual(
      expect.stringMatching(/^commands\.career-path\.leadEntries\.jlpt\.N6: "N6" is not a choice of jlpt \(.*N1.*\)$/),
    );
    expect(problems).toHaveLength(3);
  });

  it('GIVEN a value that is not one of the command’s choices THEN it is refused', async () => {
    const dir = await withVocabulary((s) => s.replace(/^ {2}master: \{ show:/m, '  masters-degree: { show:'));
    expect((await problemsOf(dir)).some((p) => p.startsWith('degrees'))).toBe(true);
  });

  it('GIVEN a form label over Discord’s 45 characters or a missing reason text THEN both are refused', async () => {
    const dir = await withVocabulary((s) =>
      s.replace('label: Age at application,', `label: ${'x'.repeat(46)},`).replace(/^ {2}monthly: .*$/m, ''),
    );
    const problems = await problemsOf(dir);
    expect(problems.some((p) => p.startsWith('facts.hsp-points.age.label'))).toBe(true);
    expect(problems.some((p) => p.startsWith('unclear.monthly'))).toBe(true);
  });
});
