/**
 * INTERACTION_CREATE payload builders (test-infra §1.3): slash commands, autocomplete and message
 * components, each with every field real Discord sends (`entitlements`,
 * `authorizing_integration_owners`, `app_permissions`, `locale`, `guild_locale`, `context`,
 * `attachment_size_limit`, `version`).
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  type InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIAuthorizingIntegrationOwnersMap,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataSubcommandOption,
  type APIApplicationCommandInteractionDataOption,
  type APIChannel,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
  type GuildMemberFlags,
} from 'discord-api-types/v10';
import { NO_FLAGS } from './discord-fixtures.js';

/** Option values by name; the type is inferred (string 3, integer 4, number 10, boolean 5). */
export type OptionValues = Readonly<Record<string, string | number | boolean>>;
export type RawOptions = APIApplicationCommandInteractionDataOption[];

/** Per-interaction overrides shared by every helper. */
export interface InteractionOptions {
  /** Channel the interaction comes from (default: the general text channel). */
  channelId?: string;
  /** The invoking user (default: the fixture member user). */
  user?: APIUser;
  /** `member.permissions` bitfield string; see `FakePermissions` (default: an ordinary member). */
  permissions?: string;
  /** `member.roles` (default: none). */
  roles?: string[];
  locale?: Locale;
  /** Interaction token (default: random). */
  token?: string;
  /**
   * Where the member is (default: the fake's server, where the bot is; for a component, where its message is):
   * `bot-dm` (their DM with the bot, context 1), `private-channel` (a group DM the bot is not in, context 2) or
   * `other-guild` (a server that did not add the bot, context 0).
   */
  place?: Place;
  /**
   * Which installations authorize it (`authorizing_integration_owners`): `guild` (the server's install; "0" in a bot
   * DM), `user` (the member's own) or `both`. Default: `guild` in the fake's server, `user` elsewhere.
   */
  install?: 'guild' | 'user' | 'both';
}

export type Place = 'guild' | 'bot-dm' | 'private-channel' | 'other-guild';

export interface SlashOptions extends InteractionOptions {
  subcommand?: string;
  /** The subcommand group `subcommand` belongs to (`/config queue show`: group 'queue', subcommand 'show'). */
  group?: string;
  /** Command id (default: the id of the registered command with this name, or a fresh one). */
  commandId?: string;
}

export interface AutocompleteOptions extends SlashOptions {
  /** Name of the option being typed (default: the first option). */
  focused?: string;
}

/** Everything a builder needs that is not per-call. */
export interface InteractionBase {
  id: string;
  token: string;
  applicationId: string;
  /** Undefined in DMs and group DMs. */
  guildId: string | undefined;
  context: InteractionContextType;
  owners: APIAuthorizingIntegrationOwnersMap;
  channel: APIChannel;
  user: APIUser;
  permissions: string;
  roles: string[];
  appPermissions: string;
  locale: Locale;
  joinedAt: string;
}

function toOption(name: string, value: string | number | boolean): APIApplicationCommandInteractionDataBasicOption {
  if (typeof value === 'string') return { name, type: ApplicationCommandOptionType.String, value };
  if (typeof value === 'boolean') return { name, type: ApplicationCommandOptionType.Boolean, value };
  if (Number.isInteger(value)) return { name, type: ApplicationCommandOptionType.Integer, value };
  return { name, type: ApplicationCommandOptionType.Number, value };
}

/** Converts `{query:'x'}` (or a raw option array) and wraps it in a subcommand option. */
export function buildOptions(values: OptionValues | RawOptions, opts: SlashOptions, focused?: string): RawOptions {
  let options: RawOptions = Array.isArray(values)
    ? values
    : Object.entries(values).map(([name, value]) => {
        const option = toOption(name, value);
        return name === focused ? { ...option, type: ApplicationCommandOptionType.String, value: String(value), focused: true } : option;
      });
  if (opts.subcommand !== undefined) {
    const basic = options.filter(
      (o): o is APIApplicationCommandInteractionDataBasicOption =>
        o.type !== ApplicationCommandOptionType.Subcommand && o.type !== ApplicationCommandOptionType.SubcommandGroup,
    );
    options = [{ name: opts.subcommand, type: ApplicationCommandOptionType.Subcommand, options: basic }];
    if (opts.group !== undefined)
      options = [
        {
          name: opts.group,
          type: ApplicationCommandOptionType.SubcommandGroup,
          options: options as APIApplicationCommandInteractionDataSubcommandOption[],
        },
      ];
  }
  return options;
}

function common(base: InteractionBase) {
  const member: APIInteractionGuildMember = {
    user: base.user,
    roles: base.roles,
    permissions: base.permissions,
    joined_at: base.joinedAt,
    deaf: false,
    mute: false,
    flags: NO_FLAGS as GuildMemberFlags,
    nick: null,
    avatar: null,
  };
  // In a server: guild fields and `member`; in a DM or group DM: `user` instead (test-infra §1.3).
  const where =
    base.guildId === undefined
      ? { user: base.user }
      : {
          guild_id: base.guildId,
          guild: { id: base.guildId, locale: Locale.EnglishUS, features: [] },
          member,
          guild_locale: Locale.EnglishUS,
        };
  return {
    id: base.id,
    application_id: base.applicationId,
    token: base.token,
    version: 1 as const,
    ...where,
    channel: base.channel,
    channel_id: base.channel.id,
    app_permissions: base.appPermissions,
    locale: base.locale,
    entitlements: [],
    authorizing_integration_owners: base.owners,
    context: base.context,
    attachment_size_limit: 10 * 1024 * 1024,
  } as GuildFields;
}

/** The payload fields shared by every interaction, typed as Discord's guild variant (DM payloads differ as above). */
type GuildFields = Omit<APIChatInputApplicationCommandGuildInteraction, 'type' | 'data'>;

/** `authorizing_integration_owners` for an installation set: "0" stands for the guild install in a bot DM. */
export function owners(
  install: 'guild' | 'user' | 'both',
  guildId: string | undefined,
  userId: string,
): APIAuthorizingIntegrationOwnersMap {
  return {
    ...(install !== 'user' && { [ApplicationIntegrationType.GuildInstall]: guildId ?? '0' }),
    ...(install !== 'guild' && { [ApplicationIntegrationType.UserInstall]: userId }),
  };
}

export function slashPayload(
  base: InteractionBase,
  commandId: string,
  name: string,
  options: RawOptions,
): APIChatInputApplicationCommandGuildInteraction {
  return {
    ...common(base),
    type: InteractionType.ApplicationCommand,
    data: { id: commandId, name, type: ApplicationCommandType.ChatInput, options },
  };
}

/** A user or message context-menu command; the target is resolved as Discord resolves it. */
export function contextMenuPayload(
  base: InteractionBase,
  commandId: string,
  name: string,
  kind: 'user' | 'message',
  targetId: string,
  message: APIMessage | undefined,
): APIInteraction {
  const resolved = kind === 'user' ? { users: { [targetId]: base.user } } : { messages: message ? { [targetId]: message } : {} };
  return {
    ...common(base),
    type: InteractionType.ApplicationCommand,
    data: {
      id: commandId,
      name,
      type: kind === 'user' ? ApplicationCommandType.User : ApplicationCommandType.Message,
      target_id: targetId,
      resolved,
    },
  } as APIInteraction;
}

export function autocompletePayload(
  base: InteractionBase,
  commandId: string,
  name: string,
  options: RawOptions,
): APIApplicationCommandAutocompleteGuildInteraction {
  return {
    ...common(base),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: { id: commandId, name, type: ApplicationCommandType.ChatInput, options },
  };
}

export function buttonPayload(base: InteractionBase, customId: string, message: APIMessage): APIMessageComponentButtonInteraction {
  return {
    ...common(base),
    type: InteractionType.MessageComponent,
    data: { custom_id: customId, component_type: ComponentType.Button },
    message,
  };
}

/** A form submission (the bot shows no forms, but a client can send one: it must still be answered). */
export function modalPayload(
  base: InteractionBase,
  customId: string,
  fields: Readonly<Record<string, string>>,
  message: APIMessage | undefined,
): APIModalSubmitInteraction {
  return {
    ...common(base),
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([fieldId, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: fieldId, value }],
      })),
    },
    ...(message ? { message } : {}),
  };
}
