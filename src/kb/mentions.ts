const LATIN_PHRASE = /^[\p{Script=Latin}\p{N}\s'’.-]+$/u;
// A Latin phrase's word boundary: no Latin letter or digit next to it. Japanese may follow directly, as in mixed
// writing ("my numberカード", "NHKの").
const WORD_CHAR_BEFORE = /[\p{Script=Latin}\p{N}]$/u;
const WORD_CHAR_AFTER = /^[\p{Script=Latin}\p{N}]/u;
const ODD_SPACE = /[^\S ]| {2}/;
/**
 * Every run of white space as one space. The text itself when there is nothing to change (most phrasings): replacing
 * each single space by a space still copies the text, and kb validation reads thousands of them.
 */
export const oneSpace = (s: string) => (ODD_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s);
const norm = (s: string) => oneSpace(s.normalize('NFKC').toLowerCase());

/** Whether the character ending at `end` (or starting at `start`) is a letter or digit: ASCII decided directly. */
function wordCharBefore(text: string, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  if (c < 0x80 || Number.isNaN(c)) return ASCII_WORD(c);
  return WORD_CHAR_BEFORE.test(text.slice(Math.max(0, end - 2), end));
}
function wordCharAfter(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 0x80 || Number.isNaN(c)) return ASCII_WORD(c);
  return WORD_CHAR_AFTER.test(text.slice(start, start + 2));
}
const ASCII_WORD = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Where `key` first occurs in `text` as a whole word (no Latin letter or digit either side), or -1. */
function wholeWordAt(text: string, key: string): number {
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    if (!wordCharBefore(text, at) && !wordCharAfter(text, at + key.length)) return at;
  }
  return -1;
}

/**
 * A matcher for phrases in text, case-insensitive: Latin phrases as whole words ("rent" does not hit "current"),
 * Japanese anywhere. Used for the out-of-scope subjects of knowledge/search.yaml, by kb:check and by the engine.
 * Names the phrase found first in the text (of two found at the same place, the one listed first). One plain
 * substring search per phrase: a single regular expression of all of them tried every phrase at every character.
 */
export function phraseMatcher(phrases: readonly string[]): (text: string) => string | undefined {
  const keys = phrases.map((p) => {
    const key = norm(p).trim();
    return { key, whole: LATIN_PHRASE.test(key) };
  });
  return (raw) => {
    const text = norm(raw);
    let found = -1;
    let first = Infinity;
    keys.forEach(({ key, whole }, i) => {
      const at = whole ? wholeWordAt(text, key) : text.indexOf(key);
      if (at >= 0 && at < first) [found, first] = [i, at];
    });
    return found < 0 ? undefined : phrases[found];
  };
}
