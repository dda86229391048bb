import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/kb/load.js';
import { parseHspPointsRules } from '../../src/kb/rules/load.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { realKnowledgeBase } from '../support/kb.js';
import { realRefs, realRuleText } from '../support/rules.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of the real knowledge base with one file changed. */
async function copyWith(rel: string, change: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kb-facts-'));
  dirs.push(dir);
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  const file = path.join(dir, rel);
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after, `${rel} should change`).not.toBe(before);
  await writeFile(file, after);
  return dir;
}

describe('facts (knowledge/facts.yaml)', () => {
  it('GIVEN an entry and a rule that state the job-change deadline and fine THEN both show the value from facts.yaml', async () => {
    const kb = await realKnowledgeBase();
    expect(kb.byId.get('job-change-notification')?.answer).toContain('**within 14 days**');
    expect(kb.byId.get('job-change-notification')?.answer).toContain('**¥200,000**');
    const notice = kb.rules.visaCheck.actions.find((a) => a.id === 'notify-contracting-organisation');
    expect(notice?.text).toContain('within 14 days of leaving and within 14 days of joining');
    expect(notice?.text).toContain('a fine of up to ¥200,000');
  });

  it('GIVEN a rule-table field that is only a placeholder THEN it takes the fact as a number', async () => {
    const levels = (await realKnowledgeBase()).rules.hspPoints.japanese.levels;
    expect(levels.map((l) => l.bjt_min)).toEqual([480, 400]);
  });

  it('GIVEN a changed fact THEN every text that states it changes with it', async () => {
    const dir = await copyWith('facts.yaml', (s) => s.replace('value: within 14 days', 'value: within 21 days'));
    const result = await loadKnowledge(dir);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.kb.byId.get('job-change-notification')?.answer).toContain('**within 21 days**');
    expect(result.kb.rules.visaCheck.actions[0]?.text).toContain('within 21 days of leaving and within 21 days of joining');
  });

  it('GIVEN an unknown fact in an entry THEN kb:check names the file, and a fact no text uses is reported too', async () => {
    const dir = await copyWith('entries/visa/visa-renewal-documents.md', (s) =>
      s.replace('{{job-change-notice-deadline}}', '{{job-change-deadline}}'),
    );
    const result = await loadKnowledge(dir);
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        {
          file: 'entries/visa/visa-renewal-documents.md',
          field: 'answer',
          message: expect.stringContaining('unknown fact {{job-change-deadline}}') as string,
        },
      ]),
    );
    const unused = await loadKnowledge(
      await copyWith('facts.yaml', (s) => `${s}\nunused-fact: { value: 3, about: Nothing uses this, sources: [hsp-points-table] }\n`),
    );
    expect(unused.ok ? [] : unused.problems).toEqual([
      { file: 'facts.yaml', field: 'unused-fact', message: 'no entry or rule table uses this fact ({{unused-fact}})' },
    ]);
  });
});

describe('labels derived from the data (hsp-points.yaml)', () => {
  it('GIVEN a band threshold changed THEN its label and the one below it follow', async () => {
    const text = (await realRuleText('hsp-points')).replace('{ min_years: 7, points: 15,', '{ min_years: 8, points: 15,');
    const result = parseHspPointsRules(text, await realRefs());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.experience.bands.map((b) => b.label)).toEqual([
      '10 years or more',
      '8 to under 10 years',
      '5 to under 8 years',
      '3 to under 5 years',
      'under 3 years scores nothing',
    ]);
  });

  it('GIVEN a placeholder a label cannot use THEN it is reported with what is allowed', async () => {
    const text = (await realRuleText('hsp-points')).replace(
      'label: "{min_years} years or more"',
      'label: "{min_years} years or more (below {below})"',
    );
    const result = parseHspPointsRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'rules/hsp-points.yaml',
        field: 'experience.bands.0.label',
        message: 'unknown placeholder {below}; allowed here: {min_years}',
      },
    ]);
  });
});
