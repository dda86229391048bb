const LATIN_PHRASE = /^[\p{Script=Latin}\p{N}\s'’.-]+$/u;
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

/**
 * A matcher for phrases in text, case-insensitive: Latin phrases as whole words ("rent" does not hit "current"),
 * Japanese anywhere. Used for the out-of-scope subjects of knowledge/search.yaml, by kb:check and by the engine.
 */
export function phraseMatcher(phrases: readonly string[]): (text: string) => string | undefined {
  const keys = phrases.map((p) => norm(p).trim());
  const source = keys.map((key) => (LATIN_PHRASE.test(key) ? `(?<![\\p{L}\\p{N}])${escape(key)}(?![\\p{L}\\p{N}])` : escape(key)));
  const all = source.length > 0 ? new RegExp(source.map((s) => `(${s})`).join('|'), 'u') : undefined;
  return (text) => {
    const m = all?.exec(norm(text));
    // The first group that matched names the phrase.
    return m ? phrases[m.slice(1).findIndex((g) => g !== undefined)] : undefined;
  };
}
