import { CAREER_FACTS, HSP_FACTS, VISA_FACTS, type RuleCommand, type Understand } from '../kb/understand.js';
import { FACT_CHOICES, HSP_CLAIMS } from '../kb/vocabulary.js';
import type { Inputs } from './decide.js';
import { compileLexicon, type Lexicon } from './lexicon.js';
import { normalize, type PhraseIndex } from './text.js';

/**
 * The form that completes a question read as a command's request: its fields (the command's facts in
 * knowledge/understand.yaml `facts`), the understood values packed into a Discord custom id (at most 100 characters,
 * so a button and its form carry them without server state), and the member's typed values read back.
 */
export const FORM_FIELDS: Record<RuleCommand, readonly string[]> = {
  'hsp-points': HSP_FACTS,
  'visa-check': VISA_FACTS,
  'career-path': CAREER_FACTS,
};
/** The fields a form requires (the rest may be left empty). */
export const REQUIRED: Record<RuleCommand, number> = { 'hsp-points': 4, 'visa-check': 4, 'career-path': 2 };
/** Options the question may carry that the form does not show: kept in the custom id. */
const EXTRAS: Record<RuleCommand, readonly string[]> = {
  'hsp-points': ['bjt', 'qualifications', 'claims'],
  'visa-check': ['dispatch'],
  'career-path': [],
};
/** Custom-id prefixes of the button that opens the form and of the form (src/discord/understood-form.ts). */
export const FILL_BUTTON = 'fill';
export const FILL_FORM = 'fill-form';
const LETTER: Record<RuleCommand, string> = { 'hsp-points': 'h', 'visa-check': 'v', 'career-path': 'c' };

const BOOLEANS = new Set(['technical', 'sponsorship', 'dispatch']);

const slots = (command: RuleCommand) => [...FORM_FIELDS[command], ...EXTRAS[command]];

function packOne(flag: string, inputs: Inputs): string {
  if (flag === 'claims') {
    const bits = HSP_CLAIMS.reduce((mask, c, i) => (inputs[c.value] === true ? mask + 2 ** i : mask), 0);
    return bits === 0 ? '' : bits.toString(36);
  }
  const v = inputs[flag];
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') return v.toString(36);
  const i = FACT_CHOICES[flag]?.findIndex((c) => c.value === v) ?? -1;
  return i < 0 ? '' : i.toString(36);
}

/** `h:u.2.5.4gfwo.4...`: the command's letter and every understood value (choices by index, numbers in base 36). */
export function packInputs(command: RuleCommand, inputs: Inputs): string {
  return `${LETTER[command]}:${slots(command)
    .map((flag) => packOne(flag, inputs))
    .join('.')}`;
}

/** The inputs packed by `packInputs`; undefined for anything it did not write (a forged or older id). */
export function unpackInputs(packed: string): { command: RuleCommand; inputs: Inputs } | undefined {
  const m = /^([hvc]):([0-9a-z.]*)$/.exec(packed);
  const command = (Object.keys(LETTER) as RuleCommand[]).find((c) => LETTER[c] === m?.[1]);
  if (!m || !command) return undefined;
  const parts = m[2]!.split('.');
  const flags = slots(command);
  if (parts.length !== flags.length) return undefined;
  const inputs: Inputs = {};
  flags.forEach((flag, i) => {
    const part = parts[i]!;
    if (part === '') return;
    const n = parseInt(part, 36);
    if (flag === 'claims') HSP_CLAIMS.forEach((c, bit) => (Math.floor(n / 2 ** bit) % 2 === 1 ? (inputs[c.value] = true) : undefined));
    else if (BOOLEANS.has(flag)) inputs[flag] = part === '1';
    else if (FACT_CHOICES[flag]) {
      const choice = FACT_CHOICES[flag][n];
      if (choice) inputs[flag] = choice.value;
    } else inputs[flag] = n;
  });
  return { command, inputs };
}

/** A value as the form shows it, prefilled: the option's own value ("master", "engineer-specialist"), "yes"/"no". */
export const formText = (v: Inputs[string] | undefined): string =>
  v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);

const YES = new Set(['yes', 'y', 'true', '1', 'はい', 'ok', 'need', 'needed']);
const NO = new Set(['no', 'n', 'false', '0', 'いいえ', 'none']);
const MONEY = /^[¥\\]?(\d+(?:\.\d+)?)(m|mil|million|万|万円|k|千万|千万円)?(?:yen|円|jpy)?$/;
const FACTOR: Record<string, number> = { m: 1e6, mil: 1e6, million: 1e6, 万: 1e4, 万円: 1e4, k: 1e3, 千万: 1e7, 千万円: 1e7 };

function readNumber(flag: string, text: string): number | string {
  const t = text.replace(/[,\s]/g, '');
  if (flag !== 'salary') return /^\d+$/.test(t) ? Number(t) : text;
  const m = MONEY.exec(t);
  return m ? Math.round(Number(m[1]) * (FACTOR[m[2] ?? ''] ?? 1)) : text;
}

const lexicons = new WeakMap<Understand, Lexicon>();
const indexOf = (lex: Lexicon, flag: string): PhraseIndex<string> | undefined =>
  ({
    degree: lex.degrees,
    status: lex.statuses,
    'current-work': lex.duties,
    'new-work': lex.duties,
    employer: lex.employers,
    background: lex.backgrounds,
    location: lex.locations,
  })[flag];

function readChoice(data: Understand, flag: string, text: string): string {
  const folded = normalize(text);
  const own = FACT_CHOICES[flag]?.find((c) => [c.value, c.label, c.label_ja].some((s) => normalize(s) === folded));
  if (own) return own.value;
  if (flag === 'jlpt') return /^n[1-5]$/.test(folded) ? folded.toUpperCase() : text;
  const lex = lexicons.get(data) ?? compileLexicon(data);
  lexicons.set(data, lex);
  const values = new Set(
    indexOf(lex, flag)
      ?.find(folded)
      .flatMap((m) => m.values) ?? [],
  );
  return values.size === 1 ? [...values][0]! : text;
}

/**
 * A typed form value as the command's option value: numbers with their unit ("6.5M", "650万", "6,500,000"), a choice
 * by its value, label or any phrase of knowledge/understand.yaml ("MSc", "gijinkoku"), yes/no. Anything else is kept as
 * typed, so the command's own schema names the field and what it accepts. Empty: undefined.
 */
export function readFormValue(data: Understand, flag: string, typed: string): Inputs[string] | undefined {
  const text = typed.normalize('NFKC').trim();
  if (text === '') return undefined;
  if (BOOLEANS.has(flag)) return YES.has(text.toLowerCase()) ? true : NO.has(text.toLowerCase()) ? false : text;
  if (FACT_CHOICES[flag]) return readChoice(data, flag, text);
  return readNumber(flag, text.toLowerCase());
}
