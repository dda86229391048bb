import { createHash } from 'node:crypto';
import { listFiles, readText, parseYamlText, splitFrontMatter, type Parsed } from './files.js';
import { KnowledgeBaseError, zodProblems, type Problem } from './problems.js';
import {
  answerSchema,
  entryMetaSchema,
  guidesSchema,
  searchSettingsSchema,
  sourcesSchema,
  topicsSchema,
  type Entry,
  type Guide,
  type SearchSettings,
  type Source,
  type Topic,
} from './schema.js';
import { crossCheck } from './cross-check.js';
import { buildRefIndex, type RefIndex } from './refs.js';
import { loadRules, type RuleTables } from './rules/load.js';

export interface KnowledgeBase {
  /** Short content hash of every knowledge file: changes whenever a curator changes anything. */
  version: string;
  guides: ReadonlyMap<string, Guide>;
  topics: readonly Topic[];
  sources: ReadonlyMap<string, Source>;
  search: SearchSettings;
  entries: readonly Entry[];
  byId: ReadonlyMap<string, Entry>;
  /** Rule tables of /career-path, /visa-check and /hsp-points (knowledge/rules/). */
  rules: RuleTables;
  /** Source and guide-section titles, for the Sources sections of the deterministic engines' answers. */
  refs: RefIndex;
}

export type LoadResult = { ok: true; kb: KnowledgeBase } | { ok: false; problems: Problem[] };

type Read = Promise<Parsed<string>>;

async function loadList<T>(rel: string, read: Read, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, hash: ReturnType<typeof createHash>, problems: Problem[]): Promise<T | undefined> {
  const text = await read;
  if (!text.ok) return void problems.push(...text.problems);
  hash.update(rel).update(text.value);
  const yaml = parseYamlText(rel, text.value);
  if (!yaml.ok) return void problems.push(...yaml.problems);
  const parsed = schema.safeParse(yaml.value);
  if (!parsed.success) return void problems.push(...zodProblems(rel, parsed.error));
  return parsed.data;
}

async function loadEntry(rel: string, read: Read, hash: ReturnType<typeof createHash>, problems: Problem[]): Promise<Entry | undefined> {
  const text = await read;
  if (!text.ok) return void problems.push(...text.problems);
  hash.update(rel).update(text.value);
  const split = splitFrontMatter(rel, text.value);
  if (!split.ok) return void problems.push(...split.problems);
  const meta = entryMetaSchema.safeParse(split.value.meta);
  const answer = answerSchema.safeParse(split.value.body);
  if (!meta.success) problems.push(...zodProblems(rel, meta.error));
  if (!answer.success) problems.push(...zodProblems(rel, answer.error, 'answer'));
  if (!meta.success || !answer.success) return undefined;
  return { ...meta.data, answer: answer.data, file: rel };
}

/** Reads and validates every file in the knowledge directory, collecting every problem rather than stopping at the first. */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const problems: Problem[] = [];
  const hash = createHash('sha256');
  // Every file is read at once (start-up time is mostly waiting for the disk); parsing stays in a fixed order.
  const [guidesText, topicsText, sourcesText, searchText] = ['guides.yaml', 'topics.yaml', 'sources.yaml', 'search.yaml'].map((f) => readText(dir, f));
  const guides = await loadList('guides.yaml', guidesText!, guidesSchema, hash, problems);
  const topics = await loadList('topics.yaml', topicsText!, topicsSchema, hash, problems);
  const sources = await loadList('sources.yaml', sourcesText!, sourcesSchema, hash, problems);
  const search = await loadList('search.yaml', searchText!, searchSettingsSchema, hash, problems);

  let files: string[] = [];
  try {
    files = await listFiles(dir, 'entries', '.md');
  } catch {
    problems.push({ file: 'entries/', field: '(file)', message: 'the entries directory cannot be read' });
  }
  if (files.length === 0) problems.push({ file: 'entries/', field: '(file)', message: 'holds no entries' });
  const entries: Entry[] = [];
  const reads = files.map((file) => readText(dir, file));
  for (const [i, file] of files.entries()) {
    const entry = await loadEntry(file, reads[i]!, hash, problems);
    if (entry) entries.push(entry);
  }

  if (!guides || !topics || !sources || !search) return { ok: false, problems };
  problems.push(...crossCheck({ guides, topics, sources, entries, search }));
  const refs = buildRefIndex(guides, sources);
  const rules = await loadRules(dir, refs);
  if (rules.ok) hash.update(rules.rules.version);
  else problems.push(...rules.problems);
  if (problems.length > 0 || !rules.ok) return { ok: false, problems };

  return {
    ok: true,
    kb: {
      version: hash.digest('hex').slice(0, 12),
      guides: new Map(guides.map((g) => [g.id, g])),
      topics,
      sources: new Map(sources.map((s) => [s.id, s])),
      search,
      entries,
      byId: new Map(entries.map((e) => [e.id, e])),
      rules: rules.rules,
      refs,
    },
  };
}

/** For the bot and the CLI: an invalid knowledge base stops start-up with the same message `npm run kb:check` prints. */
export async function loadKnowledgeOrThrow(dir: string): Promise<KnowledgeBase> {
  const result = await loadKnowledge(dir);
  if (!result.ok) throw new KnowledgeBaseError(result.problems);
  return result.kb;
}
