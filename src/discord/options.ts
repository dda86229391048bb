import type { APIApplicationCommandOption, APIApplicationCommandOptionChoice, ChatInputCommandInteraction } from 'discord.js';
import type { z } from 'zod';
import { inputIssues } from '../engines/inputs.js';
import type { Choice } from '../kb/vocabulary.js';
import { UserError } from './errors.js';
import { fitChoices } from './limits.js';

/** Discord choices for a vocabulary list, with Japanese names. */
export function choicesOf(list: readonly Choice[]): APIApplicationCommandOptionChoice<string>[] {
  return fitChoices(list.map((c) => ({ name: c.label, name_localizations: { ja: c.label_ja }, value: c.value })));
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * Autocomplete ranking from memory: value or label starting with the query, then a word starting with it, then
 * containing it (English or Japanese label). Empty query: the list in its own order. At most 25.
 */
export function rankChoices(query: string, list: readonly Choice[], locale?: string): APIApplicationCommandOptionChoice<string>[] {
  const q = fold(query.trim());
  const score = (c: Choice) => {
    if (!q) return 1;
    const texts = [c.value, c.label, c.label_ja].map(fold);
    if (texts.some((t) => t.startsWith(q))) return 3;
    if (texts.some((t) => t.split(/[\s/(),・-]+/).some((w) => w.startsWith(q)))) return 2;
    return texts.some((t) => t.includes(q)) ? 1 : 0;
  };
  const ranked = list
    .map((c, i) => ({ c, s: score(c), i }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i);
  return fitChoices(ranked.map(({ c }) => ({ name: locale === 'ja' ? c.label_ja : c.label, value: c.value })));
}

interface InputSchema<I> {
  safeParse(v: unknown): z.ZodSafeParseResult<I>;
}

export interface RuleOptions {
  /** The yes/no options that are collected into `claims`. */
  claims?: readonly string[];
  /** Values for options the member left out, by option name (their saved profile). */
  defaults?: Readonly<Record<string, unknown>> | undefined;
  /** Added to the message when a required option is missing (where to save it instead). */
  missingHint?: string;
}

/**
 * A rule command's input from its options: each option defined in `definition` fills the input field of the same name
 * in camelCase (`current-work` → `currentWork`), or else the default of that name (`defaulted` lists which); the
 * yes/no options named in `claims` are collected into `claims`; `public` only decides who sees the reply. Options are
 * read leniently — a stale client may omit a required one or send a display value — and the engine's schema then
 * names the option and what it accepts.
 */
export function parseRuleOptions<I>(
  interaction: ChatInputCommandInteraction,
  definition: readonly APIApplicationCommandOption[],
  schema: InputSchema<I>,
  options: RuleOptions = {},
): { input: I; defaulted: string[] } {
  const { claims = [], defaults = {}, missingHint } = options;
  const raw: Record<string, unknown> = {};
  const optionName: Record<string, string> = {};
  const claimed: string[] = [];
  const defaulted: string[] = [];
  for (const { name } of definition) {
    if (name === 'public') continue;
    let value: unknown = interaction.options.get(name)?.value;
    if (claims.includes(name)) {
      if (value === true) claimed.push(name);
      continue;
    }
    if (value == null && defaults[name] !== undefined) {
      value = defaults[name];
      defaulted.push(name);
    }
    const field = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    optionName[field] = name;
    raw[field] = value;
  }
  if (claims.length > 0) raw.claims = claimed;
  return { input: parseOptions(schema, raw, optionName, missingHint), defaulted };
}

/**
 * Re-validates what Discord submitted (clients can send stale values or display names) with the engine's own schema.
 * Problems become one message naming each option and what it accepts (and `missingHint` when one is missing).
 */
export function parseOptions<I>(
  schema: InputSchema<I>,
  raw: Record<string, unknown>,
  optionName: Record<string, string> = {},
  missingHint?: string,
): I {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = inputIssues(parsed.error);
  const lines = issues.map((i) => (i.field === '(input)' ? `• ${i.message}` : `• \`${optionName[i.field] ?? i.field}\` ${i.message}`));
  const missing = missingHint !== undefined && issues.some((i) => i.field in raw && raw[i.field] === undefined);
  throw new UserError(`Some options need fixing:\n${lines.join('\n')}${missing ? `\n${missingHint}` : ''}`, 'invalid-option');
}
