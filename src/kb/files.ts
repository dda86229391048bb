import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import type { Problem } from './problems.js';

/** A value read from the knowledge directory, or every problem found on the way. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/**
 * A knowledge file's text. Read synchronously: start-up reads ~90 small local files and does nothing else meanwhile,
 * and a promise, file handle and stat per file cost more than the reads themselves.
 */
export function readText(root: string, rel: string): Parsed<string> {
  try {
    return { ok: true, value: readFileSync(path.join(root, rel), 'utf8') };
  } catch (err) {
    return {
      ok: false,
      problems: [{ file: rel, field: '(file)', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` }],
    };
  }
}

export function parseYamlText(rel: string, text: string): Parsed<unknown> {
  try {
    // The YAML 1.2 core schema: dates such as `reviewed: 2026-11-21` stay strings.
    return { ok: true, value: load(text, { schema: CORE_SCHEMA }) };
  } catch (err) {
    const message = err instanceof YAMLException ? (err.message.split('\n')[0] ?? err.message) : String(err);
    return { ok: false, problems: [{ file: rel, field: '(file)', message: `is not valid YAML: ${message}` }] };
  }
}

/** Every file below `dir` (relative to root) whose name ends with `ext`, sorted for a stable order. */
export function listFiles(root: string, dir: string, ext: string): string[] {
  const entries = readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Splits a Markdown file with YAML front matter (`---` … `---`) into its parts. */
export function splitFrontMatter(rel: string, text: string): Parsed<{ meta: unknown; body: string }> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) {
    return { ok: false, problems: [{ file: rel, field: '(file)', message: 'must start with YAML front matter between two `---` lines' }] };
  }
  const meta = parseYamlText(rel, match[1] ?? '');
  return meta.ok ? { ok: true, value: { meta: meta.value, body: (match[2] ?? '').trim() } } : meta;
}
