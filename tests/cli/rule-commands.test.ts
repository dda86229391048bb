import { beforeAll, describe, expect, it } from 'vitest';
import * as careerPath from '../../src/cli/career-path.js';
import * as hspPoints from '../../src/cli/hsp-points.js';
import * as visaCheck from '../../src/cli/visa-check.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { engineKb } from '../support/rules.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await engineKb();
});

/** Exactly one JSON object on stdout (plus a newline), nothing on stderr, exit code 0. */
function json(result: { stdout: string; stderr: string; exitCode: number }): Record<string, unknown> {
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  expect(result.stdout.endsWith('}\n')).toBe(true);
  expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/** A usage error: a message on stderr, nothing on stdout, exit code 2, no stack trace. */
function usageError(result: { stdout: string; stderr: string; exitCode: number }): string {
  expect(result.stdout).toBe('');
  expect(result.exitCode).toBe(2);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).toContain('--help');
  return result.stderr;
}

describe('career-path', () => {
  it('--json prints {paths: [{id, title, status, why, next, sources}], text}', () => {
    const out = json(
      careerPath.run(['--jlpt', 'N2', '--background', 'alt', '--technical', '--location', 'tokyo', '--sponsorship', '--json'], kb),
    );
    expect(Object.keys(out)).toEqual(['paths', 'text']);
    const paths = out.paths as Record<string, unknown>[];
    expect(paths).toHaveLength(8);
    for (const p of paths) {
      expect(Object.keys(p)).toEqual(['id', 'title', 'status', 'why', 'next', 'sources']);
      expect(['open', 'stretch', 'closed']).toContain(p.status);
    }
    expect(paths.find((p) => p.id === 'it-tech')?.status).toBe('open');
    expect(out.text).toEqual(expect.stringContaining('Career paths for: JLPT N2'));
  });

  it('prints the readable text without --json', () => {
    const r = careerPath.run(['--jlpt', 'none', '--background', 'other'], kb);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('🔴 Translation, interpretation and localization — closed for now');
    expect(r.stdout.startsWith('{')).toBe(false);
  });

  it('an unknown value lists the allowed values', () => {
    expect(usageError(careerPath.run(['--jlpt', 'N6', '--background', 'alt', '--json'], kb))).toContain(
      '--jlpt "N6" is not allowed; allowed values: none, N5, N4, N3, N2, N1',
    );
    expect(usageError(careerPath.run(['--jlpt', 'N2', '--background', 'alt', '--location', 'osaka'], kb))).toContain(
      'allowed values: tokyo, city, regional',
    );
  });

  it('a missing flag or value is named, with its allowed values', () => {
    expect(usageError(careerPath.run(['--background', 'alt'], kb))).toContain(
      '--jlpt is required; allowed values: none, N5, N4, N3, N2, N1',
    );
    expect(usageError(careerPath.run(['--jlpt', 'N2', '--background'], kb))).toContain(
      '--background needs a value; allowed: alt, engineer, other',
    );
  });

  it('rejects unknown options and stray arguments; --help prints usage', () => {
    expect(usageError(careerPath.run(['--jlpt', 'N2', '--background', 'alt', '--remote'], kb))).toContain('unknown option --remote');
    usageError(careerPath.run(['N2'], kb));
    const help = careerPath.run(['--help'], kb);
    expect(help).toMatchObject({ exitCode: 0, stderr: '' });
    expect(help.stdout).toContain('--jlpt <value>');
  });
});

describe('visa-check', () => {
  const args = ['--status', 'engineer-specialist', '--current-work', 'system-development', '--new-work', 'marketing', '--employer', 'same'];

  it('--json prints {verdict, reasons, actions, flags, sources, text}', () => {
    const out = json(visaCheck.run([...args, '--salary', '4500000', '--dispatch', '--json'], kb));
    expect(Object.keys(out)).toEqual(['verdict', 'reasons', 'actions', 'flags', 'sources', 'text']);
    expect(out.verdict).toBe('needs-review');
    expect(out.flags).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'dispatch-scrutiny' })]));
    expect(out.text).toEqual(expect.stringContaining('General information, not legal advice'));
  });

  it('the issue examples through the CLI', () => {
    const verdict = (a: string[]) => json(visaCheck.run([...a, '--json'], kb)).verdict;
    expect(
      verdict([
        '--status',
        'instructor',
        '--current-work',
        'language-teaching-school',
        '--new-work',
        'language-teaching-private',
        '--employer',
        'new',
      ]),
    ).toBe('change-of-status-needed');
    expect(
      verdict([
        '--status',
        'highly-skilled',
        '--current-work',
        'system-development',
        '--new-work',
        'system-development',
        '--employer',
        'new',
      ]),
    ).toBe('change-of-status-needed');
    expect(verdict(['--status', 'unrestricted', '--current-work', 'sales', '--new-work', 'factory-line', '--employer', 'new'])).toBe(
      'likely-fine',
    );
    expect(verdict(['--status', 'engineer-specialist', '--current-work', 'sales', '--new-work', 'data-entry', '--employer', 'same'])).toBe(
      'not-permitted',
    );
  });

  it('unknown values, a missing flag and a junk salary get clear messages', () => {
    expect(usageError(visaCheck.run(['--status', 'gijinkoku', ...args.slice(2)], kb))).toContain(
      '--status "gijinkoku" is not allowed; allowed values: engineer-specialist, instructor, highly-skilled',
    );
    expect(usageError(visaCheck.run([...args.slice(0, 4), '--new-work', 'cooking', '--employer', 'same'], kb))).toContain(
      '--new-work "cooking" is not allowed; allowed values: system-development,',
    );
    expect(usageError(visaCheck.run(args.slice(0, 6), kb))).toContain('--employer is required; allowed values: same, new');
    expect(usageError(visaCheck.run([...args, '--salary', '4.5M'], kb))).toContain(
      '--salary "4.5M" is not valid; give the annual salary in yen as a whole number, e.g. 6500000',
    );
  });

  it('accepts a salary written with thousands separators', () => {
    const out = json(visaCheck.run([...args, '--salary', '2,800,000', '--json'], kb));
    expect(out.flags).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'low-salary', text: expect.stringContaining('¥2,800,000') as string })]),
    );
  });
});

describe('hsp-points', () => {
  const example = ['--age', '28', '--degree', 'bachelor', '--experience', '3', '--salary', '6500000'];

  it('--json prints {total, lines: [{label, points}], qualifies, permanentResidencyAfterYears, text}', () => {
    const out = json(hspPoints.run([...example, '--jlpt', 'N1', '--japanese-degree', '--json'], kb));
    expect(Object.keys(out)).toEqual(['total', 'lines', 'qualifies', 'permanentResidencyAfterYears', 'text']);
    expect(out).toMatchObject({ total: 75, qualifies: true, permanentResidencyAfterYears: 3 });
    for (const l of out.lines as Record<string, unknown>[]) expect(Object.keys(l)).toEqual(['label', 'points']);
  });

  it('N2 instead of N1 gives 60; bonus flags and --qualifications count', () => {
    expect(json(hspPoints.run([...example, '--jlpt', 'N2', '--japanese-degree', '--json'], kb)).total).toBe(60);
    const out = json(hspPoints.run([...example, '--jlpt', 'N1', '--japanese-degree', '--research', '--qualifications', '1', '--json'], kb));
    expect(out).toMatchObject({ total: 95, permanentResidencyAfterYears: 1 });
  });

  it('rejects junk numbers and unknown values with the allowed values', () => {
    expect(usageError(hspPoints.run([...example.slice(0, 6), '--salary', 'lots'], kb))).toContain('--salary "lots" is not valid');
    expect(usageError(hspPoints.run(['--age', '28.5', ...example.slice(2)], kb))).toContain(
      '--age "28.5" is not valid; give your age at application in whole years',
    );
    expect(usageError(hspPoints.run([...example, '--degree', 'phd'], kb))).toContain(
      'allowed values: doctorate, mba, master, bachelor, none',
    );
    expect(usageError(hspPoints.run([...example, '--qualifications', '3'], kb))).toContain(
      '--qualifications 3 is not valid; give 0, 1 or 2 (2 = two or more)',
    );
    expect(usageError(hspPoints.run([...example, '--jlpt', 'N0'], kb))).toContain('allowed values: none, N5, N4, N3, N2, N1');
  });

  it('lists every missing required flag', () => {
    const err = usageError(hspPoints.run(['--age', '30'], kb));
    expect(err).toContain('--degree is required');
    expect(err).toContain('--experience is required');
    expect(err).toContain('--salary is required');
  });

  it('--help lists the bonus flags', () => {
    const help = hspPoints.run(['--help'], kb).stdout;
    for (const flag of [
      '--japanese-degree',
      '--research',
      '--employer-innovation',
      '--employer-sme',
      '--qualifications <value>',
      '--bjt <value>',
    ])
      expect(help).toContain(flag);
  });
});
