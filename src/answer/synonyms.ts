/**
 * Domain vocabulary recognised on a text's pieces (knowledge/search.yaml `synonyms`): each variant becomes its group's
 * token. Nothing is substituted into the text.
 */
import { escapeRegExp } from '../kb/mentions.js';
import { GLUED_VARIANT } from '../kb/schema.js';
import { japaneseWords, latinToken, scan, type Piece, type Token } from './text.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
type LatinToken = Extract<Token, { kind: 'latin' }>;

/**
 * The synonym groups as lookup tables: ALL-CAPS acronyms, Japanese variants (one pattern), Latin stem phrases, and a
 * Latin word glued to Japanese (by the word).
 */
export function synonymTables(synonyms: readonly { canonical: string; variants: readonly string[] }[]) {
  const acronyms = new Map<string, number>();
  const cjkVariants = new Map<string, number>();
  const phrases = new Map<string, { stems: string[]; group: number }[]>();
  const mixed = new Map<string, { tail: string; group: number }[]>();
  synonyms.forEach((g, group) => {
    for (const raw of g.variants) {
      const v = raw.normalize('NFKC');
      const m = GLUED_VARIANT.exec(v);
      if (m) addLongestFirst(mixed, m[1]!.toLowerCase(), { tail: m[2]!.toLowerCase(), group }, (x) => x.tail.length);
      else if (CJK.test(v)) cjkVariants.set(v.toLowerCase(), group);
      else if (/^[\p{Lu}\p{N}]{2,}$/u.test(v) && /\p{Lu}/u.test(v)) acronyms.set(v.toLowerCase(), group);
      else {
        const stems = scan(v).flatMap((s) => (s.kind === 'latin' ? s.text.split(/\s+/).map((w) => latinToken(w)) : []));
        const list = stems.flatMap((t) => (t.kind === 'latin' ? [t.stem] : []));
        if (list.length > 0) addLongestFirst(phrases, list[0]!, { stems: list, group }, (x) => x.stems.length);
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
  return { acronyms, cjkVariants, phrases, mixed, cjkRe };
}

/** Adds `item` to `key`'s bucket, longest first: the first variant a match finds is the longest. */
function addLongestFirst<T>(map: Map<string, T[]>, key: string, item: T, length: (x: T) => number) {
  const bucket = map.get(key) ?? [];
  bucket.push(item);
  bucket.sort((a, b) => length(b) - length(a));
  map.set(key, bucket);
}

export type SynonymTables = ReturnType<typeof synonymTables>;
export type Phrases = { stems: string[]; group: number }[];

/** Japanese words as tokens, into `tokens`. */
function pushWords(tokens: Token[], words: readonly string[]) {
  for (let i = 0; i < words.length; i++) tokens.push({ kind: 'cjk', text: words[i]! });
}

/**
 * Tokens of a text, Japanese runs split around synonym variants and then into words. Here and in the analyzer's `read`, indexed
 * loops: start-up reads ~5,000 texts before the JIT optimises these, and until then `for…of` over an array makes an
 * iterator result per element.
 */
export function tokenize(tables: SynonymTables, pieces: Piece[], withGroups = true, latinOnly = false, toLatin = latinToken): Token[] {
  const { acronyms, cjkVariants, mixed, cjkRe } = tables;
  const tokens: Token[] = [];
  // How much of the next Japanese run a mixed variant took (its tail).
  let taken = 0;
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]!;
    if (piece.kind === 'latin') {
      const next = pieces[p + 1];
      const glued = withGroups && next?.kind === 'cjk' ? mixed.get(piece.text.toLowerCase()) : undefined;
      const variant = glued?.find((v) => next!.text.toLowerCase().startsWith(v.tail));
      if (variant) {
        tokens.push({ kind: 'group', group: variant.group });
        taken = variant.tail.length;
        continue;
      }
      const t = toLatin(piece.text);
      const group = withGroups && t.kind === 'latin' && t.upper ? acronyms.get(t.raw) : undefined;
      tokens.push(group === undefined ? t : { kind: 'group', group });
      continue;
    }
    const skip = taken;
    taken = 0;
    if (latinOnly) continue;
    const run = piece.text.toLowerCase().slice(skip);
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
export function groupPhrases(startingWith: (t: LatinToken) => Phrases | undefined, tokens: Token[]): Token[] {
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
