import { stemmer } from 'stemmer';
import type { SearchSettings } from '../kb/schema.js';
import { Speller } from './spell.js';

/**
 * Turns text into the terms the index matches on. The same pipeline runs over entries and questions:
 * NFKC → synonym variants (Japanese by substring, ALL-CAPS acronyms case-sensitively, English phrases by stem
 * sequence) → words → stopwords dropped → stems. Questions additionally get typo correction against the
 * vocabulary of the knowledge base.
 */
export interface Analyzer {
  terms(text: string, options?: { correct?: boolean }): string[];
}

const WORD = /\uE000(\d+)\uE001|[\p{Script=Latin}\p{N}]+(?:['’][\p{Script=Latin}]+)*|[\p{Script=Katakana}ー]+|\p{Script=Han}+/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN = /^[\p{Script=Latin}\p{N}]/u;

const marker = (group: number) => ` \uE000${group}\uE001 `;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Porter stems, with the -ify/-ification pair (notify/notification, qualify/qualification) brought together. */
export function stem(word: string): string {
  const s = stemmer(word.replace(/['’]s$/, '').replace(/['’]/g, ''));
  return s.endsWith('ifi') ? s.slice(0, -1) : s;
}

type Token = { kind: 'group'; group: number } | { kind: 'word'; raw: string; stem: string } | { kind: 'cjk'; text: string };

/**
 * @param vocabulary curated text (titles, keywords) whose words typos are corrected towards; correcting towards any
 *   word of the answers would turn real words into wrong ones ("decent" → "recent").
 */
export function createAnalyzer(settings: SearchSettings, vocabulary: readonly string[]): Analyzer {
  const stopwords = new Set(settings.stopwords.map((w) => w.normalize('NFKC').toLowerCase()));
  const stopStems = new Set([...stopwords].filter((w) => LATIN.test(w)).map(stem));
  const groups = settings.synonyms;

  // Variants by how they are matched.
  const caseSensitive: { re: RegExp; group: number }[] = [];
  const cjk: [string, number][] = [];
  const phrases = new Map<string, number>(); // stem sequence joined by ' ' → group
  let longestPhrase = 1;
  const tokenize = (text: string): Token[] => {
    const tokens: Token[] = [];
    for (const m of text.matchAll(WORD)) {
      if (m[1] !== undefined) tokens.push({ kind: 'group', group: Number(m[1]) });
      else if (LATIN.test(m[0])) tokens.push({ kind: 'word', raw: m[0], stem: stem(m[0]) });
      else tokens.push({ kind: 'cjk', text: m[0] });
    }
    return tokens;
  };
  groups.forEach((g, group) => {
    for (const raw of g.variants) {
      const v = raw.normalize('NFKC');
      if (CJK.test(v)) cjk.push([v.toLowerCase(), group]);
      else if (/^[A-Z]{2,}$/.test(v)) caseSensitive.push({ re: new RegExp(`(?<![\\p{L}\\p{N}])${v}(?![\\p{L}\\p{N}])`, 'gu'), group });
      else {
        const stems = tokenize(v.toLowerCase()).flatMap((t) => (t.kind === 'word' ? [t.stem] : []));
        phrases.set(stems.join(' '), group);
        longestPhrase = Math.max(longestPhrase, stems.length);
      }
    }
  });
  cjk.sort((a, b) => b[0].length - a[0].length);
  const cjkIndex = new Map(cjk);
  const cjkRe = cjk.length > 0 ? new RegExp(cjk.map(([v]) => escape(v)).join('|'), 'g') : undefined;

  const isStop = (t: Token) =>
    (t.kind === 'word' && (stopwords.has(t.raw) || stopStems.has(t.stem))) || (t.kind === 'cjk' && stopwords.has(t.text));

  // What a group contributes: the stems of its canonical phrase.
  const canonicalTerms = groups.map((g) =>
    tokenize(g.canonical.normalize('NFKC').toLowerCase()).flatMap((t) =>
      t.kind === 'word' ? (stopwords.has(t.raw) ? [] : [t.stem]) : t.kind === 'cjk' ? [t.text] : [],
    ),
  );

  function prepare(text: string): Token[] {
    let s = text.normalize('NFKC');
    for (const { re, group } of caseSensitive) s = s.replace(re, marker(group));
    s = s.toLowerCase();
    if (cjkRe) s = s.replace(cjkRe, (m) => marker(cjkIndex.get(m)!));
    return tokenize(s);
  }

  /** Greedy longest match of English variant phrases over the stem sequence. */
  function matchPhrases(tokens: Token[]): Token[] {
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; ) {
      let matched = false;
      for (let n = Math.min(longestPhrase, tokens.length - i); n >= 1 && !matched; n--) {
        const slice = tokens.slice(i, i + n);
        if (!slice.every((t) => t.kind === 'word')) continue;
        const group = phrases.get(slice.map((t) => (t as { stem: string }).stem).join(' '));
        if (group !== undefined) {
          out.push({ kind: 'group', group });
          i += n;
          matched = true;
        }
      }
      if (!matched) out.push(tokens[i++]!);
    }
    return out;
  }

  // Vocabulary for typo correction: the curated words and the synonym variants.
  const counts = new Map<string, number>();
  for (const text of [...vocabulary, ...groups.flatMap((g) => [g.canonical, ...g.variants])]) {
    for (const t of tokenize(text.normalize('NFKC').toLowerCase())) {
      if (t.kind === 'word' && t.raw.length >= 3 && !/\d/.test(t.raw)) counts.set(t.raw, (counts.get(t.raw) ?? 0) + 1);
    }
  }
  const knownStems = new Set([...counts.keys()].map(stem));
  const speller = new Speller(counts);
  const corrections = new Map<string, string | undefined>();
  const correct = (t: Token): Token => {
    if (t.kind !== 'word' || counts.has(t.raw) || knownStems.has(t.stem) || stopwords.has(t.raw) || /\d/.test(t.raw)) return t;
    if (!corrections.has(t.raw)) {
      if (corrections.size >= 10_000) corrections.clear(); // bounded: questions are user input
      corrections.set(t.raw, speller.correct(t.raw));
    }
    const fixed = corrections.get(t.raw);
    return fixed ? { kind: 'word', raw: fixed, stem: stem(fixed) } : t;
  };

  return {
    terms(text, options = {}) {
      let tokens = prepare(text);
      if (options.correct) tokens = tokens.map(correct);
      const terms: string[] = [];
      for (const t of matchPhrases(tokens)) {
        if (isStop(t)) continue;
        if (t.kind === 'group') terms.push(...canonicalTerms[t.group]!);
        else if (t.kind === 'word') terms.push(t.stem);
        else if (t.text.length > 1 || !/\p{Script=Han}/u.test(t.text)) terms.push(t.text); // a lone kanji is an inflected word's stem
      }
      return terms;
    },
  };
}
