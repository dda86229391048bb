import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/kb/load.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { editOnce as edit } from '../support/rules.js';

describe('loadKnowledge', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('reports rule-table problems alongside entry problems, so kb:check and start-up refuse them', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kb-rules-'));
    await cp(KNOWLEDGE_DIR, dir, { recursive: true });
    const file = path.join(dir, 'rules', 'visa-check.yaml');
    await writeFile(
      file,
      edit(
        await readFile(file, 'utf8'),
        'verdict: not-permitted\n    reasons:\n      - "*{new}* is treated',
        'verdict: forbidden\n    reasons:\n      - "*{new}* is treated',
      ),
    );
    await rm(path.join(dir, 'rules', 'hsp-points.yaml'));
    const result = await loadKnowledge(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        {
          file: 'rules/visa-check.yaml',
          field: 'verdicts.1.verdict',
          message: expect.stringContaining('"forbidden" is not allowed') as string,
        },
        { file: 'rules/hsp-points.yaml', field: '(file)', message: 'cannot be read (ENOENT)' },
      ]),
    );
  });
});
