import { normPhrase } from '../kb/understand.js';

/**
 * Text primitives of the reader: the question in one normal form (NFKC, lower case, straight apostrophes, single
 * spaces; positions refer to it), phrase lists compiled into one longest-first pattern, and the clause around a
 * position (cut at punctuation), where cues are looked for.
 */
export const normalize = normPhrase;

const LATIN_EDGE = /[\p{Script=Latin}\p{N}]/u;
const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A phrase as a pattern: Latin edges need a word boundary (alt ≠ salt), Japanese edges none. A unit written right
 * after a number ("5yrs", "7.5m") needs no boundary in front (`unit`).
 */
export function phrasePattern(phrase: string, unit = false): string {
  const p = normalize(phrase);
  const head = !unit && LATIN_EDGE.test(p[0] ?? '') ? '(?<![\\p{Script=Latin}\\p{N}])' : '';
  const tail = LATIN_EDGE.test(p.at(-1) ?? '') ? '(?![\\p{Script=Latin}\\p{N}])' : '';
  return `${head}${escape(p)}${tail}`;
}

/** One alternation of phrases, longest first, so "no degree" wins over "degree". */
export function alternation(phrases: readonly string[], unit = false): string {
  const unique = [...new Set(phrases.map(normalize))].sort((a, b) => b.length - a.length);
  return unique.map((p) => phrasePattern(p, unit)).join('|');
}

export interface Match<V> {
  start: number;
  end: number;
  /** The words as written (normalised). */
  text: string;
  /** Every value the phrase names: one, or several when it is unclear which. */
  values: V[];
}

/** A compiled list of phrases, each naming one or more values. */
export interface PhraseIndex<V> {
  find(text: string): Match<V>[];
}

/** A letter or digit at code point `at` of `text` (the characters a Latin phrase's edge must not touch). */
const isWordChar = (text: string, at: number) =>
  at >= 0 && at < text.length && LATIN_EDGE.test(String.fromCodePoint(text.codePointAt(at)!));
/** The index of the code point that ends right before `at` (a surrogate pair counts as one). */
const previous = (text: string, at: number) =>
  at >= 2 && /[\uDC00-\uDFFF]/.test(text[at - 1]!) && /[\uD800-\uDBFF]/.test(text[at - 2]!) ? at - 2 : at - 1;

interface TrieNode<V> {
  next: Map<number, TrieNode<V>>;
  /** A phrase ends here: its values, and whether a letter or digit may follow it (Japanese last character: yes). */
  end?: { text: string; values: V[]; tail: boolean };
}

/**
 * A compiled list of phrases: a character trie, read the way one alternation of them, longest first, would be matched
 * (`alternation`): from each position the longest phrase whose edges are free, then on from its end. A trie, not that
 * regular expression: V8 takes ~100 ms (and ~15 MiB of code) to compile and first run alternations of hundreds of
 * phrases with a lookaround on each, which a fresh process would pay in members' first answers.
 */
export function phraseIndex<V>(entries: readonly { phrases: readonly string[]; values: readonly V[] }[]): PhraseIndex<V> {
  const byPhrase = new Map<string, V[]>();
  for (const e of entries) for (const p of e.phrases) byPhrase.set(normalize(p), [...(byPhrase.get(normalize(p)) ?? []), ...e.values]);
  const root: TrieNode<V> = { next: new Map() };
  for (const [phrase, values] of byPhrase) {
    if (phrase === '') continue;
    let node = root;
    for (let i = 0; i < phrase.length; i++) {
      const c = phrase.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    node.end = { text: phrase, values: [...new Set(values)], tail: !LATIN_EDGE.test(phrase.at(-1) ?? '') };
  }
  return {
    find(text) {
      const found: Match<V>[] = [];
      let i = 0;
      while (i < text.length) {
        let node = root.next.get(text.charCodeAt(i));
        // A phrase starting with a letter or digit must not follow one: alt is not in salt.
        const free = node !== undefined && (!LATIN_EDGE.test(text[i]!) || !isWordChar(text, previous(text, i)));
        let best: { end: number; phrase: NonNullable<TrieNode<V>['end']> } | undefined;
        for (let j = i + 1; free && node; j++) {
          if (node.end && (node.end.tail || !isWordChar(text, j))) best = { end: j, phrase: node.end };
          node = j < text.length ? node.next.get(text.charCodeAt(j)) : undefined;
        }
        if (best) {
          found.push({ start: i, end: best.end, text: best.phrase.text, values: best.phrase.values });
          i = best.end;
        } else i += text.codePointAt(i)! > 0xffff ? 2 : 1;
      }
      return found;
    },
  };
}

/** Whether any phrase occurs in `text`. */
export function mentions(phrases: readonly string[]): (text: string) => boolean {
  const re = new RegExp(alternation(phrases), 'u');
  return (text) => re.test(text);
}

const CLAUSE_END = /[.,;!?、。！？；\n|()（）]|\s[-–—]\s|\s\/\s/gu;

/** The clause holding [start, end): from the previous punctuation to the next. */
export function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(CLAUSE_END)) {
    // A decimal point or a thousands comma inside a number is not the end of a clause.
    if ((m[0] === '.' || m[0] === ',') && /\d/.test(text[m.index - 1] ?? '') && /\d/.test(text[m.index + 1] ?? '')) continue;
    if (m.index + m[0].length <= start) from = m.index + m[0].length;
    else if (m.index >= end) {
      to = m.index;
      break;
    }
  }
  return { start: from, end: to };
}

/** Up to `words` words (Latin) or `chars` characters before `start`, within its clause. */
export function before(text: string, start: number, words = 3, chars = 8): string {
  const clause = clauseAround(text, start, start);
  const head = text.slice(clause.start, start);
  const latin = head.split(/\s+/).filter(Boolean).slice(-words).join(' ');
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(head.trimEnd()) ? head.slice(-chars) : latin;
}

/** Text right after `end`, within its clause. */
export function after(text: string, end: number): string {
  const clause = clauseAround(text, end, end);
  return text.slice(end, clause.end);
}

/** Whether the clause around [start, end) holds a phrase of `test`, nearer than `limit` characters. */
export function nearby(text: string, start: number, end: number, test: RegExp, limit = 40): { distance: number } | undefined {
  const clause = clauseAround(text, start, end);
  let best: number | undefined;
  for (const m of text.slice(clause.start, clause.end).matchAll(new RegExp(test.source, 'gu'))) {
    const s = clause.start + m.index;
    const e = s + m[0].length;
    if (e > start && s < end) continue; // the phrase itself
    const d = e <= start ? start - e : s - end;
    if (d <= limit && (best === undefined || d < best)) best = d;
  }
  return best === undefined ? undefined : { distance: best };
}
