import { unclear, value, type Fact } from './fact.js';
import type { Lexicon } from './lexicon.js';
import type { Taken } from './numbers.js';
import { after, before, type Match } from './text.js';

export type Role = 'current' | 'target';

/** Japanese endings between a duty and its particle: 営業職から, マーケティング部に, 開発の仕事へ. */
const SUFFIX = '(?:職|部|部署|系|担当|の仕事|業務|チーム|として)?';

/** Whether a phrase is where the member is now or where they are going, from the words around it (or undefined). */
export function roleOf(lex: Lexicon, text: string, m: { start: number; end: number }): Role | undefined {
  const p = lex.pattern;
  const tail = after(text, m.end);
  if (new RegExp(`^${SUFFIX}(?:${p.currentAfter})`, 'u').test(tail)) return 'current';
  if (new RegExp(`^${SUFFIX}(?:${p.targetAfter})`, 'u').test(tail)) return 'target';
  const head = before(text, m.start, 4, 8);
  // The cue ending nearest the phrase decides, at most two words before it ("to the marketing team", not "to sales on
  // my engineer visa"); at the same place the longer one ("offer from" over "from").
  const near = (end: number) => head.slice(end).split(/\s+/).filter(Boolean).length <= 2;
  const last = (pattern: string) =>
    Math.max(
      -1,
      ...[...head.matchAll(new RegExp(pattern, 'gu'))]
        .filter((x) => near(x.index + x[0].length))
        .map((x) => (x.index + x[0].length) * 100 + x[0].length),
    );
  const current = last(p.currentBefore);
  const target = last(p.targetBefore);
  if (current < 0 && target < 0) return undefined;
  return target > current ? 'target' : 'current';
}

/** Matches not inside spans read already; those kept are marked as read when `consume`. */
export function fresh<V>(matches: readonly Match<V>[], taken: Taken, consume = false): Match<V>[] {
  const kept = matches.filter((m) => !taken.has(m.start, m.end));
  if (consume) for (const m of kept) taken.add(m.start, m.end);
  return kept;
}

type Mention<V> = Match<V> & { role: Role | undefined };

/**
 * A phrase naming several duties next to one that names one of them is that one: "teaching at an eikaiwa" is private
 * teaching (the vague phrase's role carries over).
 */
function absorbVague<V>(text: string, mentions: Mention<V>[]): Mention<V>[] {
  const specific = mentions.filter((m) => m.values.length === 1);
  return mentions.filter((m) => {
    if (m.values.length === 1) return true;
    const near = specific.find(
      (s) =>
        m.values.includes(s.values[0]!) &&
        Math.max(s.start - m.end, m.start - s.end) <= 15 &&
        !/[.,;!?、。]/.test(text.slice(Math.min(m.end, s.end), Math.max(m.start, s.start))),
    );
    if (near && !near.role) near.role = m.role;
    return near === undefined;
  });
}

/** A mention's fact: its value, or unclear when the phrase names several (teaching: at a school or private?). */
const factOf = <V>(m: Mention<V>): Fact<V> =>
  m.values.length === 1 ? value(m.values[0] as V, m.text) : unclear('several', m.text, m.values);

/** How many places the matches are in: matches next to each other (only spaces between) count once. */
function separateMentions(text: string, matches: readonly { start: number; end: number }[]): number {
  const sorted = [...matches].sort((a, b) => a.start - b.start);
  return sorted.filter((m, i) => i === 0 || text.slice(sorted[i - 1]!.end, m.start).trim() !== '').length;
}

/**
 * The current and the new duty from every duty mentioned: roles from the words around them ("from dev to
 * marketing", "開発からマーケに異動"), one role implying the other for two duties, the same duty for both when the
 * question says so ("still a developer"). `held`, the work the member's status is for (an Instructor holder teaches at
 * a school), is the current work unless the question says otherwise: another kind of work mentioned is the new one.
 * Anything else — two duties and no roles, three duties — is unclear.
 */
export function assignRoles<V>(
  lex: Lexicon,
  text: string,
  matches: readonly Match<V>[],
  sameWork: boolean,
  held?: { value: V; text: string },
): { current?: Fact<V>; target?: Fact<V> } {
  const byValue = new Map<string, Mention<V>>();
  for (const m of absorbVague(
    text,
    matches.map((x) => ({ ...x, role: roleOf(lex, text, x) })),
  )) {
    const key = m.values.join('|');
    const known = byValue.get(key);
    if (!known) byValue.set(key, { ...m });
    else known.role ??= m.role;
  }
  const mentions = [...byValue.values()];
  const heldWork = held && value(held.value, held.text);
  if (mentions.length === 0) return heldWork ? { current: heldWork } : {};
  const names = mentions.map((m) => m.text);
  const roles = (f: Fact<V>) => ({ current: f, target: f });
  const isHeld = (m: Mention<V>) => m.values.length === 1 && m.values[0] === held?.value;
  if (mentions.length === 1) {
    const only = mentions[0]!;
    if (heldWork && !sameWork && only.role !== 'current' && only.values.length === 1 && !isHeld(only))
      return { current: heldWork, target: factOf(only) };
    // One kind of work, said twice ("I'm a developer … an offer as a developer") or "still a developer": both. Words
    // side by side are one mention ("backend dev" is said once).
    const twice =
      separateMentions(
        text,
        matches.filter((m) => m.values.join('|') === only.values.join('|')),
      ) > 1;
    if (sameWork || twice) return roles(factOf(only));
    if (only.role === 'current') return { current: factOf(only) };
    if (only.role === 'target') return { target: factOf(only) };
    return roles(unclear('roles', only.text, names));
  }
  const currents = mentions.filter((m) => m.role === 'current');
  const targets = mentions.filter((m) => m.role === 'target');
  if (mentions.length === 2) {
    const [a, b] = mentions as [Mention<V>, Mention<V>];
    if (a.role !== b.role) {
      const current = a.role === 'current' || b.role === 'target' ? a : b;
      return { current: factOf(current), target: factOf(current === a ? b : a) };
    }
    const current = a.role === undefined ? mentions.find(isHeld) : undefined;
    if (current) return { current: factOf(current), target: factOf(current === a ? b : a) };
  } else if (currents.length === 1 && targets.length === 1) {
    return { current: factOf(currents[0]!), target: factOf(targets[0]!) };
  }
  return roles(unclear('roles', names.join(', '), names));
}

/**
 * One value from several mentions with roles: the one with the preferred role (where the member wants to work; the
 * status they hold now), else the only one without the other role; otherwise unclear.
 */
export function pickByRole<V>(
  lex: Lexicon,
  text: string,
  matches: readonly Match<V>[],
  prefer: Role,
  loneOther = true,
): Fact<V> | undefined {
  const distinct = new Map<string, Mention<V>>();
  for (const m of matches) {
    const key = m.values.join('|');
    const role = roleOf(lex, text, m);
    const known = distinct.get(key);
    if (!known || (!known.role && role)) distinct.set(key, { ...m, role });
  }
  const all = [...distinct.values()];
  if (all.length === 0) return undefined;
  const opposite: Role = prefer === 'target' ? 'current' : 'target';
  // A status named only as a goal ("switch to HSP") is not the one held; a lone place is where the member would work.
  if (all.length === 1) return loneOther || all[0]!.role !== opposite ? factOf(all[0]!) : undefined;
  const preferred = all.filter((m) => m.role === prefer);
  if (preferred.length === 1) return factOf(preferred[0]!);
  const others = all.filter((m) => m.role !== opposite);
  if (others.length === 1) return factOf(others[0]!);
  return unclear(
    'conflict',
    all.map((m) => m.text).join(' / '),
    all.map((m) => m.values.join(' or ')),
  );
}
