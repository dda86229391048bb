import type { Problem } from './problems.js';
import type { Entry, Guide, SearchSettings, Source, Topic } from './schema.js';

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Checks that need more than one file: duplicates, references, sources for facts, coverage of every guide section. */
export function crossCheck(kb: { guides: Guide[]; topics: Topic[]; sources: Source[]; entries: Entry[]; search: SearchSettings }): Problem[] {
  const problems: Problem[] = [];
  const duplicate = <T extends { id: string }>(items: T[], file: (t: T) => string) => {
    const seen = new Map<string, T>();
    for (const item of items) {
      const first = seen.get(item.id);
      if (first) problems.push({ file: file(item), field: 'id', message: `duplicate id "${item.id}" (also in ${file(first)})` });
      else seen.set(item.id, item);
    }
  };
  duplicate(kb.guides, () => 'guides.yaml');
  duplicate(kb.topics, () => 'topics.yaml');
  duplicate(kb.sources, () => 'sources.yaml');
  duplicate(kb.entries, (e) => e.file);

  const topics = new Set(kb.topics.map((t) => t.id));
  const sources = new Set(kb.sources.map((s) => s.id));
  const entryIds = new Set(kb.entries.map((e) => e.id));
  const sections = new Map<string, boolean>();
  for (const g of kb.guides) for (const s of Object.keys(g.sections)) sections.set(`${g.id}#${s}`, false);
  const keywordOwner = new Map<string, Entry>();

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
    const questions = new Set<string>();
    e.questions.forEach((q, i) => {
      if (questions.has(norm(q))) at(`questions.${i}`, 'duplicate example question');
      questions.add(norm(q));
    });
  }
  problems.push(...outOfScopeProblems(kb.search, kb.entries));
  for (const [ref, covered] of sections) {
    if (!covered) problems.push({ file: 'guides.yaml', field: ref, message: 'no entry covers this guide section' });
  }
  return problems;
}

/** An out-of-scope subject must not be a synonym variant too, nor appear in any entry (it would make that entry unreachable). */
function outOfScopeProblems(search: SearchSettings, entries: Entry[]): Problem[] {
  const problems: Problem[] = [];
  const variants = new Set(search.synonyms.flatMap((g) => g.variants.map(norm)));
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const texts = entries.map((e) => ({ e, text: norm([e.title, ...e.keywords, ...e.questions, e.answer].join(' \n ')) }));
  search.outOfScope.forEach((phrase, i) => {
    const key = norm(phrase);
    if (variants.has(key)) problems.push({ file: 'search.yaml', field: `outOfScope.${i}`, message: `"${phrase}" is also a synonym variant` });
    // Latin phrases match whole words ("rent" must not hit "current"); Japanese matches anywhere.
    const re = /^[\p{Script=Latin}\p{N}\s'’-]+$/u.test(key) ? new RegExp(`(?<![\\p{L}\\p{N}])${escape(key)}(?![\\p{L}\\p{N}])`, 'u') : new RegExp(escape(key), 'u');
    for (const { e, text } of texts) {
      if (re.test(text)) problems.push({ file: e.file, field: '(entry)', message: `mentions "${phrase}", which search.yaml lists as out of scope` });
    }
  });
  return problems;
}
