import { japaneseGrams, latinGrams, type GramParts } from './grams.js';
import { Speller } from './spell.js';
import { groupPhrases, synonymTables, tokenize, type Phrases } from './synonyms.js';
import { latinToken, memo, mentionedKana, scan, stem, type Token } from './text.js';

/** What matching needs from knowledge/search.yaml. */
export interface AnalyzerSettings {
  stopwords: readonly string[];
  /** Words that ask (when, how, why…): matched like any word, but they name no subject (see `Analyzer.asks`). */
  askingWords?: readonly string[];
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
  /** Whether a term is a word that asks (when, how…; いつ and 何回 read as them): it says what kind of answer, not about what. */
  asks(term: string): boolean;
}

const DIGITS = /\d/;
const APOSTROPHE = /['’]/;
const LATIN_WORD = /[\p{Script=Latin}\p{N}]+(?:['’][\p{Script=Latin}]+)*/gu;

type LatinToken = Extract<Token, { kind: 'latin' }>;
/** What matching needs of a distinct Latin word, worked out once: stopword or not, its n-grams, the phrases it starts. */
interface LatinWord {
  stop: boolean;
  grams: string[] | undefined;
  phrases: Phrases | undefined;
}
/** A token as the analyzer makes it: with its word's facts (a corrected token has none: they are looked up). */
type KnownToken = LatinToken & { word?: LatinWord };

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

  const asking = new Set((settings.askingWords ?? []).map((w) => stem(w.normalize('NFKC').toLowerCase())));
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
    asks: (term) => asking.has(term),
    analyze(text, options) {
      const a = parts(text, options);
      return { terms: a.terms, grams: a.grams.flat() };
    },
  };
}
