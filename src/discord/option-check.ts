import {
  ApplicationCommandOptionType as T,
  type APIApplicationCommandOption,
  type CommandInteractionOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { UserError } from './errors.js';

const EXPECTED: Partial<Record<T, { what: string; ok(v: unknown): boolean }>> = {
  [T.String]: { what: 'text', ok: (v) => typeof v === 'string' },
  [T.Integer]: { what: 'a whole number', ok: (v) => Number.isSafeInteger(v) },
  [T.Number]: { what: 'a number', ok: (v) => typeof v === 'number' && Number.isFinite(v) },
  [T.Boolean]: { what: 'True or False', ok: (v) => typeof v === 'boolean' },
  [T.User]: { what: 'a member', ok: (v) => typeof v === 'string' && /^\d{1,20}$/.test(v) },
  [T.Channel]: { what: 'a channel', ok: (v) => typeof v === 'string' && /^\d{1,20}$/.test(v) },
  [T.Role]: { what: 'a role', ok: (v) => typeof v === 'string' && /^\d{1,20}$/.test(v) },
  [T.Mentionable]: { what: 'a member or role', ok: (v) => typeof v === 'string' && /^\d{1,20}$/.test(v) },
  [T.Attachment]: { what: 'a file', ok: (v) => typeof v === 'string' && /^\d{1,20}$/.test(v) },
};

const nested = (o: APIApplicationCommandOption) => o.type === T.Subcommand || o.type === T.SubcommandGroup;

function refuse(message: string, option?: string): never {
  throw new UserError(message, 'invalid-option', option);
}

function checkLevel(command: string, defs: readonly APIApplicationCommandOption[], given: readonly CommandInteractionOption[]): void {
  const sub = defs.filter(nested);
  if (sub.length > 0) {
    const chosen = given.find((g) => g.type === T.Subcommand || g.type === T.SubcommandGroup);
    const def = sub.find((d) => d.name === chosen?.name && d.type === chosen.type);
    if (!chosen || !def) refuse(`Pick what \`/${command}\` should do: ${sub.map((d) => `\`/${command} ${d.name}\``).join(', ')}.`);
    return checkLevel(`${command} ${def.name}`, 'options' in def ? (def.options ?? []) : [], chosen.options ?? []);
  }
  for (const def of defs) {
    const option = given.find((g) => g.name === def.name);
    if (option?.value === undefined || option.value === null) continue; // missing: the handler's schema says what is needed
    const expected = EXPECTED[def.type];
    if (option.type !== def.type || !expected?.ok(option.value))
      refuse(
        `The \`${def.name}\` option must be ${expected?.what ?? 'something else'}. Run \`/${command}\` again and pick or type it anew.`,
        def.name,
      );
  }
}

/**
 * Checks what a member's client sent against the command's own definition before its handler runs: every option of
 * its declared type (an integer option sent as text, say), a known subcommand. A problem becomes a clear message
 * naming the option (never the value) instead of an error deep in a handler. Missing and out-of-range values are
 * the handlers' to explain: their schemas name the option and what it accepts.
 */
export function checkCommandOptions(
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody,
  given: readonly CommandInteractionOption[],
): void {
  checkLevel(definition.name, definition.options ?? [], given);
}

/** discord.js's own option errors (a handler reading an option the check above could not foresee), made member-facing. */
export function optionErrorMessage(err: unknown): UserError | undefined {
  const code = (err as { code?: unknown }).code;
  const name = /"([^"]+)"/.exec(err instanceof Error ? err.message : '')?.[1];
  switch (code) {
    case 'CommandInteractionOptionNotFound':
    case 'CommandInteractionOptionEmpty':
      return new UserError(
        `The \`${name ?? 'required'}\` option is missing. Run the command again and fill it in.`,
        'invalid-option',
        name,
      );
    case 'CommandInteractionOptionType':
    case 'CommandInteractionOptionInvalidChannelType':
      return new UserError(
        `The \`${name ?? 'given'}\` option has the wrong type. Run the command again and pick it from the list.`,
        'invalid-option',
        name,
      );
    case 'CommandInteractionOptionNoSubcommand':
    case 'CommandInteractionOptionNoSubcommandGroup':
      return new UserError('Pick what the command should do (a subcommand) and run it again.', 'invalid-option');
    default:
      return undefined;
  }
}
