import { fileURLToPath } from 'node:url';

/** The repository root, resolved from this file (src/paths.ts, or dist/src/paths.js once built with `npm run build`) so scripts work from any working directory. */
const ROOT_URL = new URL(import.meta.url.endsWith('/dist/src/paths.js') ? '../../' : '../', import.meta.url);
export const ROOT_DIR = fileURLToPath(ROOT_URL);
export const KNOWLEDGE_DIR = fileURLToPath(new URL('knowledge/', ROOT_URL));
/** The start-up snapshot (src/answer/snapshot.ts): derived, rewritten whenever the knowledge or the code changes; git-ignored. */
export const SNAPSHOT_FILE = fileURLToPath(new URL('.cache/knowledge-snapshot.bin', ROOT_URL));
