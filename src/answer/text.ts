import { stemmer } from 'stemmer';

/**
 * Text → tokens, the same for entries and questions: NFKC, Latin words with their Porter stems, Japanese runs split
 * into content words by ICU's dictionary segmenter (built into Node). Nothing is substituted into the text: domain
 * synonyms are recognised on the token sequence (see vocabulary.ts), so no marker characters are ever analysed.
 */
export type Token =
  { kind: 'latin'; raw: string; stem: string; upper: boolean } | { kind: 'cjk'; text: string } | { kind: 'group'; group: number };

/**
 * A Latin word (group 1) or a run of Japanese — with the middle dots inside it (技術・人文知識・国際業務, 経営・管理), so a
 * synonym variant written with them is found in the run; they are no word and no n-gram (see `MIDDLE_DOT`).
 */
const WORD =
  /([\p{Script=Latin}]{2,}(?=\p{N}+[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])|[\p{Script=Latin}\p{N}]+(?:['’][\p{Script=Latin}]+)*)|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+(?:・[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+)*/gu;
/** The middle dot between the words of a Japanese run (NFKC makes the half-width ･ this one). */
export const MIDDLE_DOT = '・';
const JA_WORDS = new Intl.Segmenter('ja', { granularity: 'word' });
/** A run of hiragana alone (particles and endings in a sentence; a word when mentioned: see `mentionedKana`). */
export const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;
/** A single kanji: dropped as a word in Japanese runs, and no sign of a subject when it is an inflected word's stem. */
export const LONE_KANJI = /^\p{Script=Han}$/u;

/** `make` memoised per key, bounded (questions are user input): the cache is emptied when it is full. */
export function memo<T>(make: (key: string) => T, limit = 50_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** Porter stems, with the -ify/-ification pair (notify/notification, qualify/qualification) brought together. */
export const stem = memo((word: string): string => {
  const s = stemmer(word.replace(/['’]s$/, '').replace(/['’]/g, ''));
  return s.endsWith('ifi') ? s.slice(0, -1) : s;
});

/** Kanji followed by kana endings (okurigana): 働く, 勤める, 移り. */
const OKURIGANA = /^(\p{Script=Han}+)\p{Script=Hiragana}+$/u;

/**
 * Content words of a run of Japanese. Hiragana-only words are grammar (particles, endings) and a lone kanji is
 * usually an inflected word's stem, so both are dropped; an inflected word counts by its kanji stem. ICU splits
 * unfamiliar loanwords (バイリンガル → バイ|リン|ガル), so adjacent katakana pieces are joined again. Memoised per
 * run: ICU's dictionary segmentation is the costliest step of reading Japanese, and phrasings repeat runs.
 */
export const japaneseWords = memo((run: string): readonly string[] => {
  const words: string[] = [];
  let katakana = '';
  const flush = () => {
    if (katakana) words.push(katakana);
    katakana = '';
  };
  for (const seg of JA_WORDS.segment(run)) {
    if (KATAKANA_ONLY.test(seg.segment)) {
      katakana += seg.segment;
      continue;
    }
    flush();
    if (!seg.isWordLike || HIRAGANA_ONLY.test(seg.segment)) continue;
    if (LONE_KANJI.test(seg.segment)) continue;
    // A verb or adjective counts by its kanji stem, whatever its ending: 移る, 移り and 移って are one word.
    words.push(OKURIGANA.exec(seg.segment)?.[1] ?? seg.segment);
  }
  flush();
  return words;
});

/** A Latin word as written, or a whole run of Japanese. */
export interface Piece {
  kind: 'latin' | 'cjk';
  text: string;
}

/** What WORD's first alternative (a Latin word) starts with: a match starting so is one, any other a Japanese run. */
const LATIN_START = /^[\p{Script=Latin}\p{N}]/u;
/** LATIN_START, with ASCII (most words) decided without the regular expression: WORD matches ASCII letters and digits only. */
const latinStart = (word: string) => word.charCodeAt(0) < 0x80 || LATIN_START.test(word);

/** Latin words (case kept in `raw` only for acronyms) and whole Japanese runs, in order. */
export function scan(text: string): Piece[] {
  // Every match in one call (no match object per word), each told apart by its first character.
  return (text.normalize('NFKC').match(WORD) ?? []).map((word) => ({ kind: latinStart(word) ? 'latin' : 'cjk', text: word }));
}

/** A letter typed three or more times in a row ("sooo", "pleeease"): no English or romaji word has one. */
const STRETCHED = /(\p{L})\1{2,}/gu;

export function latinToken(raw: string): Token {
  const lower = raw.toLowerCase().replace(STRETCHED, '$1');
  return { kind: 'latin', raw: lower, stem: stem(lower), upper: raw.length >= 2 && raw === raw.toUpperCase() && /\p{Lu}/u.test(raw) };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Hiragana standing alone in a Latin sentence ("the difference between は and が", "when do you say すみません") is
 * mentioned, not used as grammar: it is what the question is about, so each such run counts as a word (unknown to
 * the knowledge base unless a phrasing mentions it too). Kana glued to other letters ("ALTからIT", "N4くらいで"), or in
 * a text with any kanji or katakana (a Japanese sentence with English words in it), is grammar, dropped as usual.
 */
export function mentionedKana(text: string, pieces: readonly Piece[]): string[] {
  // One loop, no callbacks: read for every text indexed, whose pieces are often all Latin or all Japanese.
  let latin = false;
  const runs: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (pieces[i]!.kind === 'latin') latin = true;
    else runs.push(pieces[i]!.text);
  }
  if (!latin) return [];
  // Any kanji or katakana: a Japanese sentence (with English words in it), whose kana is grammar.
  if (runs.length === 0 || !runs.every((run) => HIRAGANA_ONLY.test(run))) return [];
  const normal = text.normalize('NFKC');
  return runs.filter((run) => {
    for (let at = normal.indexOf(run); at >= 0; at = normal.indexOf(run, at + 1)) {
      const before = normal.slice(Math.max(0, at - 1), at);
      const after = normal.slice(at + run.length, at + run.length + 1);
      if (!LETTER_OR_DIGIT.test(before) && !LETTER_OR_DIGIT.test(after)) return true;
    }
    return false;
  });
}

/** Where one sentence ends: . ! ? … before white space, 。！？ anywhere, or a line break. */
const SENTENCE_END = /(?<=[.!?…])\s+|(?<=[。！？])\s*|\s*\n\s*/u;
const ASKS = /[?？]/;

/**
 * The sentence a message of several asks in: the last one with a question mark, else its last sentence. Undefined
 * for a message of one sentence. Members often give their situation first and ask at the end ("3 years on gijinkoku,
 * moved from QA to dev last spring. do i need to tell immigration?").
 */
export function askedSentence(message: string): string | undefined {
  const sentences = message
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (sentences.length < 2) return undefined;
  return sentences.findLast((s) => ASKS.test(s)) ?? sentences.at(-1);
}
