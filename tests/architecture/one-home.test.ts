import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/paths.js';

/**
 * One home per fact: each text, threshold and legal detail below is written once, in knowledge/, and every other text
 * refers to it ({{fact}} placeholders, replies.yaml). Scanned: the answers of the entries, the other knowledge files,
 * src/ and commands/. Not scanned: search vocabulary (entries' keywords and example questions, search.yaml) and the
 * titles of cited documents (sources.yaml: Art. 19-9's "within 14 days" is about address changes, another fact).
 */
const FACTS: { fact: string; pattern: RegExp; home: string }[] = [
  { fact: 'the job-change notification deadline', pattern: /within 14 days/i, home: 'knowledge/facts.yaml' },
  {
    fact: 'the months without activity before revocation',
    pattern:
      /\b(3|three) months\b[^\n]*\brevo|\brevo[^\n]*\b(3|three) months\b|\b(3|three) (consecutive )?months (or more )?(in a row|without)/i,
    home: 'knowledge/facts.yaml',
  },
  {
    fact: 'how early a renewal can be filed',
    pattern: /\b(3|three) months (before|ahead of) (the |your |its )?expir|\b(3|three) months\b[^\n]*before the expiry/i,
    home: 'knowledge/facts.yaml',
  },
  { fact: 'the fine for not filing it', pattern: /fine[^\n]*200,000|200,000[^\n]*fine/i, home: 'knowledge/facts.yaml' },
  { fact: 'the BJT score that counts as N1', pattern: /\bBJT\b[^\n]*\b480\b|\b480\b[^\n]*\bBJT\b/, home: 'knowledge/facts.yaml' },
  { fact: 'the BJT score that counts as N2', pattern: /\bBJT\b[^\n]*\b400\b|\b400\b[^\n]*\bBJT\b/, home: 'knowledge/facts.yaml' },
  { fact: 'the no-answer title', pattern: /Not in my guides/, home: 'knowledge/replies.yaml' },
  { fact: 'the no-answer text', pattern: /couldn't find an answer to that in the guides/i, home: 'knowledge/replies.yaml' },
  { fact: 'the no-answer suggestions heading', pattern: /Did you mean one of these/i, home: 'knowledge/replies.yaml' },
  { fact: 'the AI-draft label', pattern: /AI-drafted from the guides/i, home: 'knowledge/replies.yaml' },
];

const NOT_SCANNED = new Set(['knowledge/search.yaml', 'knowledge/sources.yaml']);

function files(dir: string, ext: string): string[] {
  return readdirSync(path.join(ROOT_DIR, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.relative(ROOT_DIR, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** The text of a file as scanned: an entry's answer only (its front matter is search vocabulary). */
function scanned(file: string): string {
  const text = readFileSync(path.join(ROOT_DIR, file), 'utf8');
  return file.endsWith('.md') ? text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '') : text;
}

const SCANNED = [
  ...files('knowledge', '.yaml'),
  ...files('knowledge/entries', '.md'),
  ...files('src', '.ts'),
  ...files('commands', '.ts'),
].filter((f) => !NOT_SCANNED.has(f));

/** Every `file:line` whose line matches. */
function where(pattern: RegExp): string[] {
  return SCANNED.flatMap((file) =>
    scanned(file)
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}`] : [])),
  );
}

describe('one home per fact', () => {
  it('scans the knowledge base and the code', () => {
    expect(SCANNED).toContain('knowledge/rules/visa-check.yaml');
    expect(SCANNED).toContain('knowledge/entries/visa/job-change-notification.md');
    expect(SCANNED.filter((f) => f.startsWith('src/')).length).toBeGreaterThan(50);
  });

  it.each(FACTS)('states $fact once, in $home', ({ pattern, home }) => {
    const found = where(pattern);
    expect(found.map((f) => f.replace(/:\d+$/, ''))).toEqual([home]);
  });
});
