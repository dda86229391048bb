import { askedSentence } from '../answer/text.js';
import { RULE_COMMANDS, type RuleCommand } from '../kb/understand.js';
import {
  DEGREES,
  type Background,
  type Degree,
  type Duty,
  type Employer,
  type HspClaim,
  type Jlpt,
  type Location,
  type ResidenceStatus,
} from '../kb/vocabulary.js';
import { settle, unclear, value, type Fact } from './fact.js';
import type { Lexicon } from './lexicon.js';
import { approximate, readNumbers, Taken } from './numbers.js';
import { assignRoles, fresh, pickByRole } from './roles.js';
import { before, clauseAround, normalize, type Match } from './text.js';

/** Everything read from one question, for every command; src/understand/decide.ts picks what a command needs. */
export interface Reading {
  /** The question as compared (normalised, lower case). */
  text: string;
  /** The same with the member's letter case, to quote their words. */
  display: string;
  cues: Record<RuleCommand, boolean>;
  /**
   * Commands (understand.yaml `whereAsked`) whose cue the message has only outside the sentence it asks in (see
   * `askedSentence`): "thinking of hotel work after ALT, I'm N3. any downsides?" names career options ("after ALT") in
   * the member's situation, and asks about one path.
   */
  cueInContext: RuleCommand[];
  age?: Fact<number>;
  bareAge?: Fact<number>;
  degree?: Fact<Degree>;
  experience?: Fact<number>;
  salary?: Fact<number>;
  jlpt?: Fact<Jlpt>;
  bjt?: Fact<number>;
  qualifications?: number;
  claims: HspClaim[];
  status?: Fact<ResidenceStatus>;
  currentWork?: Fact<Duty>;
  newWork?: Fact<Duty>;
  employer?: Fact<Employer>;
  dispatch: boolean;
  background?: Fact<Background>;
  technical?: Fact<boolean>;
  location?: Fact<Location>;
  sponsorship?: Fact<boolean>;
}

/** Held or a goal, from the words in the same clause (knowledge/understand.yaml `goals`). */
function isGoal(lex: Lexicon, full: string, m: { start: number; end: number }): boolean {
  // "日本語能力試験N2" names the test: its exam word is not a goal.
  const text = full.replace(new RegExp(lex.pattern.testNames, 'gu'), (name) => ' '.repeat(name.length));
  const clause = clauseAround(text, m.start, m.end);
  const distance = (pattern: string) => {
    const ds = [...text.slice(clause.start, clause.end).matchAll(new RegExp(pattern, 'gu'))]
      .map((x) => ({ s: clause.start + x.index, e: clause.start + x.index + x[0].length }))
      .filter((x) => x.e <= m.start || x.s >= m.end)
      .map((x) => (x.e <= m.start ? m.start - x.e : x.s - m.end));
    return ds.length > 0 ? Math.min(...ds) : Infinity;
  };
  const held = distance(lex.pattern.held);
  const future = distance(lex.pattern.goalFuture);
  if (future <= held && future !== Infinity) return true;
  return held === Infinity && distance(lex.pattern.goalNoun) !== Infinity;
}

/** Said not to be held: "don't even have N3", "failed the N2", "no bachelor's", "N3もない" (`goals.not_held`). */
function isNotHeld(lex: Lexicon, text: string, m: { start: number; end: number }): boolean {
  const clause = clauseAround(text, m.start, m.end);
  const head = text.slice(clause.start, m.start);
  const tail = text.slice(m.end, clause.end);
  return (
    new RegExp(`(?:${lex.pattern.notHeldBefore})\\s(?:(?:a|an|the|my)\\s)?$`, 'u').test(head) ||
    new RegExp(`^\\s?(?:${lex.pattern.notHeldAfter})`, 'u').test(tail)
  );
}

const JLPT = /(?<![\p{Script=Latin}\p{N}])(?:jlpt\s?)?n([1-5])(?![\p{N}])|(?<![\p{Script=Latin}])jlpt\s?([1-5])(?![\p{N}級])/gu;

function readJlpt(lex: Lexicon, text: string, taken: Taken): Fact<Jlpt> | undefined {
  const held: Fact<Jlpt>[] = [];
  let goal: Fact<Jlpt> | undefined;
  for (const m of text.matchAll(JLPT)) {
    const spot = { start: m.index, end: m.index + m[0].length };
    if (taken.has(spot.start, spot.end)) continue;
    taken.add(spot.start, spot.end);
    const level = `N${m[1] ?? m[2]}` as Jlpt;
    if (approximate(lex, text, spot.start, spot.end)) goal ??= unclear('estimate', m[0]);
    else if (isNotHeld(lex, text, spot)) goal ??= unclear('not_held', m[0]);
    else if (isGoal(lex, text, spot)) goal ??= unclear('goal', m[0]);
    else held.push(value(level, m[0]));
  }
  for (const m of fresh(lex.jlptNone.find(text), taken, true)) held.push(value('none', m.text));
  if (held.some((f) => f.kind === 'value' && f.value === 'none') && held.some((f) => f.kind === 'value' && f.value !== 'none'))
    return settle(held);
  // The highest level held counts (N3 now, N2 next year: N3).
  const best = held
    .filter((f) => f.kind === 'value')
    .sort((a, b) => (a.kind === 'value' && b.kind === 'value' ? a.value.localeCompare(b.value) : 0))[0];
  return best ?? goal;
}

function readDegree(lex: Lexicon, text: string, taken: Taken): Fact<Degree> | undefined {
  const held: Match<Degree>[] = [];
  let goal: Fact<Degree> | undefined;
  for (const m of fresh(lex.degrees.find(text), taken, true)) {
    if (m.values[0] === 'none') held.push(m);
    else if (isNotHeld(lex, text, m)) goal ??= unclear('not_held', m.text);
    else if (isGoal(lex, text, m)) goal ??= unclear('goal', m.text);
    else held.push(m);
  }
  const none = held.filter((m) => m.values[0] === 'none');
  const some = held.filter((m) => m.values[0] !== 'none');
  if (none.length > 0 && some.length > 0)
    return unclear('conflict', [none[0]!.text, some[0]!.text].join(' / '), ['none', some[0]!.values[0]]);
  // The highest degree counts (a bachelor's and a master's: master's), in the order of the command's choices.
  const rank = (d: Degree) => DEGREES.findIndex((c) => c.value === d);
  const best = held.sort((a, b) => rank(a.values[0]!) - rank(b.values[0]!))[0];
  return best ? value(best.values[0]!, best.text) : goal;
}

/** A flag said yes or no ("I can code" / "can't code", "I don't need visa sponsorship"); both is unclear. */
function yesNo(lex: Lexicon, text: string, matches: readonly Match<boolean>[]): Fact<boolean> | undefined {
  const negated = (m: Match<boolean>) => new RegExp(`(?:${lex.pattern.negations})(?:\\s\\S+)?\\s?$`, 'u').test(before(text, m.start, 3));
  return settle(matches.map((m) => value(m.values[0] === true && negated(m) ? false : m.values[0]!, m.text)));
}

const single = <V>(matches: readonly Match<V>[]) =>
  settle(matches.map((m) => (m.values.length === 1 ? value(m.values[0]!, m.text) : unclear<V>('several', m.text, m.values))));

/** Reads every fact the three commands take from a question (knowledge/understand.yaml). */
export function readQuestion(lex: Lexicon, question: string): Reading {
  const text = normalize(question);
  const taken = new Taken();
  for (const m of lex.ignore.find(text)) taken.add(m.start, m.end);
  const numbers = readNumbers(lex, text, taken);
  const cue = (c: RuleCommand, where = text) => lex.cues[c].find(where).length > 0;
  const cues = Object.fromEntries(RULE_COMMANDS.map((c) => [c, cue(c)])) as Record<RuleCommand, boolean>;
  const cued = lex.whereAsked.filter((c) => cues[c]);
  const asked = cued.length > 0 ? askedSentence(question) : undefined;
  const statuses = fresh(lex.statuses.find(text), taken, true);
  const duties = fresh(lex.duties.find(text), taken);
  const sameWork = new RegExp(lex.pattern.sameWork, 'u').test(text);
  const status = pickByRole(lex, text, statuses, 'current', false);
  const heldWork = status?.kind === 'value' ? lex.data.status_work[status.value] : undefined;
  const work = assignRoles(lex, text, duties, sameWork, heldWork && { value: heldWork, text: status!.text });
  const qualifications = new Set(lex.qualifications.find(text).map((m) => m.values[0])).size;
  return {
    text,
    display: question.normalize('NFKC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim(),
    cues,
    cueInContext: asked === undefined ? [] : cued.filter((c) => !cue(c, normalize(asked))),
    ...numbers,
    jlpt: readJlpt(lex, text, taken),
    degree: readDegree(lex, text, taken),
    qualifications: qualifications > 0 ? Math.min(qualifications, 2) : undefined,
    claims: [...new Set(lex.claims.find(text).flatMap((m) => m.values))],
    status,
    currentWork: work.current,
    newWork: work.target,
    employer: single(fresh(lex.employers.find(text), taken)),
    dispatch: new RegExp(lex.pattern.dispatch, 'u').test(text),
    background: single(fresh(lex.backgrounds.find(text), taken)),
    technical: yesNo(lex, text, lex.technical.find(text)),
    location: pickByRole(lex, text, fresh(lex.locations.find(text), taken), 'target'),
    sponsorship: yesNo(lex, text, lex.sponsorship.find(text)),
  };
}
