import { MIDDLE_DOT, type Piece } from './text.js';

/**
 * N-grams as produced, grouped: each Latin word's n-grams are one array, the same array wherever the word occurs
 * (so an index does the work per distinct word once); synonym groups and Japanese n-grams one by one.
 */
export type GramParts = (string | readonly string[])[];

const SURROGATE = /[\uD800-\uDFFF]/;

/** Character n-grams of a text (a Latin word with its boundaries marked: see latinGrams). */
function ngrams(text: string, [min, max]: readonly [number, number], out: GramParts) {
  // Code units are characters unless the text has surrogate pairs (rare: emoji, old kanji).
  const chars = SURROGATE.test(text) ? [...text] : undefined;
  const length = chars ? chars.length : text.length;
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= length; i++) out.push(chars ? chars.slice(i, i + n).join('') : text.substring(i, i + n));
  }
}

/**
 * Japanese: n-grams over whole runs, so matching works without relying on the segmenter's word boundaries — but not
 * across a middle dot, which separates words.
 */
export function japaneseGrams(pieces: readonly Piece[], lengths: readonly [number, number], out: GramParts) {
  for (let p = 0; p < pieces.length; p++) {
    if (pieces[p]!.kind !== 'cjk') continue;
    const parts = pieces[p]!.text.split(MIDDLE_DOT);
    for (let i = 0; i < parts.length; i++) ngrams(parts[i]!, lengths, out);
  }
}

/** A Latin word's n-grams with its boundaries marked (`<word>`), so typos and inflections still share most. */
export function latinGrams(raw: string, lengths: readonly [number, number]): string[] {
  const grams: string[] = [];
  ngrams(`<${raw}>`, lengths, grams);
  return grams;
}
