import { loadKnowledgeOrThrow, type KnowledgeBase } from '../../src/kb/load.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';

let cached: Promise<KnowledgeBase> | undefined;

/** The real knowledge base, loaded once per test file. */
export function realKnowledgeBase(): Promise<KnowledgeBase> {
  cached ??= loadKnowledgeOrThrow(KNOWLEDGE_DIR);
  return cached;
}
