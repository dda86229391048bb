/**
 * Validation of `PUT /applications/:app/commands` (and the guild variant) bodies, after
 * discord-api-docs `interactions/application-commands.mdx`: name regex, lowercase chat-input
 * names, description 1–100, localizations, ≤ 25 options and choices, required-before-optional,
 * autocomplete not combined with choices, min/max_length 0–6000, ≤ 8000 characters of text per
 * command, at most 100 of them, and `integration_types` / `contexts` drawn from their enums. Context-menu and entry-point commands are not modelled (rejected, loudly).
 */
import { Locale } from 'discord-api-types/v10';
import { FormErrors, charCount, checkString, isRecord, type Path } from './discord-limits.js';

const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = new Set<string>(Object.values(Locale));
const TEXT_LIMIT = 8000;
const MAX_CHAT_INPUT = 100;

const SUBCOMMAND = 1;
const GROUP = 2;
const CHOICE_TYPES = new Set([3, 4, 10]);

function checkChatInputName(errors: FormErrors, path: Path, value: unknown): void {
  if (typeof value !== 'string' || !NAME_RE.test(value) || value !== value.toLowerCase()) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid (${JSON.stringify(value)})`);
  }
}

function checkDescription(errors: FormErrors, path: Path, value: unknown): void {
  const n = typeof value === 'string' ? charCount(value) : -1;
  if (n < 1 || n > 100) errors.add(path, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
}

function checkLocalizations(
  errors: FormErrors,
  path: Path,
  value: unknown,
  check: (errors: FormErrors, path: Path, value: unknown) => void,
): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) return errors.add(path, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
  for (const [locale, text] of Object.entries(value)) {
    if (!LOCALES.has(locale)) errors.add([...path, locale], 'ENUM_TYPE_COERCE', `Value "${locale}" is not a valid enum value.`);
    else if (text !== null) check(errors, [...path, locale], text);
  }
}

/** Named + described + localized things: commands, options, and (name only) choices. */
function checkNaming(errors: FormErrors, path: Path, item: Record<string, unknown>, withDescription: boolean): void {
  checkChatInputName(errors, [...path, 'name'], item.name);
  checkLocalizations(errors, [...path, 'name_localizations'], item.name_localizations, checkChatInputName);
  if (withDescription) {
    checkDescription(errors, [...path, 'description'], item.description);
    checkLocalizations(errors, [...path, 'description_localizations'], item.description_localizations, checkDescription);
  }
}

function checkChoices(errors: FormErrors, path: Path, option: Record<string, unknown>): void {
  const choices = option.choices;
  if (choices === undefined || choices === null) return;
  if (!Array.isArray(choices)) return errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
  if (typeof option.type !== 'number' || !CHOICE_TYPES.has(option.type)) {
    errors.add(path, 'APPLICATION_COMMAND_OPTION_CHOICES_INVALID_TYPE', 'Choices are only allowed on string, integer and number options');
  }
  if (choices.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  if (option.autocomplete === true && choices.length > 0) {
    errors.add(
      [...path.slice(0, -1), 'autocomplete'],
      'APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES',
      'Autocomplete cannot be set with choices',
    );
  }
  choices.forEach((choice, i) => {
    if (!isRecord(choice)) return errors.add([...path, i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    checkString(errors, [...path, i, 'name'], choice.name, 100, { required: true, min: 1 });
    const nameCheck = (e: FormErrors, p: Path, v: unknown): void => void checkString(e, p, v, 100, { required: true, min: 1 });
    checkLocalizations(errors, [...path, i, 'name_localizations'], choice.name_localizations, nameCheck);
    if (typeof choice.value === 'string') checkString(errors, [...path, i, 'value'], choice.value, 100, { min: 1 });
    else if (typeof choice.value !== 'number') errors.add([...path, i, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
}

function checkLengthBounds(errors: FormErrors, path: Path, option: Record<string, unknown>): void {
  for (const key of ['min_length', 'max_length'] as const) {
    const v = option[key];
    if (v === undefined || v === null) continue;
    const min = key === 'max_length' ? 1 : 0;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > 6000) {
      errors.add([...path, key], 'NUMBER_TYPE_MAX', `Must be an integer between ${min} and 6000.`);
    }
  }
}

function checkOptions(errors: FormErrors, path: Path, options: unknown, depth: number): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) return errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
  if (options.length > 25) errors.add(path, 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  const names = new Set<string>();
  let sawOptional = false;
  let subs = 0;
  options.forEach((option, i) => {
    const at = [...path, i];
    if (!isRecord(option)) return errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    checkNaming(errors, at, option, true);
    if (typeof option.name === 'string') {
      if (names.has(option.name))
        errors.add([...at, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option names must be unique');
      names.add(option.name);
    }
    const nested = option.type === SUBCOMMAND || option.type === GROUP;
    if (nested) {
      subs++;
      if (option.type === GROUP && depth > 0)
        errors.add([...at, 'type'], 'APPLICATION_COMMAND_OPTION_INVALID_NESTING', 'Subcommand groups cannot be nested');
      if (option.type === SUBCOMMAND && depth > 1)
        errors.add([...at, 'type'], 'APPLICATION_COMMAND_OPTION_INVALID_NESTING', 'Subcommands nested too deep');
      checkOptions(errors, [...at, 'options'], option.options, depth + 1);
      return;
    }
    if (option.required === true && sawOptional) {
      errors.add(
        [...at, 'required'],
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (option.required !== true) sawOptional = true;
    if (option.autocomplete === true && (typeof option.type !== 'number' || !CHOICE_TYPES.has(option.type))) {
      errors.add(
        [...at, 'autocomplete'],
        'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID_TYPE',
        'Autocomplete is only allowed on string, integer and number options',
      );
    }
    checkChoices(errors, [...at, 'choices'], option);
    checkLengthBounds(errors, at, option);
  });
  if (subs > 0 && subs !== options.length) {
    errors.add(path, 'APPLICATION_COMMAND_OPTION_INVALID_MIX', 'Subcommands cannot be mixed with other options');
  }
}

/** Characters of name/description/value text for one locale (localized text replaces default). */
function textSize(item: unknown, locale: string | undefined): number {
  if (!isRecord(item)) return 0;
  const pick = (key: 'name' | 'description'): number => {
    const localized = item[`${key}_localizations`];
    const text = locale !== undefined && isRecord(localized) && typeof localized[locale] === 'string' ? localized[locale] : item[key];
    return typeof text === 'string' ? charCount(text) : 0;
  };
  let n = pick('name') + pick('description');
  if (typeof item.value === 'string') n += charCount(item.value);
  for (const key of ['options', 'choices'] as const) {
    const list = item[key];
    if (Array.isArray(list)) for (const child of list) n += textSize(child, locale);
  }
  return n;
}

function collectLocales(item: unknown, into: Set<string>): Set<string> {
  if (!isRecord(item)) return into;
  for (const key of ['name_localizations', 'description_localizations']) {
    const loc = item[key];
    if (isRecord(loc)) for (const k of Object.keys(loc)) into.add(k);
  }
  for (const key of ['options', 'choices']) {
    const list = item[key];
    if (Array.isArray(list)) for (const child of list) collectLocales(child, into);
  }
  return into;
}

/** `integration_types` (0 guild install, 1 user install) and `contexts` (0 guild, 1 bot DM, 2 private channel): enum lists. */
const ENUM_LISTS = { integration_types: new Set([0, 1]), contexts: new Set([0, 1, 2]) } as const;

function checkEnumLists(errors: FormErrors, i: number, cmd: Record<string, unknown>): void {
  for (const [key, allowed] of Object.entries(ENUM_LISTS)) {
    const list = cmd[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      errors.add([i, key], 'BASE_TYPE_ARRAY', 'Must be an array.');
      continue;
    }
    list.forEach((v, j) => {
      if (typeof v !== 'number' || !allowed.has(v))
        errors.add([i, key, j], 'ENUM_TYPE_COERCE', `Value "${String(v)}" is not a valid enum value.`);
    });
  }
}

function checkCommand(errors: FormErrors, i: number, cmd: Record<string, unknown>): void {
  if ((cmd.type ?? 1) !== 1) return errors.add([i, 'type'], 'NOT_MODELLED', 'only chat-input commands are modelled by the fake');
  checkNaming(errors, [i], cmd, true);
  checkEnumLists(errors, i, cmd);
  checkOptions(errors, [i, 'options'], cmd.options, 0);
  const locales = [undefined, ...collectLocales(cmd, new Set<string>())];
  const size = Math.max(...locales.map((l) => textSize(cmd, l)));
  if (size > TEXT_LIMIT) errors.add([i], 'APPLICATION_COMMAND_TOO_LARGE', `Command exceeds maximum size (${TEXT_LIMIT}); got ${size}`);
}

/** Validates a bulk-overwrite body. An empty FormErrors means Discord would accept it. */
export function checkCommands(body: unknown): FormErrors {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return errors;
  }
  const seen = new Set<string>();
  body.forEach((cmd, i) => {
    if (!isRecord(cmd)) return errors.add([i], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    checkCommand(errors, i, cmd);
    const name = String(cmd.name);
    if (seen.has(name))
      errors.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique (${name})`);
    seen.add(name);
  });
  if (body.length > MAX_CHAT_INPUT)
    errors.add([], 'APPLICATION_COMMANDS_TOO_MANY', `Maximum number of type 1 application commands reached (${MAX_CHAT_INPUT})`);
  return errors;
}
