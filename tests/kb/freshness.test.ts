import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshnessWarnings, monthsBefore, reviewedLabel } from '../../src/kb/freshness.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { ROOT_DIR } from '../../src/paths.js';
import { realKnowledgeBase } from '../support/kb.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledgeBase();
});

describe('freshness', () => {
  it('labels a review date by month: "reviewed Nov 2026"', () => {
    expect(reviewedLabel('2026-11-21')).toBe('reviewed Nov 2026');
    expect(reviewedLabel('2025-01-03')).toBe('reviewed Jan 2025');
  });

  it('counts months back across years and clamps the day to the month’s end', () => {
    expect(monthsBefore('2027-11-26', 12)).toBe('2026-11-26');
    expect(monthsBefore('2027-02-10', 3)).toBe('2026-11-10');
    expect(monthsBefore('2027-03-31', 1)).toBe('2027-02-28');
    expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
  });

  it('GIVEN an entry reviewed exactly 12 months ago THEN it is fresh; a day more THEN stale, with its file', () => {
    const entry = kb.entries[0]!;
    const one = { entries: [entry], sources: new Map() };
    const [y, m, d] = entry.reviewed.split('-');
    expect(freshnessWarnings(one, `${Number(y) + 1}-${m}-${d}`)).toEqual([]);
    const dayAfter = new Date(Date.UTC(Number(y) + 1, Number(m) - 1, Number(d) + 1)).toISOString().slice(0, 10);
    expect(freshnessWarnings(one, dayAfter)).toEqual([
      {
        file: entry.file,
        field: 'reviewed',
        message: `last reviewed ${entry.reviewed}, over 12 months ago: check it against its sources and update the date`,
      },
    ]);
  });

  it('GIVEN a cited source marked "unverified" THEN it is a warning naming the entries that cite it', () => {
    const cited = kb.entries[0]!.sources[0]!;
    const sources = new Map([...kb.sources].map(([id, s]) => [id, id === cited ? { ...s, confidence: 'unverified' as const } : s]));
    const warnings = freshnessWarnings({ ...kb, sources }, kb.entries.map((e) => e.reviewed).sort()[0]!);
    expect(warnings.map((w) => w.field)).toEqual([`${cited}.confidence`]);
    const citing = kb.entries.filter((e) => e.sources.includes(cited)).map((e) => e.id);
    expect(warnings[0]?.message).toContain(`cited by ${citing.join(', ')}`);
  });

  it('GIVEN the real knowledge base THEN no source is "unverified" (each fact is backed by an official or careful secondary source)', () => {
    expect([...kb.sources.values()].filter((s) => s.confidence === 'unverified').map((s) => s.id)).toEqual([]);
    expect(freshnessWarnings(kb, kb.entries.map((e) => e.reviewed).sort()[0]!)).toEqual([]);
  });

  it('GIVEN stale entries THEN kb:check lists the warnings and still exits 0', async () => {
    const run = await promisify(execFile)(path.join(ROOT_DIR, 'node_modules/.bin/tsx'), ['src/cli/kb-check.ts'], {
      cwd: ROOT_DIR,
      env: { ...process.env, KB_CHECK_TODAY: '2099-01-01' },
    });
    expect(run.stdout).toContain('Knowledge base OK');
    expect(run.stdout).toContain(
      `${kb.entries.length + [...kb.sources.values()].filter((s) => s.confidence === 'unverified').length} warning(s), not errors (as of 2099-01-01):`,
    );
    expect(run.stdout).toMatch(/entries\/.+\.md › reviewed: last reviewed \d{4}-\d{2}-\d{2}, over 12 months ago/);
  });
});
