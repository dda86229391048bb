import { beforeAll, describe, expect, it } from 'vitest';
import * as deadlines from '../../src/cli/deadlines.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { engineKb } from '../support/rules.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await engineKb();
});

/** "Now" for these tests: 10 January 2027, noon in Japan. */
const NOW = () => Date.parse('2027-01-10T03:00:00Z');
const run = (...argv: string[]) => deadlines.run(argv, kb, NOW);

describe('deadlines (CLI)', () => {
  it('--left --joined --json prints {deadlines: [{id, title, from, opens, due, reminders, sources}], text}', () => {
    const r = run('--left', '2027-01-31', '--joined', '2027-02-15', '--json');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as { deadlines: Record<string, unknown>[]; text: string };
    expect(Object.keys(out)).toEqual(['deadlines', 'text']);
    expect(out.deadlines.map((d) => Object.keys(d))).toEqual([
      ['id', 'title', 'from', 'opens', 'due', 'reminders', 'sources'],
      ['id', 'title', 'from', 'opens', 'due', 'reminders', 'sources'],
    ]);
    expect(out.deadlines.map((d) => [d.id, d.opens, d.due])).toEqual([
      ['notice-left', '2027-01-31', '2027-02-14'],
      ['notice-joined', '2027-02-15', '2027-03-01'],
    ]);
    expect(out.deadlines[0]?.reminders).toEqual([
      { date: '2027-01-31', at: '2027-01-31T00:00:00.000Z', label: 'when it opens', past: false },
      { date: '2027-02-11', at: '2027-02-11T00:00:00.000Z', label: '3 days before', past: false },
    ]);
    expect(out.text).toContain('by 2027-02-14');
  });

  it('--expiry prints the renewal window and the reminders at 3 months, 1 month and 2 weeks, as plain text', () => {
    const r = run('--expiry', '2027-11-30');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Renewing your period of stay');
    expect(r.stdout).toContain('from 2027-08-30 (3 months before it expires) until 2027-11-30');
    expect(r.stdout).toContain('Reminders: 2027-08-30 (when it opens) · 2027-10-30 (1 month before) · 2027-11-16 (2 weeks before)');
    expect(r.stdout).not.toMatch(/\*\*|<t:/);
  });

  it('--today computes from another day; reminders already past are marked', () => {
    const r = run('--left', '2027-01-31', '--today', '2027-02-12', '--json');
    const out = JSON.parse(r.stdout) as { deadlines: { reminders: { past: boolean }[] }[] };
    expect(out.deadlines[0]?.reminders.map((x) => x.past)).toEqual([true, true]);
    expect(out.deadlines[1]?.reminders.map((x) => x.past)).toEqual([false, false]);
  });

  it('refuses a past expiry, a year 3000, an impossible date and no date, naming the flag (exit 2, no stack trace)', () => {
    const errors = [
      run('--expiry', '2026-12-31'),
      run('--expiry', '3000-01-01'),
      run('--left', '2027-02-30'),
      run(),
      run('--today', 'soon', '--left', '2027-01-31'),
    ];
    for (const e of errors) {
      expect(e.exitCode).toBe(2);
      expect(e.stdout).toBe('');
      expect(e.stderr).not.toMatch(/\n\s+at /);
      expect(e.stderr).toContain('deadlines --help');
    }
    expect(errors.map((e) => e.stderr.split('\n')[0])).toEqual([
      'deadlines: --expiry 2026-12-31 is in the past (today in Japan is 2027-01-10)',
      'deadlines: --expiry 3000-01-01 is more than 5 years from today (2027-01-10); check the year',
      'deadlines: --left "2027-02-30" is not a date; write the day you left as YYYY-MM-DD, e.g. 2027-01-31',
      'deadlines: give at least one date: left, joined or expiry',
      'deadlines: --today needs a date written YYYY-MM-DD, e.g. 2027-01-15',
    ]);
  });
});
