import { escapeRegExp } from '../kb/mentions.js';
import { japaneseGrams, latinGrams, type GramParts } from './grams.js';
import { Speller } from './spell.js';
import { japaneseWords, latinToken, memo, mentionedKana, scan, stem, type Piece, type Token } from './text.js';

/** What matching needs from knowledge/search.yaml. */
export interface AnalyzerSettings {
  stopwords: readonly string[];
  synonyms: readonly { canonical: string; variants: readonly string[] }[];
  grams: { latin: readonly [number, number]; cjk: readonly [number, number] };
}

/** A text as the ranker sees it: word-level terms (stems, Japanese words, synonym groups) and character n-grams. */
export interface Analysis {
  terms: string[];
  grams: string[];
}

export interface AnalyzeOptions {
  /** Fix typos towards the curated vocabulary (questions). */
  correct?: boolean;
  /** Skip Japanese (answer texts). */
  latinOnly?: boolean;
}

export interface Analyzer {
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /** The same analysis with the n-grams grouped (for indexing): `analyze` is this with `grams` flattened. */
  parts(text: string, options?: AnalyzeOptions): { terms: string[]; grams: GramParts };
  /** The terms alone, no n-grams made (an answer text's terms, for coverage). */
  terms(text: string, options?: AnalyzeOptions): string[];
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const DIGITS = /\d/;
const APOSTROPHE = /['’]/;
const LATIN_WORD = /[\p{Script=Latin}\p{N}]+(?:['’][\p{Script=Latin}]+)*/gu;

/** The synonym groups as lookup tables: ALL-CAPS acronyms, Japanese variants (one pattern), Latin stem phrases. */
function synonymTables(synonyms: AnalyzerSettings['synonyms']) {
  const acronyms = new Map<string, number>();
  const cjkVariants = new Map<string, number>();
  const phrases = new Map<string, { stems: string[]; group: number }[]>();
  synonyms.forEach((g, group) => {
    for (const raw of g.variants) {
      const v = raw.normalize('NFKC');
      if (CJK.test(v)) cjkVariants.set(v.toLowerCase(), group);
      else if (/^[\p{Lu}\p{N}]{2,}$/u.test(v) && /\p{Lu}/u.test(v)) acronyms.set(v.toLowerCase(), group);
      else {
        const stems = scan(v).flatMap((s) => (s.kind === 'latin' ? s.text.split(/\s+/).map((w) => latinToken(w)) : []));
        const list = stems.flatMap((t) => (t.kind === 'latin' ? [t.stem] : []));
        if (list.length === 0) continue;
        const bucket = phrases.get(list[0]!) ?? [];
        bucket.push({ stems: list, group });
        bucket.sort((a, b) => b.stems.length - a.stems.length);
        phrases.set(list[0]!, bucket);
      }
    }
  });
  const cjkRe =
    cjkVariants.size > 0
      ? new RegExp(
          [...cjkVariants.keys()]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|'),
          'gu',
        )
      : undefined;
  return { acronyms, cjkVariants, phrases, cjkRe };
}
type SynonymTables = ReturnType<typeof synonymTables>;
type Phrases = { stems: string[]; group: number }[];
type LatinToken = Extract<Token, { kind: 'latin' }>;
/** What matching needs of a distinct Latin word, worked out once: stopword or not, its n-grams, the phrases it starts. */
interface LatinWord {
  stop: boolean;
  grams: string[] | undefined;
  phrases: Phrases | undefined;
}
/** A token as the analyzer makes it: with its word's facts (a corrected token has none: they are looked up). */
type KnownToken = LatinToken & { word?: LatinWord };

/** Japanese words as tokens, into `tokens`. */
function pushWords(tokens: Token[], words: readonly string[]) {
  for (let i = 0; i < words.length; i++) tokens.push({ kind: 'cjk', text: words[i]! });
}

/**
 * Tokens of a text, Japanese runs split around synonym variants and then into words. Here and in `read`, indexed
 * loops: start-up reads ~5,000 texts before the JIT optimises these, and until then `for…of` over an array makes an
 * iterator result per element.
 */
function tokenize(tables: SynonymTables, pieces: Piece[], withGroups = true, latinOnly = false, toLatin = latinToken): Token[] {
  const { acronyms, cjkVariants, cjkRe } = tables;
  const tokens: Token[] = [];
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    if (piece.kind === 'latin') {
      const t = toLatin(piece.text);
      const group = withGroups && t.kind === 'latin' && t.upper ? acronyms.get(t.raw) : undefined;
      tokens.push(group === undefined ? t : { kind: 'group', group });
      continue;
    }
    if (latinOnly) continue;
    const run = piece.text.toLowerCase();
    let last = 0;
    // exec in a loop rather than matchAll, which makes a new RegExp (a copy of cjkRe) for every run.
    if (cjkRe) cjkRe.lastIndex = 0;
    for (let m = withGroups ? cjkRe?.exec(run) : null; m; m = cjkRe!.exec(run)) {
      pushWords(tokens, japaneseWords(run.slice(last, m.index)));
      tokens.push({ kind: 'group', group: cjkVariants.get(m[0])! });
      last = m.index + m[0].length;
    }
    pushWords(tokens, japaneseWords(run.slice(last)));
  }
  return tokens;
}

/** Greedy longest match of Latin variant phrases over the stem sequence (`startingWith`: the phrases a word starts). */
function groupPhrases(startingWith: (t: LatinToken) => Phrases | undefined, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    const match =
      t.kind === 'latin'
        ? startingWith(t)?.find((p) =>
            p.stems.every((s, k) => {
              const u = tokens[i + k];
              return u?.kind === 'latin' && u.stem === s;
            }),
          )
        : undefined;
    out.push(match ? { kind: 'group', group: match.group } : t);
    i += match ? match.stems.length : 1;
  }
  return out;
}

/** Typo correction towards the curated vocabulary (conservative: see spell.ts); a bounded cache per word. */
function typoCorrector(vocabulary: readonly string[], isStop: (raw: string) => boolean): (t: Token) => Token {
  const counts = new Map<string, number>();
  for (const text of vocabulary) {
    // All of a text's words in one call (no match object per word).
    for (const word of text.normalize('NFKC').toLowerCase().match(LATIN_WORD) ?? []) {
      if (word.length >= 3 && !DIGITS.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const knownStems = new Set([...counts.keys()].map((w) => (latinToken(w) as { stem: string }).stem));
  const speller = new Speller(counts);
  const corrections = new Map<string, string | undefined>();
  return (t: Token): Token => {
    if (t.kind !== 'latin' || counts.has(t.raw) || knownStems.has(t.stem) || isStop(t.raw) || DIGITS.test(t.raw)) return t;
    if (!corrections.has(t.raw)) {
      if (corrections.size >= 10_000) corrections.clear(); // bounded: questions are user input
      corrections.set(t.raw, speller.correct(t.raw));
    }
    const fixed = corrections.get(t.raw);
    return fixed ? latinToken(fixed) : t;
  };
}

/**
 * Builds the analyzer. `vocabulary` is curated text (phrasings, titles, keywords) that typos are corrected towards.
 * Synonym groups are domain vocabulary (技人国 / gijinkoku / engineer visa): each variant becomes the group's
 * canonical terms. Latin variants match as stem sequences, ALL-CAPS acronyms only as written in capitals ("PR" but
 * not "pr"), Japanese variants anywhere inside a Japanese run.
 */
export function createAnalyzer(settings: AnalyzerSettings, vocabulary: readonly string[]): Analyzer {
  const stopwords = new Set(settings.stopwords.map((w) => w.normalize('NFKC').toLowerCase()));
  const isStop = (raw: string) =>
    stopwords.has(raw) || (APOSTROPHE.test(raw) && (stopwords.has(raw.replace(/['’]/g, '')) || stopwords.has(raw.split(/['’]/)[0]!)));

  const tables = synonymTables(settings.synonyms);
  const canonical = settings.synonyms.map((g) => {
    const tokens = tokenize(tables, scan(g.canonical), false);
    return tokens.flatMap((t) => (t.kind === 'latin' ? (isStop(t.raw) ? [] : [t.stem]) : t.kind === 'cjk' ? [t.text] : []));
  });
  const groupGrams = settings.synonyms.map((_, group) => `=${group}`);

  // Built when the first question is read: indexing never corrects typos, so start-up does not pay for it.
  let correct: ((t: Token) => Token) | undefined;
  // Per distinct word, worked out once: its token carrying its LatinWord (one lookup per word read), whose n-grams are
  // made on first need (answers need none; the same strings every time, so interning them is a lookup by identity).
  const latinWord = memo((raw: string): LatinWord => ({ stop: isStop(raw), grams: undefined, phrases: tables.phrases.get(stem(raw)) }));
  const toLatin = memo((text: string): Token => {
    const t: KnownToken = latinToken(text) as LatinToken;
    t.word = latinWord(t.raw);
    return t;
  });
  const wordOf = (t: KnownToken) => t.word ?? latinWord(t.raw);
  const startingWith = (t: LatinToken) => wordOf(t).phrases;

  /** A text's terms, and its n-grams into `grams` when given. */
  function read(text: string, options: AnalyzeOptions, grams: GramParts | undefined): string[] {
    const pieces = scan(text);
    let tokens = tokenize(tables, pieces, true, options.latinOnly, toLatin);
    // Stopwords are correction targets too: a misspelled filler word ("definately", "probaly") is then dropped like
    // the word it stands for, instead of counting as an unknown word.
    if (options.correct) tokens = tokens.map((correct ??= typoCorrector([...vocabulary, ...settings.stopwords], isStop)));
    const terms: string[] = [];
    const grouped = groupPhrases(startingWith, tokens);
    for (let i = 0; i < grouped.length; i++) {
      const t = grouped[i]!;
      if (t.kind === 'group') {
        terms.push(...canonical[t.group]!);
        grams?.push(groupGrams[t.group]!);
      } else if (t.kind === 'latin') {
        const word = wordOf(t);
        if (word.stop) continue;
        terms.push(t.stem);
        grams?.push((word.grams ??= latinGrams(t.raw, settings.grams.latin)));
      } else {
        if (stopwords.has(t.text)) continue;
        terms.push(t.text);
      }
    }
    if (!options.latinOnly) terms.push(...mentionedKana(text, pieces).filter((word) => !stopwords.has(word)));
    if (grams && !options.latinOnly) japaneseGrams(pieces, settings.grams.cjk, grams);
    return terms;
  }

  function parts(text: string, options: AnalyzeOptions = {}) {
    const grams: GramParts = [];
    return { terms: read(text, options, grams), grams };
  }

  return {
    parts,
    terms: (text, options = {}) => read(text, options, undefined),
    analyze(text, options) {
      const a = parts(text, options);
      return { terms: a.terms, grams: a.grams.flat() };
    },
  };
}
