import type { RuleCommand } from '../kb/understand.js';
import type { Fact, UnclearReason } from './fact.js';
import type { Reading } from './read.js';

/** Option values by the command's option (and CLI flag) names, e.g. `{ age: 30, degree: 'master', 'japanese-degree': true }`. */
export type Inputs = Record<string, string | number | boolean>;

/** A fact the command needs that the question did not give clearly: what to ask for, and why. */
export interface Missing {
  flag: string;
  /** Absent: the question does not mention it. */
  reason?: UnclearReason;
  /** The member's words, for an unclear fact. */
  text?: string;
  values?: string[];
}

/** A question read as one command's request: what was understood and what is still needed. */
export interface Understanding {
  command: RuleCommand;
  inputs: Inputs;
  missing: Missing[];
  /**
   * The command's cue is only in the member's situation, not in the sentence the message asks in (a command marked
   * `whereAsked` in understand.yaml: /career-path, whose cues are everyday words). A confident knowledge answer then goes first.
   */
  cueInContext?: boolean;
}

interface Slot {
  flag: string;
  fact: Fact<string | number | boolean> | undefined;
}

/** Each command's facts, required first, as read from the question. */
function slots(r: Reading): Record<RuleCommand, { required: Slot[]; optional: Slot[] }> {
  return {
    'hsp-points': {
      required: [
        { flag: 'age', fact: r.age ?? r.bareAge },
        { flag: 'degree', fact: r.degree },
        { flag: 'experience', fact: r.experience },
        { flag: 'salary', fact: r.salary },
      ],
      optional: [
        { flag: 'jlpt', fact: r.jlpt },
        { flag: 'bjt', fact: r.bjt },
        ...(r.qualifications === undefined
          ? []
          : [{ flag: 'qualifications', fact: { kind: 'value' as const, value: r.qualifications, text: '' } }]),
        ...r.claims.map((c) => ({ flag: c, fact: { kind: 'value' as const, value: true, text: c } })),
      ],
    },
    'visa-check': {
      required: [
        { flag: 'status', fact: r.status },
        { flag: 'current-work', fact: r.currentWork },
        { flag: 'new-work', fact: r.newWork },
        { flag: 'employer', fact: r.employer },
      ],
      optional: [
        { flag: 'salary', fact: r.salary },
        ...(r.dispatch ? [{ flag: 'dispatch', fact: { kind: 'value' as const, value: true, text: 'dispatch' } }] : []),
      ],
    },
    'career-path': {
      required: [
        { flag: 'jlpt', fact: r.jlpt },
        { flag: 'background', fact: r.background },
      ],
      optional: [
        { flag: 'technical', fact: r.technical },
        { flag: 'location', fact: r.location },
        { flag: 'sponsorship', fact: r.sponsorship },
      ],
    },
  };
}

const said = (s: Slot) => s.fact !== undefined;

/** The member's own words for a snippet of the normalised text (its letter case), when they can be found. */
function quote(r: Reading, snippet: string): string {
  if (r.display.length !== r.text.length) return snippet;
  return snippet
    .split(' / ')
    .map((part) => {
      const at = r.text.indexOf(part);
      return at < 0 ? part : r.display.slice(at, at + part.length);
    })
    .join(' / ');
}
const clear = (s: Slot) => s.fact?.kind === 'value';

/**
 * Whether the question asks for this command and carries its facts (knowledge/understand.yaml explains the rule):
 * /hsp-points needs a cue and two of its required facts (one of age, degree, experience), or all four with an age
 * said as an age; /visa-check a duty placed as current or new, a move (new work or an employer), a status or both
 * duties, and a cue or a status;
 * /career-path a cue and two of its facts. A question that only names a subject ("what is HSP?") is not one.
 */
function asks(command: RuleCommand, r: Reading, s: { required: Slot[]; optional: Slot[] }): boolean {
  const n = s.required.filter(said).length;
  if (command === 'hsp-points') {
    const own = [r.age ?? r.bareAge, r.degree, r.experience].some((f) => f !== undefined);
    return own && ((r.cues['hsp-points'] && n >= 2) || (n === 4 && (r.age !== undefined || r.cues['hsp-points'])));
  }
  if (command === 'visa-check') {
    // A duty placed as the current or the new one, a move (new work, or an employer other than the same one), and a
    // status or both duties: not "should I specialise as a translator?" nor "I'm a developer on gijinkoku, how do I renew?".
    const placed = r.currentWork?.kind === 'value' || r.newWork?.kind === 'value';
    // The same employer with no new work is no move: "my company's HR is hands-off, what do I need for the renewal?".
    const sameEmployer = r.employer?.kind === 'value' && r.employer.value === 'same';
    const move = r.newWork !== undefined || (r.employer !== undefined && !sameEmployer);
    const both = r.currentWork !== undefined && r.newWork !== undefined;
    return placed && move && (r.status?.kind === 'value' || both) && (r.cues['visa-check'] || r.status !== undefined || n === 4) && n >= 2;
  }
  return r.cues['career-path'] && n >= 1 && [...s.required, ...s.optional].filter(said).length >= 2;
}

const ORDER: readonly RuleCommand[] = ['hsp-points', 'visa-check', 'career-path'];

/**
 * The command a question asks for, with the understood inputs and what is missing; undefined when it asks for
 * none (then the knowledge base answers). Several candidates: the most complete reading wins.
 */
export function decide(r: Reading): Understanding | undefined {
  const all = slots(r);
  const candidates = ORDER.filter((c) => asks(c, r, all[c])).map((command) => {
    const { required, optional } = all[command];
    const share = required.filter(clear).length / required.length;
    return { command, required, optional, score: share + (r.cues[command] ? 0.01 : 0) };
  });
  const best = candidates.sort((a, b) => b.score - a.score)[0];
  if (!best) return undefined;
  const inputs: Inputs = {};
  const missing: Missing[] = [];
  for (const slot of [...best.required, ...best.optional]) {
    const f = slot.fact;
    if (f?.kind === 'value') inputs[slot.flag] = f.value;
    else if (f?.kind === 'unclear') missing.push({ flag: slot.flag, reason: f.reason, text: quote(r, f.text), values: f.values });
    else if (best.required.includes(slot)) missing.push({ flag: slot.flag });
  }
  return { command: best.command, inputs, missing, ...(r.cueInContext.includes(best.command) ? { cueInContext: true } : {}) };
}
