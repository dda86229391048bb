import type { Problem } from './problems.js';
import { detailGate } from './details.js';
import { oneSpace, phraseMatcher } from './mentions.js';
import { PHRASINGS, type Entry, type Guide, type SearchSettings, type Source, type Topic } from './schema.js';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const LATIN_WORD = /[A-Za-z]{2,}/;
const norm = (s: string) => oneSpace(s.normalize('NFKC').toLowerCase()).trim();

/** Each phrasing belongs to one entry, and every entry has enough of them in Japanese and mixed with English. */
function checkPhrasings(e: Entry, phrasingOwner: Map<string, Entry>, at: (field: string, message: string) => void): void {
  e.questions.forEach((q, i) => {
    const key = norm(q);
    const owner = phrasingOwner.get(key);
    if (owner === e) at(`questions.${i}`, 'duplicate phrasing');
    else if (owner) at(`questions.${i}`, `duplicate phrasing (also a phrasing of ${owner.id})`);
    else phrasingOwner.set(key, e);
  });
  const japanese = e.questions.filter((q) => JAPANESE.test(q));
  if (japanese.length < PHRASINGS.japanese)
    at('questions', `needs at least ${PHRASINGS.japanese} phrasings in Japanese (has ${japanese.length})`);
  if (japanese.filter((q) => LATIN_WORD.test(q)).length < PHRASINGS.mixed) {
    at('questions', `needs at least ${PHRASINGS.mixed} phrasing mixing English and Japanese (e.g. "N3でIT転職いける？")`);
  }
}

function duplicateIds<T extends { id: string }>(items: T[], file: (t: T) => string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, T>();
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) problems.push({ file: file(item), field: 'id', message: `duplicate id "${item.id}" (also in ${file(first)})` });
    else seen.set(item.id, item);
  }
  return problems;
}

/** Checks that need more than one file: duplicates, references, sources for facts, coverage of every guide section. */
export function crossCheck(kb: {
  guides: Guide[];
  topics: Topic[];
  sources: Source[];
  entries: Entry[];
  search: SearchSettings;
}): Problem[] {
  const problems: Problem[] = [
    ...duplicateIds(kb.guides, () => 'guides.yaml'),
    ...duplicateIds(kb.topics, () => 'topics.yaml'),
    ...duplicateIds(kb.sources, () => 'sources.yaml'),
    ...duplicateIds(kb.entries, (e) => e.file),
  ];

  const topics = new Set(kb.topics.map((t) => t.id));
  const sources = new Set(kb.sources.map((s) => s.id));
  const entryIds = new Set(kb.entries.map((e) => e.id));
  const sections = new Map<string, boolean>();
  for (const g of kb.guides) for (const s of Object.keys(g.sections)) sections.set(`${g.id}#${s}`, false);
  const keywordOwner = new Map<string, Entry>();
  const phrasingOwner = new Map<string, Entry>();

  for (const e of kb.entries) {
    const at = (field: string, message: string) => problems.push({ file: e.file, field, message });
    if (!topics.has(e.topic)) at('topic', `unknown topic "${e.topic}" (topics.yaml lists ${[...topics].join(', ')})`);
    e.guides.forEach((ref, i) => {
      const [guide] = ref.split('#');
      if (!kb.guides.some((g) => g.id === guide)) at(`guides.${i}`, `unknown guide "${guide}"`);
      else if (!sections.has(ref)) at(`guides.${i}`, `unknown section "${ref}" (see guides.yaml)`);
      else sections.set(ref, true);
    });
    e.sources.forEach((id, i) => {
      if (!sources.has(id)) at(`sources.${i}`, `unknown source "${id}" (see sources.yaml)`);
    });
    if (e.facts.length > 0 && e.sources.length === 0) {
      at('sources', `missing source: the entry uses facts ${e.facts.join(', ')} but cites no public source`);
    }
    e.related.forEach((id, i) => {
      if (id === e.id) at(`related.${i}`, 'an entry cannot be related to itself');
      else if (!entryIds.has(id)) at(`related.${i}`, `unknown entry "${id}"`);
    });
    const own = new Set<string>();
    e.keywords.forEach((k, i) => {
      const key = norm(k);
      if (own.has(key)) return at(`keywords.${i}`, `duplicate keyword "${k}" in this entry`);
      own.add(key);
      const owner = keywordOwner.get(key);
      if (owner) at(`keywords.${i}`, `duplicate keyword "${k}" (already a keyword of ${owner.id})`);
      else keywordOwner.set(key, e);
    });
    checkPhrasings(e, phrasingOwner, at);
  }
  problems.push(...outOfScopeProblems(kb.search, kb.entries));
  problems.push(...detailProblems(kb.search, kb.entries));
  problems.push(...formerIdProblems(kb.entries));
  for (const [ref, covered] of sections) {
    if (!covered) problems.push({ file: 'guides.yaml', field: ref, message: 'no entry covers this guide section' });
  }
  return problems;
}

/** `formerly` names only entries merged away, each claimed by one entry. */
function formerIdProblems(entries: readonly Entry[]): Problem[] {
  const problems: Problem[] = [];
  const live = new Set(entries.map((e) => e.id));
  const claimedBy = new Map<string, string>();
  for (const e of entries) {
    e.formerly.forEach((id, i) => {
      const at = (message: string) => problems.push({ file: e.file, field: `formerly.${i}`, message });
      const owner = claimedBy.get(id);
      if (live.has(id)) at(`"${id}" is a live entry's id; formerly lists only entries merged into this one`);
      else if (owner) at(`"${id}" is already claimed by ${owner}`);
      else claimedBy.set(id, e.id);
    });
  }
  return problems;
}

/** A phrasing must not ask for a kind of detail (search.yaml asksFor) its own entry cannot give: it could never answer. */
function detailProblems(search: SearchSettings, entries: readonly Entry[]): Problem[] {
  const lacking = detailGate(search.asksFor, entries);
  return entries.flatMap((e) =>
    e.questions.flatMap((q, i) =>
      lacking(q, e).map((kind) => ({
        file: e.file,
        field: `questions.${i}`,
        message: `asks for ${kind}, which this entry's answer does not give`,
      })),
    ),
  );
}

/** An out-of-scope subject must not be a synonym variant, nor appear in any entry (that entry would become unreachable). */
function outOfScopeProblems(search: SearchSettings, entries: readonly Entry[]): Problem[] {
  const problems: Problem[] = [];
  const variants = new Set(search.synonyms.flatMap((g) => g.variants.map(norm)));
  search.outOfScope.forEach((phrase, i) => {
    if (variants.has(norm(phrase)))
      problems.push({ file: 'search.yaml', field: `outOfScope.${i}`, message: `"${phrase}" is also a synonym variant` });
  });
  const mentioned = phraseMatcher(search.outOfScope);
  for (const e of entries) {
    const phrase = mentioned([e.title, ...e.keywords, ...e.questions, e.answer].join(' \n '));
    if (phrase) problems.push({ file: e.file, field: '(entry)', message: `mentions "${phrase}", which search.yaml lists as out of scope` });
  }
  return problems;
}
