import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEngine } from '../../src/answer/engine.js';
import { codeVersion, startKnowledge, type Started } from '../../src/answer/snapshot.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { loadEvalSet } from '../eval/evaluate.js';

let root: string;
let dir: string;
let file: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'kb-snapshot-'));
  dir = path.join(root, 'knowledge');
  file = path.join(root, 'cache', 'snapshot.bin');
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const start = (code?: string): Started => startKnowledge(dir, code === undefined ? { file } : { file, code });
function started(s: Started): Extract<Started, { ok: true }> {
  if (!s.ok) throw new Error(JSON.stringify(s.problems));
  return s;
}
/** Everything `answer` decides from, with full-precision scores. */
const ranking = (engine: AnswerEngine, q: string) => {
  const x = engine.explain(q);
  const hits = x.hits.map((h) => [h.entry.id, h.score]);
  return { hits, unknownShare: x.unknownShare, agreement: x.agreement, decision: x.decision.kind, answer: engine.answer(q).entry?.id };
};
/** Replaces one occurrence of `from` in a knowledge file (the test fails loudly if the file changed under it). */
function edit(rel: string, from: string, to: string): void {
  const text = readFileSync(path.join(dir, rel), 'utf8');
  expect(text.includes(from), `${rel} should contain "${from}"`).toBe(true);
  writeFileSync(path.join(dir, rel), text.replace(from, to));
}
const ENTRY = 'entries/growth/take-stock-career.md';

describe('the start-up snapshot', () => {
  it('GIVEN a cold start THEN it writes a snapshot, and the next start loads it with identical knowledge and rankings', async () => {
    const cold = started(start());
    expect(cold.from).toBe('cold');
    expect(cold.saved).toEqual({ ok: true });
    const warm = started(start());
    expect(warm.from).toBe('snapshot');
    expect(warm.kb).toEqual(cold.kb);
    expect(warm.kb.version).toBe(cold.kb.version);
    const questions = [...(await loadEvalSet('public')).map((q) => q.q), ...cold.kb.entries.flatMap((e) => e.questions.slice(0, 3))];
    expect(questions.length).toBeGreaterThan(300);
    for (const q of questions) expect(ranking(warm.engine, q), q).toEqual(ranking(cold.engine, q));
  });

  it('GIVEN a knowledge file changed since the snapshot THEN the stale snapshot is not used: the change is loaded and a new snapshot written', () => {
    started(start());
    edit(ENTRY, 'questions:\n', 'questions:\n  - zanzibar quokka career stocktake\n');
    const changed = started(start());
    expect(changed.from).toBe('cold');
    expect(changed.kb.byId.get('take-stock-career')?.questions[0]).toBe('zanzibar quokka career stocktake');
    expect(changed.engine.answer('zanzibar quokka career stocktake').entry?.id).toBe('take-stock-career');
    const again = started(start());
    expect(again.from).toBe('snapshot');
    expect(again.kb.byId.get('take-stock-career')?.questions[0]).toBe('zanzibar quokka career stocktake');
  });

  it('GIVEN a new file in the knowledge directory THEN the snapshot is not used', () => {
    started(start());
    writeFileSync(path.join(dir, 'notes.txt'), 'not knowledge, but in the directory');
    expect(started(start()).from).toBe('cold');
    rmSync(path.join(dir, 'notes.txt'));
  });

  it('GIVEN a knowledge file that is a symbolic link THEN the bytes it points to are in the key: a changed target is never read from the snapshot', () => {
    const target = path.join(root, 'replies-target.yaml');
    cpSync(path.join(dir, 'replies.yaml'), target);
    rmSync(path.join(dir, 'replies.yaml'));
    symlinkSync(target, path.join(dir, 'replies.yaml'));
    started(start());
    expect(started(start()).from).toBe('snapshot');
    const text = readFileSync(target, 'utf8');
    expect(text).toContain('title: Not in my guides');
    writeFileSync(target, text.replace('title: Not in my guides', 'title: A changed title'));
    const changed = started(start());
    expect(changed.from).toBe('cold');
    expect(changed.kb.replies.no_answer.title).toBe('A changed title');
  });

  it('GIVEN invalid knowledge and a snapshot of the valid one THEN start-up reports the problems, never the snapshot', () => {
    started(start());
    edit(ENTRY, 'topic: growth\n', 'topic: no-such-topic\n');
    const broken = start();
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems.some((p) => p.file === ENTRY)).toBe(true);
    edit(ENTRY, 'topic: no-such-topic\n', 'topic: growth\n');
    expect(started(start()).from).toBe('snapshot'); // the valid knowledge's snapshot was kept
  });

  it('GIVEN other code (an upgrade) THEN the snapshot is not used', () => {
    started(start());
    expect(started(start(`${codeVersion()} changed`)).from).toBe('cold');
    expect(started(start(`${codeVersion()} changed`)).from).toBe('snapshot');
    expect(started(start()).from).toBe('cold');
  });

  it.each([
    [
      'one byte of the payload flipped',
      (b: Buffer) => Buffer.concat([b.subarray(0, -10), Buffer.from([b[b.length - 10]! ^ 1]), b.subarray(-9)]),
    ],
    ['truncated', (b: Buffer) => b.subarray(0, Math.floor(b.length / 2))],
    ['empty', () => Buffer.alloc(0)],
    ['another format', (b: Buffer) => Buffer.concat([Buffer.from('X'), b.subarray(1)])],
  ])('GIVEN a corrupt snapshot (%s) THEN it is not used, and a good one replaces it', (_, damage) => {
    started(start());
    writeFileSync(file, damage(readFileSync(file)));
    const s = started(start());
    expect(s.from).toBe('cold');
    expect(s.saved).toEqual({ ok: true });
    expect(started(start()).from).toBe('snapshot');
  });

  it('GIVEN a snapshot that cannot be read or written THEN start-up is cold and still succeeds', () => {
    const blocked = path.join(root, 'blocked');
    mkdirSync(path.join(blocked, 'snapshot.bin'), { recursive: true }); // a directory where the file should be
    const s = started(startKnowledge(dir, { file: path.join(blocked, 'snapshot.bin') }));
    expect(s.from).toBe('cold');
    expect(s.saved?.ok).toBe(false);
    expect(s.engine.answer('how do i take stock of my career after a few years in japan').entry?.id).toBe('take-stock-career');
  });
});
