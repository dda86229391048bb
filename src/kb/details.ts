import type { Entry, SearchSettings } from './schema.js';

/**
 * search.yaml `asksFor`: the kinds of detail a question may ask for (a price, names of companies, opening hours) and
 * which entries can give each (their title or answer carries a sign of it). Returns, for a question and the entry that
 * would answer it, the kinds asked for that the entry cannot give: none means it may answer.
 */
export function detailGate(asksFor: SearchSettings['asksFor'], entries: readonly Entry[]) {
  const kinds = asksFor.map((kind) => {
    const signs = kind.signs.map((s) => new RegExp(s, 'iu'));
    return {
      name: kind.name,
      cue: new RegExp(kind.cues.map((c) => `(?:${c})`).join('|'), 'iu'),
      serving: new Set(entries.filter((e) => signs.some((sign) => sign.test(`${e.title}\n${e.answer}`))).map((e) => e.id)),
    };
  });
  return (question: string, entry: Entry): string[] => {
    const text = question.normalize('NFKC');
    return kinds.filter((k) => k.cue.test(text) && !k.serving.has(entry.id)).map((k) => k.name);
  };
}
