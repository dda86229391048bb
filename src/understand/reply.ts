import type { KnowledgeBase } from '../kb/load.js';
import { fill, formatYen } from '../kb/text.js';
import type { RuleCommand, Understand } from '../kb/understand.js';
import {
  BACKGROUNDS,
  DEGREES,
  DUTIES,
  EMPLOYERS,
  HSP_CLAIMS,
  LOCATIONS,
  RESIDENCE_STATUSES,
  labelOf,
  type Choice,
} from '../kb/vocabulary.js';
import type { Inputs, Missing, Understanding } from './decide.js';
import { runRule, type RuleRun } from './run.js';

/** What a rules reply says, whichever surface shows it; the result itself is rendered by the command's renderers. */
export interface RulesReply {
  command: RuleCommand;
  /** The understood option values, by flag name (the `inputs` of `ask --json`). */
  inputs: Inputs;
  /** "I read: age 30 · master's · 5 years · ¥7,500,000 · N2" */
  understood: string;
  /** One line per missing option: its name and how to give it (or why what was written could not be read). */
  missing: { flag: string; note: string }[];
  /** The command's result, when nothing is missing. */
  run: RuleRun | undefined;
}

type Shown = Partial<Record<string, { show?: string | undefined }>>;
const show = (choices: readonly Choice[], shown: Shown, v: string) => shown[v]?.show ?? labelOf(choices, v);

/** How each understood value appears in the "I read" line. */
function shownValues(u: Understand, command: RuleCommand, inputs: Inputs): string[] {
  const v = (flag: string) => inputs[flag];
  const parts: (string | undefined)[] = [];
  const yesNo = (flag: string, yes: string, no: string) => (v(flag) === undefined ? undefined : v(flag) === true ? yes : no);
  const jlpt = v('jlpt') === undefined ? undefined : v('jlpt') === 'none' ? 'no JLPT' : String(v('jlpt'));
  const yen = typeof v('salary') === 'number' ? formatYen(v('salary') as number) : undefined;
  if (command === 'hsp-points') {
    parts.push(v('age') === undefined ? undefined : `age ${v('age')}`);
    parts.push(v('degree') === undefined ? undefined : show(DEGREES, u.degrees, String(v('degree'))));
    parts.push(v('experience') === undefined ? undefined : `${v('experience')} year${v('experience') === 1 ? '' : 's'}`);
    parts.push(yen, jlpt, v('bjt') === undefined ? undefined : `BJT ${v('bjt')}`);
    parts.push(v('qualifications') === undefined ? undefined : `qualifications: ${v('qualifications')}`);
    parts.push(...HSP_CLAIMS.filter((c) => v(c.value) === true).map((c) => c.label));
  } else if (command === 'visa-check') {
    parts.push(v('status') === undefined ? undefined : show(RESIDENCE_STATUSES, u.statuses, String(v('status'))));
    const work = (flag: string) => (v(flag) === undefined ? '?' : show(DUTIES, u.duties, String(v(flag))));
    parts.push(
      v('current-work') === undefined && v('new-work') === undefined ? undefined : `${work('current-work')} → ${work('new-work')}`,
    );
    parts.push(v('employer') === undefined ? undefined : labelOf(EMPLOYERS, String(v('employer'))).toLowerCase());
    parts.push(yen, v('dispatch') === true ? 'client-site / dispatch' : undefined);
  } else {
    parts.push(jlpt, v('background') === undefined ? undefined : show(BACKGROUNDS, u.backgrounds, String(v('background'))));
    parts.push(yesNo('technical', 'technical skills', 'no technical skills'));
    parts.push(v('location') === undefined ? undefined : show(LOCATIONS, u.locations, String(v('location'))));
    parts.push(yesNo('sponsorship', 'needs visa sponsorship', 'no sponsorship needed'));
  }
  return parts.filter((p): p is string => p !== undefined);
}

/** Why a missing option is asked for: how to give it, with the reason when what was written was unclear. */
function note(u: Understand, command: RuleCommand, m: Missing): string {
  const ask = (u.facts[command] as Record<string, { ask: string }>)[m.flag]?.ask ?? m.flag;
  if (!m.reason) return ask;
  return fill(u.unclear[m.reason], { text: m.text ?? '', values: (m.values ?? []).join(' or '), ask });
}

/**
 * The reply to a question read as a command's request: with every required fact, the command's own result (run
 * with the command's own schema, so a value out of its range is asked for like a missing one); otherwise what is
 * missing and how to give it.
 */
export function rulesReply(kb: Pick<KnowledgeBase, 'rules' | 'understand' | 'replies'>, understanding: Understanding): RulesReply {
  const { command, inputs } = understanding;
  const u = kb.understand;
  let missing = understanding.missing.map((m) => ({ flag: m.flag, note: note(u, command, m) }));
  let run: RuleRun | undefined;
  if (missing.length === 0) {
    const outcome = runRule(kb, command, inputs);
    if (outcome.ok) run = outcome.run;
    else missing = outcome.problems.map((p) => ({ flag: p.flag, note: `${p.message}` }));
  }
  const facts = shownValues(u, command, inputs);
  const understood = fill(kb.replies.understood.read, { facts: facts.length > 0 ? facts.join(' · ') : kb.replies.understood.nothing });
  return { command, inputs, understood, missing, run };
}

/**
 * Under a knowledge answer, the command's offer, whichever surface shows it: what it still needs ("/hsp-points —
 * missing: salary" and the missing lines), or, with every fact read, the command for the member's own case
 * ("/career-path for your own case" and what was read); with the templates of how to run it (`{slash}`, `{cli}`).
 */
export function offer(reply: RulesReply, texts: KnowledgeBase['replies']['understood']) {
  if (reply.missing.length > 0) {
    return { title: missingTitle(reply, texts), text: missingText(reply, texts), howSlash: texts.how_slash, howCli: texts.how_cli };
  }
  const title = fill(texts.own_case_title, { command: reply.command });
  return { title, text: reply.understood, howSlash: texts.own_case_how_slash, howCli: texts.own_case_how_cli };
}

/** "/hsp-points — missing: salary": the title of a missing-facts reply, and its heading under a knowledge answer. */
export const missingTitle = (reply: RulesReply, texts: KnowledgeBase['replies']['understood']) =>
  fill(texts.missing_title, { command: reply.command, flags: reply.missing.map((m) => m.flag).join(', ') });

/** What was read and what is still missing, one line each: the body of a missing-facts reply. */
export function missingText(reply: RulesReply, texts: KnowledgeBase['replies']['understood']): string {
  const lines = reply.missing.map((m) => `• ${m.flag}: ${m.note}`);
  return [reply.understood, '', fill(texts.missing_intro, { command: reply.command }), ...lines].join('\n');
}
