import { settle, unclear, value, type Fact } from './fact.js';
import type { Lexicon } from './lexicon.js';
import { after, before, nearby } from './text.js';

/**
 * Numbers with their units: salary (yen a year), age, years of experience and a BJT score. Each number is read once
 * (`taken`), money first, so "7.5M" is never an age and the 3 in "3 kids" is nothing (it has no unit).
 */
export class Taken {
  private readonly spans: [number, number][] = [];
  has(start: number, end: number): boolean {
    return this.spans.some(([s, e]) => start < e && s < end);
  }
  add(start: number, end: number): void {
    this.spans.push([start, end]);
  }
}

export interface Numbers {
  salary: Fact<number> | undefined;
  age: Fact<number> | undefined;
  /** An age said without a unit ("hsp? 30, master's"): used only for /hsp-points, and only when no age was said. */
  bareAge: Fact<number> | undefined;
  experience: Fact<number> | undefined;
  bjt: Fact<number> | undefined;
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const NO_LEFT = String.raw`(?<![\p{Script=Latin}\p{N}.,])`;
const NO_RIGHT_LATIN = String.raw`(?![\p{Script=Latin}])`;
const toNumber = (s: string) => Number(s.replace(/,/g, ''));
const re = (source: string) => new RegExp(source, 'gu');
const starts = (text: string, pattern: string) => new RegExp(`^\\s?(?:${pattern})`, 'u').test(text);

/** Whether a number is hedged ("about 5 years", "5+ years", "5年以上"). */
export function approximate(lex: Lexicon, text: string, start: number, end: number): boolean {
  const a = lex.pattern.approximate;
  return new RegExp(`(?:${a})\\s?$`, 'u').test(before(text, start, 2, 3)) || starts(after(text, end), a);
}

function salaries(lex: Lexicon, text: string, taken: Taken): Fact<number>[] {
  const p = lex.pattern;
  const unit = `(?:(?<ten>${p.tenMillion})|(?<mil>${p.million})|(?<man>${p.man})|(?<k>${p.thousand}))?(?:\\s?(?<yen>${p.yen}))?`;
  const found: Fact<number>[] = [];
  for (const m of text.matchAll(re(`(?<cur>¥\\s?|jpy\\s?)?${NO_LEFT}${NUM}\\s?${unit}${NO_RIGHT_LATIN}`))) {
    const g = m.groups ?? {};
    const n = toNumber(m[2] ?? '');
    const multiplier = g.ten ? 1e7 : g.mil ? 1e6 : g.man ? 1e4 : g.k ? 1e3 : 1;
    const plainYen = multiplier === 1 && (g.cur !== undefined || g.yen !== undefined || /^\d{7,}$/.test((m[2] ?? '').replace(/,/g, '')));
    if (multiplier === 1 && !plainYen) continue;
    const start = m.index;
    const end = start + m[0].trimEnd().length;
    if (taken.has(start, end)) continue;
    taken.add(start, end);
    if (nearby(text, start, end, re(p.notSalary), 25)) continue;
    const yen = Math.round(n * multiplier);
    const words = m[0].trim();
    if (approximate(lex, text, start, end)) {
      found.push(unclear('estimate', words));
      continue;
    }
    const annual = nearby(text, start, end, re(p.annual), 12);
    const monthly = nearby(text, start, end, re(p.monthly), 12);
    if (monthly && (!annual || monthly.distance < annual.distance)) found.push(unclear('monthly', words));
    else if (annual || yen >= 1_500_000) found.push(value(yen, words));
    else found.push(unclear('small', words));
  }
  return found;
}

/** The salary: one annual amount; a monthly one only when no annual one is given (then it is asked for). */
function salaryFact(found: Fact<number>[]): Fact<number> | undefined {
  const annual = found.filter((f) => f.kind === 'value' || f.reason === 'range' || f.reason === 'estimate' || f.reason === 'conflict');
  return settle(annual.length > 0 ? annual : found);
}

const RANGE = String.raw`${NO_LEFT}${NUM}\s?(?:-|–|~|〜|to|or)\s?(?:¥\s?)?${NUM}\s?`;

/** "5-6 years", "6-7M", "30〜35歳": a range is read as unclear for its fact, and its numbers as nothing else. */
function ranges(lex: Lexicon, text: string, taken: Taken): { salary: Fact<number>[]; experience: Fact<number>[]; age: Fact<number>[] } {
  const p = lex.pattern;
  const out = { salary: [] as Fact<number>[], experience: [] as Fact<number>[], age: [] as Fact<number>[] };
  const kinds = [
    ['age', p.ageAfter],
    ['salary', `${p.tenMillion}|${p.million}|${p.man}|${p.thousand}|${p.yen}`],
    ['experience', `${p.yearUnits}|${p.monthUnits}`],
  ] as const;
  for (const [kind, units] of kinds) {
    for (const m of text.matchAll(re(`${RANGE}(?:${units})${NO_RIGHT_LATIN}`))) {
      const end = m.index + m[0].length;
      if (taken.has(m.index, end)) continue;
      taken.add(m.index, end);
      if (kind !== 'experience' || nearby(text, m.index, end, re(p.experience), 30)) out[kind].push(unclear('range', m[0]));
    }
  }
  return out;
}

function experiences(lex: Lexicon, text: string, taken: Taken): Fact<number>[] {
  const p = lex.pattern;
  const found: Fact<number>[] = [];
  for (const [units, perYear] of [
    [p.yearUnits, 1],
    [p.monthUnits, 12],
  ] as const) {
    for (const m of text.matchAll(re(`${NO_LEFT}(\\d{1,3}(?:\\.\\d+)?)\\s?(\\+)?\\s?(?:${units})${NO_RIGHT_LATIN}`))) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.has(start, end) || starts(after(text, end), p.notDuration)) continue;
      const cue = nearby(text, start, end, re(p.experience), 30);
      const elsewhere = nearby(text, start, end, re(p.notExperience), 30);
      if (!cue || (elsewhere && elsewhere.distance <= cue.distance)) continue;
      taken.add(start, end);
      const n = Number(m[1]);
      if (m[2] || approximate(lex, text, start, end)) found.push(unclear('estimate', m[0]));
      else found.push(value(Math.floor(n / perYear), m[0]));
    }
  }
  return found;
}

function ages(lex: Lexicon, text: string, taken: Taken): Fact<number>[] {
  const p = lex.pattern;
  const found: Fact<number>[] = [];
  const notAge = `\\d|[.,]\\d|%|${p.yearUnits}|${p.monthUnits}|${p.million}|${p.man}|${p.thousand}|${p.yen}|${p.points}`;
  const push = (start: number, end: number, n: number, words: string) => {
    if (taken.has(start, end) || n < 15 || n > 100) return;
    taken.add(start, end);
    found.push(approximate(lex, text, start, end) ? unclear('estimate', words) : value(n, words));
  };
  for (const m of text.matchAll(re(`${NO_LEFT}(\\d{2,3})\\s?-?(?:${p.ageAfter})${NO_RIGHT_LATIN}`)))
    push(m.index, m.index + m[0].length, Number(m[1]), m[0]);
  for (const m of text.matchAll(re(`(?<![\\p{Script=Latin}])(?:${p.ageBefore})\\s?:?\\s?(\\d{2,3})(?![\\p{N}])`))) {
    const end = m.index + m[0].length;
    if (!starts(after(text, end), notAge) || starts(after(text, end), p.ageAfter)) push(m.index, end, Number(m[1]), m[0]);
  }
  return found;
}

/** Numbers standing alone between commas ("hsp? 30, master's, …"): ages if between 18 and 65. */
function bareAges(text: string, taken: Taken): Fact<number>[] {
  const found: Fact<number>[] = [];
  for (const m of text.matchAll(/(?<=^|[\s,;:/?!、。(（])(\d{2})(?=\s?(?:[,;、。/)）!?]|$))/gu)) {
    const n = Number(m[1]);
    if (taken.has(m.index, m.index + 2) || n < 18 || n > 65) continue;
    found.push(value(n, m[0]));
  }
  return found;
}

function bjtScores(lex: Lexicon, text: string, taken: Taken): Fact<number>[] {
  const found: Fact<number>[] = [];
  for (const m of text.matchAll(re(`(?:${lex.pattern.bjt})\\s?(?:score|スコア|で|は|:)?\\s?(\\d{3})(?![\\p{N}])`))) {
    const n = Number(m[1]);
    if (n > 800) continue;
    taken.add(m.index, m.index + m[0].length);
    found.push(value(n, m[0]));
  }
  return found;
}

/** Every number fact in a normalised question; spans read here are marked in `taken`. */
export function readNumbers(lex: Lexicon, text: string, taken: Taken): Numbers {
  const bjt = settle(bjtScores(lex, text, taken));
  const range = ranges(lex, text, taken);
  const salary = salaryFact([...range.salary, ...salaries(lex, text, taken)]);
  const age = settle([...range.age, ...ages(lex, text, taken)]);
  const experience = settle([...range.experience, ...experiences(lex, text, taken)]);
  const bareAge = age ? undefined : settle(bareAges(text, taken));
  return { salary, age, bareAge, experience, bjt };
}
