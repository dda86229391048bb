import { createHash, type Hash } from 'node:crypto';
import type { z } from 'zod';
import { crossCheck } from './cross-check.js';
import { factFiller, factsSchema, type FactFiller, type Facts } from './facts.js';
import { listFiles, parseYamlText, readText, splitFrontMatter, type Parsed } from './files.js';
import { KnowledgeBaseError, PARSE_ONCE, zodProblems, type Problem } from './problems.js';
import { buildRefIndex, refProblems, type RefIndex } from './refs.js';
import { loadRules, type RuleTables } from './rules/load.js';
import { leadEntryProblems, outOfScopeProblems, understandProblems, understandSchema, type Understand } from './understand.js';
import {
  answerSchema,
  entryMetaSchema,
  guidesSchema,
  repliesSchema,
  searchSettingsSchema,
  sourcesSchema,
  topicsSchema,
  type Entry,
  type Guide,
  type Replies,
  type SearchSettings,
  type Source,
  type Topic,
} from './schema.js';

export interface KnowledgeBase {
  /** Short content hash of every knowledge file: changes whenever a curator changes anything. */
  version: string;
  guides: ReadonlyMap<string, Guide>;
  topics: readonly Topic[];
  sources: ReadonlyMap<string, Source>;
  search: SearchSettings;
  entries: readonly Entry[];
  byId: ReadonlyMap<string, Entry>;
  /** What the bot says without an answer, and the AI-draft label (knowledge/replies.yaml). */
  replies: Replies;
  /** Rule tables of /career-path, /visa-check and /hsp-points (knowledge/rules/). */
  rules: RuleTables;
  /** Source and guide-section titles and facts, for the Sources sections of the deterministic engines' answers. */
  refs: RefIndex;
  /** How free-form questions are read into the rule commands' options (knowledge/understand.yaml). */
  understand: Understand;
}

export type LoadResult = { ok: true; kb: KnowledgeBase } | { ok: false; problems: Problem[] };

/** Every file's text goes into the version hash; problems are collected, never thrown. */
interface Loading {
  hash: Hash;
  problems: Problem[];
}

function loadYaml<T>(rel: string, text: Parsed<string>, schema: z.ZodType<T>, at: Loading): T | undefined {
  if (!text.ok) return void at.problems.push(...text.problems);
  at.hash.update(rel).update(text.value);
  const yaml = parseYamlText(rel, text.value);
  if (!yaml.ok) return void at.problems.push(...yaml.problems);
  const parsed = schema.safeParse(yaml.value, PARSE_ONCE);
  if (!parsed.success) return void at.problems.push(...zodProblems(rel, parsed.error));
  return parsed.data;
}

function loadEntry(rel: string, text: Parsed<string>, facts: FactFiller, at: Loading): Entry | undefined {
  if (!text.ok) return void at.problems.push(...text.problems);
  at.hash.update(rel).update(text.value);
  const split = splitFrontMatter(rel, text.value);
  if (!split.ok) return void at.problems.push(...split.problems);
  const body = facts.text(split.value.body, rel, 'answer');
  at.problems.push(...body.problems);
  const meta = entryMetaSchema.safeParse(split.value.meta, PARSE_ONCE);
  const answer = answerSchema.safeParse(body.value, PARSE_ONCE);
  if (!meta.success) at.problems.push(...zodProblems(rel, meta.error));
  if (!answer.success) at.problems.push(...zodProblems(rel, answer.error, 'answer'));
  if (!meta.success || !answer.success) return undefined;
  return { ...meta.data, answer: answer.data, file: rel };
}

function loadEntries(dir: string, facts: FactFiller, at: Loading): Entry[] {
  let files: string[] = [];
  try {
    files = listFiles(dir, 'entries', '.md');
  } catch {
    at.problems.push({ file: 'entries/', field: '(file)', message: 'the entries directory cannot be read' });
  }
  if (files.length === 0) at.problems.push({ file: 'entries/', field: '(file)', message: 'holds no entries' });
  const entries: Entry[] = [];
  for (const file of files) {
    const entry = loadEntry(file, readText(dir, file), facts, at);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Every fact cites known sources and (once every text has been read) is used by some text. */
function factProblems(refs: RefIndex, used: ReadonlySet<string> | undefined): Problem[] {
  const problems = [...refs.facts].flatMap(([id, fact]) => refProblems(refs, 'facts.yaml', `${id}.sources`, fact.sources));
  for (const id of used ? refs.facts.keys() : []) {
    if (!used?.has(id)) problems.push({ file: 'facts.yaml', field: id, message: `no entry or rule table uses this fact ({{${id}}})` });
  }
  return problems;
}

/**
 * Reads and validates every file in the knowledge directory, collecting every problem rather than stopping at the first.
 * Synchronous (local files, read at start-up); `loadKnowledge` is the same as a promise.
 */
export function readKnowledge(dir: string): LoadResult {
  const at: Loading = { hash: createHash('sha256'), problems: [] };
  const yaml = <T>(rel: string, schema: z.ZodType<T>) => loadYaml(rel, readText(dir, rel), schema, at);
  const guides = yaml('guides.yaml', guidesSchema);
  const topics = yaml('topics.yaml', topicsSchema);
  const sources = yaml('sources.yaml', sourcesSchema);
  const search = yaml('search.yaml', searchSettingsSchema);
  const factList = yaml('facts.yaml', factsSchema);
  const replies = yaml('replies.yaml', repliesSchema);
  const understand = yaml('understand.yaml', understandSchema);
  const facts: Facts = new Map(Object.entries(factList ?? {}));
  const filler = factFiller(facts);
  const entries = loadEntries(dir, filler, at);

  if (!guides || !topics || !sources || !search || !factList || !replies || !understand) return { ok: false, problems: at.problems };
  at.problems.push(...crossCheck({ guides, topics, sources, entries, search }), ...understandProblems(understand, 'understand.yaml'));
  at.problems.push(...outOfScopeProblems(understand, search.outOfScope));
  at.problems.push(...leadEntryProblems(understand, new Set(entries.map((e) => e.id)), 'understand.yaml'));
  const refs = buildRefIndex(guides, sources, facts);
  const rules = loadRules(dir, refs, filler);
  if (rules.ok) at.hash.update(rules.rules.version);
  else at.problems.push(...rules.problems);
  at.problems.push(...factProblems(refs, rules.ok ? filler.used : undefined));
  if (at.problems.length > 0 || !rules.ok) return { ok: false, problems: at.problems };

  const byId = new Map(entries.map((e) => [e.id, e]));
  const kb = {
    guides: new Map(guides.map((g) => [g.id, g])),
    topics,
    sources: new Map(sources.map((s) => [s.id, s])),
    search,
    entries,
    byId,
    replies,
    understand,
  };
  return { ok: true, kb: { version: at.hash.digest('hex').slice(0, 12), ...kb, rules: rules.rules, refs } };
}

export const loadKnowledge = (dir: string): Promise<LoadResult> => new Promise((resolve) => resolve(readKnowledge(dir)));

/** For the bot and the CLI: an invalid knowledge base stops start-up with the same message `npm run kb:check` prints. */
export async function loadKnowledgeOrThrow(dir: string): Promise<KnowledgeBase> {
  const result = await loadKnowledge(dir);
  if (!result.ok) throw new KnowledgeBaseError(result.problems);
  return result.kb;
}
