import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { LIMITS } from './limits.js';

/** Discord's rules for chat-input commands (interactions/application-commands), checked before registering. */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MAX_OPTIONS = 25;
const MAX_COMMAND_TEXT = 8000;
const MAX_GLOBAL_COMMANDS = 100;

const len = (s: string | undefined) => (s ? [...s].length : 0);

function checkText(
  where: string,
  name: string,
  description: string,
  localizations: Record<string, string | null> | null | undefined,
  problems: string[],
) {
  if (!NAME.test(name) || name !== name.toLowerCase())
    problems.push(`${where}: name "${name}" must be 1–32 lowercase letters, digits, - or _`);
  if (len(description) < 1 || len(description) > 100)
    problems.push(`${where}: description must be 1–100 characters (has ${len(description)})`);
  for (const [locale, text] of Object.entries(localizations ?? {})) {
    if (text !== null && (len(text) < 1 || len(text) > 100))
      problems.push(`${where}: ${locale} description must be 1–100 characters (has ${len(text)})`);
  }
}

/** What counts towards a command's 8,000 characters: names, the longest description (any locale), choices. */
interface Sized {
  name: string;
  description: string;
  description_localizations?: Partial<Record<string, string | null>> | null;
  options?: readonly APIApplicationCommandOption[];
  choices?: readonly { name: string; value: string | number }[];
}

function textSize(o: Sized): number {
  const longestDescription = Math.max(len(o.description), ...Object.values(o.description_localizations ?? {}).map((t) => len(t ?? '')));
  const choices = (o.choices ?? []).reduce((n, c) => n + len(c.name) + len(String(c.value)), 0);
  return len(o.name) + longestDescription + choices + (o.options ?? []).reduce((n, child) => n + textSize(child), 0);
}

function checkOptions(where: string, options: readonly APIApplicationCommandOption[], problems: string[]) {
  if (options.length > MAX_OPTIONS) problems.push(`${where}: at most ${MAX_OPTIONS} options (has ${options.length})`);
  let optionalSeen = false;
  const names = new Set<string>();
  for (const o of options) {
    const at = `${where} › ${o.name}`;
    checkText(at, o.name, o.description, o.description_localizations, problems);
    if (names.has(o.name)) problems.push(`${at}: duplicate option name`);
    names.add(o.name);
    const nested = o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup;
    if (nested) {
      checkOptions(at, o.options ?? [], problems);
      continue;
    }
    if ('required' in o && o.required) {
      if (optionalSeen) problems.push(`${at}: required options must come before optional ones`);
    } else optionalSeen = true;
    const choices = 'choices' in o ? (o.choices ?? []) : [];
    if (choices.length > LIMITS.choices) problems.push(`${at}: at most ${LIMITS.choices} choices (has ${choices.length})`);
    for (const c of choices) {
      if (len(c.name) < 1 || len(c.name) > LIMITS.choiceName) problems.push(`${at}: choice name "${c.name}" must be 1–100 characters`);
      if (typeof c.value === 'string' && len(c.value) > LIMITS.choiceValue)
        problems.push(`${at}: choice value "${c.value}" is over 100 characters`);
    }
    if ('autocomplete' in o && o.autocomplete && choices.length > 0) problems.push(`${at}: autocomplete cannot be combined with choices`);
  }
}

const INSTALL_FIELDS = {
  integration_types: new Set<number>([ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall]),
  contexts: new Set<number>([InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]),
} as const;

/**
 * Where a command can be installed (`integration_types`: 0 server, 1 user) and used (`contexts`: 0 server, 1 DM with the
 * bot, 2 other DMs and group DMs): known values, no repeats, and no context that its installations can never reach.
 */
function checkInstall(where: string, c: RESTPostAPIChatInputApplicationCommandsJSONBody, problems: string[]) {
  for (const [field, allowed] of Object.entries(INSTALL_FIELDS)) {
    const list = c[field as keyof typeof INSTALL_FIELDS] as unknown;
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) {
      problems.push(`${where}: ${field} must list at least one of ${[...allowed].join(', ')}`);
      continue;
    }
    for (const v of list)
      if (!allowed.has(v as number))
        problems.push(`${where}: ${field} has an unknown value ${JSON.stringify(v)} (allowed: ${[...allowed].join(', ')})`);
    if (new Set(list).size !== list.length) problems.push(`${where}: ${field} lists a value twice`);
  }
  const userInstall = c.integration_types?.includes(ApplicationIntegrationType.UserInstall) ?? false;
  if (c.contexts?.includes(InteractionContextType.PrivateChannel) && !userInstall) {
    problems.push(
      `${where}: contexts include other DMs and group DMs (2), which only a user install reaches: add integration type 1 or drop 2`,
    );
  }
}

/** Every rule a command list breaks; empty when Discord will accept it. */
export function commandProblems(commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): string[] {
  const problems: string[] = [];
  if (commands.length > MAX_GLOBAL_COMMANDS) problems.push(`at most ${MAX_GLOBAL_COMMANDS} chat-input commands (has ${commands.length})`);
  const names = new Set<string>();
  for (const c of commands) {
    const where = `/${c.name}`;
    if (names.has(c.name)) problems.push(`${where}: duplicate command name`);
    names.add(c.name);
    checkText(where, c.name, c.description, c.description_localizations, problems);
    checkOptions(where, c.options ?? [], problems);
    checkInstall(where, c, problems);
    const size = textSize(c);
    if (size > MAX_COMMAND_TEXT)
      problems.push(`${where}: names, descriptions and choices total ${size} characters (max ${MAX_COMMAND_TEXT})`);
  }
  return problems;
}
