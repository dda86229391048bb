import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandBooleanOption,
  type APIApplicationCommandChannelOption,
  type APIApplicationCommandSubcommandOption,
  type APIApplicationCommandSubcommandGroupOption,
  type ChannelType,
  type APIApplicationCommandIntegerOption,
  type APIApplicationCommandStringOption,
} from 'discord.js';
import type { Choice } from '../kb/vocabulary.js';
import { choicesOf } from './options.js';

/** An option's description in English and Japanese (Discord localizations): every option has both. */
export interface Described {
  en: string;
  ja: string;
}
const describe = (name: string, d: Described) => ({ name, description: d.en, description_localizations: { ja: d.ja } });

export function stringOption(
  name: string,
  d: Described,
  extra: { required?: boolean; choices?: readonly Choice[]; autocomplete?: boolean; maxLength?: number } = {},
): APIApplicationCommandStringOption {
  const base = { type: ApplicationCommandOptionType.String as const, ...describe(name, d), ...(extra.required ? { required: true } : {}) };
  const withLength = extra.maxLength ? { ...base, max_length: extra.maxLength } : base;
  if (extra.choices) return { ...withLength, choices: choicesOf(extra.choices) };
  return extra.autocomplete ? { ...withLength, autocomplete: true } : withLength;
}

export function integerOption(
  name: string,
  d: Described,
  range: { min: number; max: number; required?: boolean },
): APIApplicationCommandIntegerOption {
  return {
    type: ApplicationCommandOptionType.Integer,
    ...describe(name, d),
    required: range.required ?? false,
    min_value: range.min,
    max_value: range.max,
  };
}

export function booleanOption(name: string, d: Described): APIApplicationCommandBooleanOption {
  return { type: ApplicationCommandOptionType.Boolean, ...describe(name, d) };
}

/** A required channel option limited to `types`. */
export function channelOption(name: string, d: Described, types: readonly ChannelType[]): APIApplicationCommandChannelOption {
  return {
    type: ApplicationCommandOptionType.Channel,
    ...describe(name, d),
    required: true,
    channel_types: [...types] as APIApplicationCommandChannelOption['channel_types'],
  };
}

export function subcommand(
  name: string,
  d: Described,
  options: APIApplicationCommandBasicOption[] = [],
): APIApplicationCommandSubcommandOption {
  return { type: ApplicationCommandOptionType.Subcommand, ...describe(name, d), options };
}

/** `public`: results about a member's own visa or points are private unless they choose to post them (in a server that added the bot; see surface.ts). */
export const publicOption = booleanOption('public', {
  en: 'Post the result in the channel (default: only you see it)',
  ja: '結果をチャンネルに公開する（既定：自分のみ）',
});

export function subcommandGroup(
  name: string,
  d: Described,
  subcommands: APIApplicationCommandSubcommandOption[],
): APIApplicationCommandSubcommandGroupOption {
  return { type: ApplicationCommandOptionType.SubcommandGroup, ...describe(name, d), options: subcommands };
}
