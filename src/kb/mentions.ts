const LATIN_PHRASE = /^[\p{Script=Latin}\p{N}\s'’.-]+$/u;
// A Latin phrase's word boundary: no Latin letter or digit next to it. Japanese may follow directly, as in mixed
// writing ("my numberカード", "NHKの").
const WORD_CHAR_BEFORE = /[\p{Script=Latin}\p{N}]$/u;
const WORD_CHAR_AFTER = /^[\p{Script=Latin}\p{N}]/u;
const ODD_SPACE = /[^\S ]| {2}/;
/** A run of white space that is not one plain space: two or more characters, or one that is not a space. */
const ODD_SPACES = /\s{2,}|[^\S ]/g;
/**
 * Every run of white space as one space. The text itself when there is nothing to change (most phrasings): replacing
 * each single space by a space still copies the text, and kb validation reads thousands of them. Only the odd runs
 * are replaced (the same result as replacing every run): an entry's whole text has ~1,000 words between single
 * spaces, and replacing each of them cost kb:check ~4 MB of garbage.
 */
export const oneSpace = (s: string) => (ODD_SPACE.test(s) ? s.replace(ODD_SPACES, ' ') : s);
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

const LEADING_WORD = /^[\p{Script=Latin}\p{N}]+/u;
const NON_ASCII = /[^\p{ASCII}]/u;
/** `s` as a regular expression matching it literally. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Key {
  key: string;
  /** Matched as a whole word (a Latin phrase), else anywhere. */
  whole: boolean;
}

/**
 * How each phrase is found without searching the whole text for it: a whole-word phrase that starts with a letter or
 * digit where the text has a run of letters and digits equal to its first word (the phrase goes on with a space or a
 * mark, or ends, and then the boundary needs a non-letter after it); any other phrase with a non-ASCII character (all
 * Japanese ones) where the text has that character (`offset`: where it is in the phrase). The rest: a search each.
 */
interface Lookup {
  words: Map<string, number[]>;
  /**
   * Any of the first words, longest first (at a run of letters equal to one, no longer one matches there): one regular
   * expression of plain words finds them in a fraction of the time of going through every word of a long text.
   */
  wordRe: RegExp | undefined;
  anchors: Map<string, { phrase: number; offset: number }[]>;
  /** Any anchor character: one pass over the text finds them all. */
  anchorRe: RegExp | undefined;
  others: number[];
}

function lookupOf(keys: readonly Key[]): Lookup {
  const lookup: Lookup = { words: new Map(), wordRe: undefined, anchors: new Map(), anchorRe: undefined, others: [] };
  const add = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
  keys.forEach(({ key, whole }, phrase) => {
    const word = whole ? LEADING_WORD.exec(key)?.[0] : undefined;
    const offset = whole ? -1 : key.search(NON_ASCII);
    if (word !== undefined) add(lookup.words, word, phrase);
    else if (offset >= 0) add(lookup.anchors, key[offset]!, { phrase, offset });
    else lookup.others.push(phrase);
  });
  const words = [...lookup.words.keys()].sort((a, b) => b.length - a.length);
  if (words.length > 0) lookup.wordRe = new RegExp(words.map(escapeRegExp).join('|'), 'g');
  // Code units, not code points (no u flag): an anchor is found wherever indexOf would find its phrase.
  if (lookup.anchors.size > 0) lookup.anchorRe = new RegExp(`[${[...lookup.anchors.keys()].join('')}]`, 'g');
  return lookup;
}

/** The first place found, and which phrase (of two found at the same place, the one listed first). */
class Found {
  at = Infinity;
  phrase = -1;

  take(at: number, phrase: number): void {
    if (at < this.at || (at === this.at && phrase < this.phrase)) [this.at, this.phrase] = [at, phrase];
  }
}

/** The phrases found through `lookup` (see Lookup), into `found`. */
function search(text: string, keys: readonly Key[], lookup: Lookup, found: Found): void {
  for (const i of lookup.others) {
    const { key, whole } = keys[i]!;
    const at = whole ? wholeWordAt(text, key) : text.indexOf(key);
    if (at >= 0) found.take(at, i);
  }
  const re = lookup.anchorRe;
  if (re) re.lastIndex = 0;
  for (let m = re?.exec(text); m; m = re!.exec(text)) {
    for (const { phrase, offset } of lookup.anchors.get(m[0])!) {
      const at = m.index - offset;
      if (at >= 0 && text.startsWith(keys[phrase]!.key, at)) found.take(at, phrase);
    }
  }
  const words = lookup.wordRe;
  if (words) words.lastIndex = 0;
  for (let m = words?.exec(text); m && m.index <= found.at; m = words!.exec(text)) {
    const [at, end] = [m.index, m.index + m[0].length];
    if (wordCharBefore(text, at) || wordCharAfter(text, end)) continue; // part of a longer word
    for (const i of lookup.words.get(m[0])!) {
      const { key } = keys[i]!;
      if (text.startsWith(key, at) && !wordCharAfter(text, at + key.length)) found.take(at, i);
    }
  }
}

/**
 * A matcher for phrases in text, case-insensitive: Latin phrases as whole words ("rent" does not hit "current"),
 * Japanese anywhere. Used for the out-of-scope subjects of knowledge/search.yaml, by kb:check and by the engine.
 * Names the phrase found first in the text (of two found at the same place, the one listed first). The text is read
 * twice whatever the number of phrases (see Lookup): kb:check reads every entry's whole text for ~200 phrases, and
 * one substring search per phrase cost ~25 ms of every start-up (a question: ~20 µs, now ~5).
 */
export function phraseMatcher(phrases: readonly string[]): (text: string) => string | undefined {
  const keys = phrases.map((p): Key => {
    const key = norm(p).trim();
    return { key, whole: LATIN_PHRASE.test(key) };
  });
  const lookup = lookupOf(keys);
  return (raw) => {
    const found = new Found();
    search(norm(raw), keys, lookup, found);
    return found.phrase < 0 ? undefined : phrases[found.phrase];
  };
}
