import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { readKnowledge, type KnowledgeBase } from '../kb/load.js';
import type { Problem } from '../kb/problems.js';
import { ROOT_DIR } from '../paths.js';
import type { BankState } from './bank.js';
import { createAnswerEngine, type AnswerEngine } from './engine.js';

/**
 * A start-up snapshot: the validated knowledge base and its answer index as a cold start built them, stored under a
 * key that hashes every byte of every file in the knowledge directory, every module of this code (src/ or dist/src/),
 * the installed dependency versions and Node's version (V8's serialisation format, ICU's Japanese segmentation).
 * Loading and validation are a function of exactly those, so a snapshot whose key matches holds what a cold start
 * would build and validate now; any other snapshot — stale, corrupt, unreadable, another format — is ignored and the
 * cold start runs (and writes a fresh one). Written only from a knowledge base that validated with no problems.
 */
export interface Snapshot {
  kb: KnowledgeBase;
  index: BankState;
}

/** The file's first bytes: the format (a change to the layout changes it), then the key, the payload's hash, the payload. */
const MAGIC = Buffer.from('jchb-knowledge-snapshot/1\n', 'latin1');
const HASH = 32;
const CODE_DIR = fileURLToPath(new URL('../', import.meta.url));

export type Started =
  | { ok: true; kb: KnowledgeBase; engine: AnswerEngine; from: 'snapshot' | 'cold'; saved?: { ok: true } | { ok: false; error: string } }
  | { ok: false; problems: Problem[] };

export interface SnapshotOptions {
  /** Where the snapshot is read from and written to. */
  file: string;
  /** The code's version (default: a hash of this code's modules and dependencies; tests pass another to simulate an upgrade). */
  code?: string;
}

/**
 * Hashes every file below `root` (names and bytes, in a fixed order). A symbolic link is read through (knowledge mounted
 * as links, e.g. a Kubernetes ConfigMap); one to a directory is not followed, so it throws: no key, no snapshot.
 */
function hashFiles(hash: ReturnType<typeof createHash>, root: string): void {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
  for (const rel of files) {
    const bytes = readFileSync(path.join(root, rel));
    hash.update(`${rel}\0${bytes.length}\0`).update(bytes);
  }
}

let code: string | undefined;
/** This code's version: every module under src/ (or dist/src/), the installed and locked dependencies, Node. */
export function codeVersion(): string {
  if (code !== undefined) return code;
  const hash = createHash('sha256').update(`${process.version} icu ${process.versions.icu ?? '-'} ${process.versions.unicode ?? '-'}\n`);
  hashFiles(hash, CODE_DIR);
  for (const lock of ['node_modules/.package-lock.json', 'package-lock.json']) {
    try {
      hash.update(readFileSync(path.join(ROOT_DIR, lock)));
    } catch {
      hash.update(`no ${lock}`);
    }
  }
  return (code = hash.digest('hex'));
}

/** The key of the knowledge in `dir` under code version `code`. */
export function snapshotKey(dir: string, codeVersionText: string): Buffer {
  const hash = createHash('sha256').update(MAGIC).update(`${codeVersionText}\n`);
  hashFiles(hash, dir);
  return hash.digest();
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** The snapshot stored under `key`, or undefined for a missing, stale, corrupt or unreadable file. */
export function readSnapshot(file: string, key: Buffer): Snapshot | undefined {
  try {
    const bytes = readFileSync(file);
    const at = MAGIC.length;
    if (bytes.length < at + 2 * HASH || !bytes.subarray(0, at).equals(MAGIC)) return undefined;
    if (!bytes.subarray(at, at + HASH).equals(key)) return undefined;
    const payload = bytes.subarray(at + 2 * HASH);
    if (!sha256(payload).equals(bytes.subarray(at + HASH, at + 2 * HASH))) return undefined;
    const value = v8.deserialize(payload) as Partial<Snapshot> | undefined;
    return isSnapshot(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The shape a snapshot must have (the payload's hash already rules out damage: this guards against a foreign file). */
function isSnapshot(value: Partial<Snapshot> | undefined): value is Snapshot {
  const kb = value?.kb;
  const index = value?.index;
  if (!kb || !index || !Array.isArray(kb.entries) || !(kb.byId instanceof Map)) return false;
  const postings = [index.wordIndex, index.gramIndex, index.centroids];
  return (
    index.words instanceof Map &&
    index.grams instanceof Map &&
    index.owner instanceof Int32Array &&
    postings.every((p) => p?.start instanceof Int32Array && p.docs instanceof Int32Array && p.ws instanceof Float64Array) &&
    index.phrasingTerms.length === kb.entries.length &&
    index.answerTerms.length === kb.entries.length
  );
}

/** Writes the snapshot atomically: a temporary file beside it, renamed over it (readers never see half a file). */
export function writeSnapshot(file: string, key: Buffer, snapshot: Snapshot): void {
  const payload = v8.serialize(snapshot);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, Buffer.concat([MAGIC, key, sha256(payload), payload]));
    renameSync(temp, file);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Start-up: the knowledge base and its answer engine, from the snapshot when its key matches the knowledge and code
 * as they are now, else by a cold start (read, validate, index), which then writes the snapshot — unless a knowledge
 * file changed while it was read (the key must describe what was loaded). A failed write never fails the start.
 */
export function startKnowledge(dir: string, options: SnapshotOptions): Started {
  const codeText = options.code ?? codeVersion();
  let key: Buffer | undefined;
  try {
    key = snapshotKey(dir, codeText);
  } catch {
    key = undefined; // the directory cannot be read: the cold start reports it
  }
  const snapshot = key && readSnapshot(options.file, key);
  if (snapshot) return { ok: true, kb: snapshot.kb, engine: createAnswerEngine(snapshot.kb, snapshot.index), from: 'snapshot' };

  const loaded = readKnowledge(dir);
  if (!loaded.ok) return loaded;
  const engine = createAnswerEngine(loaded.kb);
  let saved: { ok: true } | { ok: false; error: string };
  try {
    if (!key || !snapshotKey(dir, codeText).equals(key)) throw new Error('the knowledge changed while it was read');
    writeSnapshot(options.file, key, { kb: loaded.kb, index: engine.index });
    saved = { ok: true };
  } catch (err) {
    saved = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  return { ok: true, kb: loaded.kb, engine, from: 'cold', saved };
}
