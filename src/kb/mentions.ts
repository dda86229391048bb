const LATIN_PHRASE = /^[\p{Script=Latin}\p{N}\s'’.-]+$/u;
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

/**
 * A matcher for phrases in text, case-insensitive: Latin phrases as whole words ("rent" does not hit "current"),
 * Japanese anywhere. Used for the out-of-scope subjects of knowledge/search.yaml, by kb:check and by the engine.
 */
export function phraseMatcher(phrases: readonly string[]): (text: string) => string | undefined {
  const res = phrases.map((p) => {
    const key = norm(p).trim();
    const source = LATIN_PHRASE.test(key) ? `(?<![\\p{L}\\p{N}])${escape(key)}(?![\\p{L}\\p{N}])` : escape(key);
    return { phrase: p, re: new RegExp(source, 'u') };
  });
  return (text) => {
    const t = norm(text);
    return res.find((r) => r.re.test(t))?.phrase;
  };
}
