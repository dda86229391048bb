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

const WORD = /\uE000(\d+)\uE001|[\p{Script=Latin}\p{N}]+(?:['’][\p{Script=Latin}]+)*|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+/gu;
/** Japanese has no spaces: ICU's dictionary-based word segmentation (built into Node) splits it into words. */
const JA_WORDS = new Intl.Segmenter('ja', { granularity: 'word' });
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN = /^[\p{Script=Latin}\p{N}]/u;

const KATAKANA_ONLY = /^[\p{Script=Katakana}ー]+$/u;

/**
 * Content words of a run of Japanese. Hiragana-only words are grammar (particles, endings) and a lone kanji is
 * usually an inflected word's stem, so both are dropped. ICU splits unfamiliar loanwords (バイリンガル → バイ|リン|ガル),
 * so adjacent katakana pieces are joined again.
 */
function japaneseWords(run: string): string[] {
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
    if (seg.segment.length === 1 && /\p{Script=Han}/u.test(seg.segment)) continue;
    words.push(seg.segment);
  }
  flush();
  return words;
}

const marker = (group: number) => ` \uE000${group}\uE001 `;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const OUT_OF_SCOPE_WORD = 'outofscopesubject';
const stems = new Map<string, string>();

/** Porter stems, with the -ify/-ification pair (notify/notification, qualify/qualification) brought together. */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stemmer(word.replace(/['’]s$/, '').replace(/['’]/g, ''));
    if (s.endsWith('ifi')) s = s.slice(0, -1);
    if (stems.size >= 50_000) stems.clear(); // bounded: questions are user input
    stems.set(word, s);
  }
  return s;
}

/** The term a question gets when it names a subject listed under `outOfScope` in knowledge/search.yaml. */
export const OUT_OF_SCOPE = stem(OUT_OF_SCOPE_WORD);

type Token = { kind: 'group'; group: number } | { kind: 'word'; raw: string; stem: string } | { kind: 'cjk'; text: string };

/**
 * @param vocabulary curated text (titles, keywords) whose words typos are corrected towards; correcting towards any
 *   word of the answers would turn real words into wrong ones ("decent" → "recent").
 */
export function createAnalyzer(settings: SearchSettings, vocabulary: readonly string[]): Analyzer {
  const stopwords = new Set(settings.stopwords.map((w) => w.normalize('NFKC').toLowerCase()));
  // Out-of-scope subjects become one reserved term the engine recognises (see OUT_OF_SCOPE).
  const groups = [...settings.synonyms, { canonical: OUT_OF_SCOPE_WORD, variants: settings.outOfScope }].filter((g) => g.variants.length > 0);

  // Variants by how they are matched.
  const caseSensitive: { re: RegExp; group: number }[] = [];
  const cjk: [string, number][] = [];
  /** English variants by their first stem: the stems of the whole phrase and its group, longest first. */
  const phrases = new Map<string, { stems: string[]; group: number }[]>();
  const tokenize = (text: string): Token[] => {
    const tokens: Token[] = [];
    for (const m of text.matchAll(WORD)) {
      if (m[1] !== undefined) tokens.push({ kind: 'group', group: Number(m[1]) });
      else if (LATIN.test(m[0])) tokens.push({ kind: 'word', raw: m[0], stem: stem(m[0]) });
      else {
        for (const word of japaneseWords(m[0])) tokens.push({ kind: 'cjk', text: word });
      }
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
        if (stems.length === 0) continue;
        const list = phrases.get(stems[0]!) ?? [];
        list.push({ stems, group });
        list.sort((a, b) => b.stems.length - a.stems.length);
        phrases.set(stems[0]!, list);
      }
    }
  });
  cjk.sort((a, b) => b[0].length - a[0].length);
  const cjkIndex = new Map(cjk);
  const cjkRe = cjk.length > 0 ? new RegExp(cjk.map(([v]) => escape(v)).join('|'), 'g') : undefined;

  const isStop = (t: Token) =>
    (t.kind === 'word' && (stopwords.has(t.raw) || stopwords.has(t.raw.replace(/['’]/g, '')) || stopwords.has(t.raw.split(/['’]/)[0]!))) || (t.kind === 'cjk' && stopwords.has(t.text));

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
    if (cjkRe && CJK.test(s)) s = s.replace(cjkRe, (m) => marker(cjkIndex.get(m)!));
    return tokenize(s);
  }

  /** Greedy longest match of English variant phrases over the stem sequence. */
  function matchPhrases(tokens: Token[]): Token[] {
    const out: Token[] = [];
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i]!;
      const candidates = t.kind === 'word' ? phrases.get(t.stem) : undefined;
      const match = candidates?.find((p) => p.stems.every((s, k) => {
        const u = tokens[i + k];
        return u?.kind === 'word' && u.stem === s;
      }));
      if (match) {
        out.push({ kind: 'group', group: match.group });
        i += match.stems.length;
      } else {
        out.push(t);
        i++;
      }
    }
    return out;
  }

  // Vocabulary for typo correction: the curated words and the synonym variants.
  const counts = new Map<string, number>();
  // (Out-of-scope phrases are left out: a typo must never turn a question into an out-of-scope one.)
  for (const text of [...vocabulary, ...settings.synonyms.flatMap((g) => [g.canonical, ...g.variants])]) {
    for (const t of tokenize(text.normalize('NFKC').toLowerCase())) {
      if (t.kind === 'word' && t.raw.length >= 3 && !/\d/.test(t.raw)) counts.set(t.raw, (counts.get(t.raw) ?? 0) + 1);
    }
  }
  const knownStems = new Set([...counts.keys()].map(stem));
  const speller = new Speller(counts);
  const corrections = new Map<string, string | undefined>();
  // Words of out-of-scope phrases are never "corrected" into something else ("tourist" must stay "tourist").
  const outOfScopeWords = new Set(settings.outOfScope.flatMap((p) => tokenize(p.normalize('NFKC').toLowerCase()).flatMap((t) => (t.kind === 'word' ? [t.raw] : []))));
  const correct = (t: Token): Token => {
    if (t.kind !== 'word' || counts.has(t.raw) || outOfScopeWords.has(t.raw) || knownStems.has(t.stem) || stopwords.has(t.raw) || /\d/.test(t.raw)) return t;
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
        else terms.push(t.text);
      }
      return terms;
    },
  };
}
