import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { expect } from 'vitest';
import { factsSchema } from '../../src/kb/facts.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { buildRefIndex, type RefIndex } from '../../src/kb/refs.js';
import { loadRules, type RuleTables } from '../../src/kb/rules/load.js';
import { guidesSchema, repliesSchema, sourcesSchema } from '../../src/kb/schema.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';

const read = async (file: string): Promise<unknown> =>
  load(await readFile(path.join(KNOWLEDGE_DIR, file), 'utf8'), { schema: CORE_SCHEMA });

/** The real guides.yaml, sources.yaml and facts.yaml, as the reference index rule tables are validated against. */
export async function realRefs(): Promise<RefIndex> {
  const facts = new Map(Object.entries(factsSchema.parse(await read('facts.yaml'))));
  return buildRefIndex(guidesSchema.parse(await read('guides.yaml')), sourcesSchema.parse(await read('sources.yaml')), facts);
}

export async function realRuleText(file: 'career-path' | 'visa-check' | 'hsp-points' | 'deadlines'): Promise<string> {
  return readFile(path.join(KNOWLEDGE_DIR, 'rules', `${file}.yaml`), 'utf8');
}

/** The real rule tables; throws with the problem list if they are invalid (a dedicated test reports them). */
export async function realRules(): Promise<RuleTables> {
  const result = loadRules(KNOWLEDGE_DIR, await realRefs());
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.rules;
}

/**
 * A knowledge base holding what the engine subcommands use (guides, sources, rules), built without the entries so
 * these tests do not depend on entry files being edited elsewhere.
 */
export async function engineKb(): Promise<KnowledgeBase> {
  const refs = await realRefs();
  const guides = guidesSchema.parse(await read('guides.yaml'));
  const sources = sourcesSchema.parse(await read('sources.yaml'));
  const partial: Omit<KnowledgeBase, 'search' | 'understand'> = {
    version: 'test',
    guides: new Map(guides.map((g) => [g.id, g])),
    sources: new Map(sources.map((s) => [s.id, s])),
    topics: [],
    entries: [],
    byId: new Map(),
    replies: repliesSchema.parse(await read('replies.yaml')),
    rules: await realRules(),
    refs,
  };
  return partial as KnowledgeBase;
}

/** Replaces exactly one occurrence of `from` (so a test fails loudly if the real table changed under it). */
export function editOnce(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `"${from}" should occur once`).toBe(1);
  return text.replace(from, to);
}
