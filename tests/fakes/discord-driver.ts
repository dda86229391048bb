/**
 * The "user side" of the fake: actions a test performs as a Discord user — invoking slash
 * commands, typing into autocomplete, clicking buttons, picking from select menus, posting messages and
 * forum posts. Each action dispatches the matching gateway event.
 */
import { randomBytes } from 'node:crypto';
import {
  ChannelType,
  ComponentType,
  GatewayDispatchEvents,
  InteractionResponseType,
  Locale,
  MessageType,
  type APIEmbed,
  type APIInteraction,
  type APIMessage,
  type APIMessageComponentSelectMenuInteraction,
  type APIModalSubmitInteraction,
  type APIThreadChannel,
  type APIUser,
} from 'discord-api-types/v10';
import { FakePermissions, threadChannel } from './discord-fixtures.js';
import { customIds, makeMessage } from './discord-messages.js';
import {
  autocompletePayload,
  buildOptions,
  buttonPayload,
  contextMenuPayload,
  modalPayload,
  slashPayload,
  type AutocompleteOptions,
  type InteractionBase,
  type InteractionOptions,
  type OptionValues,
  type RawOptions,
  type SlashOptions,
} from './discord-interactions.js';
import { modalSubmission, type ModalValues } from './discord-modal-submit.js';
import { placeFields } from './discord-places.js';
import type { FakeState } from './discord-state.js';

export interface SentInteraction {
  id: string;
  token: string;
  payload: APIInteraction;
}

export interface UserMessageOptions {
  /** Author (default: the fixture member user). */
  author?: APIUser;
  /** Make the author a bot (another bot, not ours). */
  bot?: boolean;
  /** Message type, e.g. `MessageType.UserJoin` for system messages (default: Default). */
  type?: MessageType;
  /** Prefix the content with `<@botId> ` and list the bot in `mentions`. */
  mentionBot?: boolean;
  /** Extra mentioned users. */
  mentions?: APIUser[];
  /** Sent through a webhook (no member). */
  webhookId?: string;
  embeds?: APIEmbed[];
}

export type SelectType =
  | ComponentType.StringSelect
  | ComponentType.UserSelect
  | ComponentType.RoleSelect
  | ComponentType.MentionableSelect
  | ComponentType.ChannelSelect;

export interface ButtonOptions extends InteractionOptions {
  /** The message carrying the button (default: the newest stored message with that custom_id). */
  message?: APIMessage;
}

export class FakeDriver {
  constructor(
    private readonly state: FakeState,
    private readonly defaultChannelId: string,
  ) {}

  slash(name: string, options: OptionValues | RawOptions = {}, opts: SlashOptions = {}): SentInteraction {
    const base = this.#base(opts, opts.channelId);
    const payload = slashPayload(base, opts.commandId ?? this.#commandId(name, base.guildId), name, buildOptions(options, opts));
    return this.#send(`/${name}`, base.channel.id, payload);
  }

  autocomplete(name: string, options: OptionValues | RawOptions, opts: AutocompleteOptions = {}): SentInteraction {
    const focused = opts.focused ?? (Array.isArray(options) ? undefined : Object.keys(options)[0]);
    const base = this.#base(opts, opts.channelId);
    const payload = autocompletePayload(
      base,
      opts.commandId ?? this.#commandId(name, base.guildId),
      name,
      buildOptions(options, opts, focused),
    );
    return this.#send(`autocomplete /${name}`, base.channel.id, payload);
  }

  button(customId: string, opts: ButtonOptions = {}): SentInteraction {
    const message = opts.message ?? this.#messageWith(customId) ?? this.#syntheticButtonMessage(customId, opts.channelId);
    const base = this.#base(opts, message.channel_id);
    return this.#send(`button ${customId}`, base.channel.id, buttonPayload(base, customId, message));
  }

  /**
   * Picks `values` in the select menu `customId` on the newest message carrying it: a string select (component_type
   * 3) unless `componentType` names another kind (user, role, mentionable, channel select: `values` are ids), which
   * may then be one the bot never sent.
   */
  select(customId: string, values: string[], opts: ButtonOptions & { componentType?: SelectType } = {}): SentInteraction {
    const type = opts.componentType ?? ComponentType.StringSelect;
    const message =
      opts.message ??
      this.#messageWith(customId) ??
      (type === ComponentType.StringSelect ? undefined : this.#syntheticButtonMessage(customId, opts.channelId));
    if (!message) throw new Error(`fake discord: no stored message carries the select menu ${customId}`);
    const base = this.#base(opts, message.channel_id);
    const payload = {
      ...buttonPayload(base, customId, message),
      data: { custom_id: customId, component_type: type, values, ...(type === ComponentType.StringSelect ? {} : { resolved: {} }) },
    } as APIMessageComponentSelectMenuInteraction;
    return this.#send(`select ${customId}`, base.channel.id, payload);
  }

  /** A user (`user`) or message (`message`) context-menu command on `targetId`. */
  contextMenu(name: string, kind: 'user' | 'message', targetId: string, opts: InteractionOptions = {}): SentInteraction {
    const base = this.#base(opts, opts.channelId);
    const payload = contextMenuPayload(base, this.#commandId(name, base.guildId), name, kind, targetId, this.state.messages.get(targetId));
    return this.#send(`${kind} command ${name}`, base.channel.id, payload);
  }

  /**
   * The member who got the modal shown in response to `interactionId` submits it with `values` (checked as their
   * client checks them); it carries the message of the component that opened it, as on Discord.
   */
  submitModal(interactionId: string, values: ModalValues, opts: { user?: APIUser } = {}): SentInteraction {
    const rec = this.state.interactions.get(interactionId);
    if (rec?.response?.type !== InteractionResponseType.Modal)
      throw new Error(`fake discord: no modal was shown in response to ${interactionId}`);
    const message = 'message' in rec.payload ? rec.payload.message : undefined;
    // `opts.user`: another member's client sends the same form (forged: Discord shows a modal only to its member).
    const user = opts.user ?? rec.payload.member?.user ?? rec.payload.user;
    const base = this.#base(
      { ...(user && { user }), ...(rec.payload.member && { permissions: rec.payload.member.permissions }) },
      rec.channelId,
    );
    const payload = {
      ...modalPayload(base, rec.response.data.custom_id, {}, message),
      data: modalSubmission(rec.response.data, values),
    } as APIModalSubmitInteraction;
    return this.#send(`modal ${rec.response.data.custom_id}`, base.channel.id, payload);
  }

  /** A form submission the bot never showed (forged, or from an older version): the bot must still answer it. */
  modalSubmit(customId: string, fields: Readonly<Record<string, string>>, opts: ButtonOptions = {}): SentInteraction {
    const base = this.#base(opts, opts.message?.channel_id ?? opts.channelId);
    return this.#send(`modal ${customId}`, base.channel.id, modalPayload(base, customId, fields, opts.message));
  }

  userMessage(channelId: string, content: string, opts: UserMessageOptions = {}): APIMessage {
    const channel = this.state.channels.get(channelId);
    if (!channel) throw new Error(`fake discord: unknown channel ${channelId}`);
    if (channel.type === ChannelType.GuildForum) throw new Error('fake discord: use forumPost() for forum channels');
    const message = this.#message(channelId, this.state.nextId(), content, opts);
    this.#emit(message, opts);
    return message;
  }

  /** A user deletes their message: it is gone from the fake and MESSAGE_DELETE is dispatched, as on Discord. */
  deleteUserMessage(message: APIMessage): void {
    this.state.messages.delete(message.id);
    const { id, channel_id } = message;
    this.state.dispatch(GatewayDispatchEvents.MessageDelete, { id, channel_id, guild_id: this.state.guildOf(channel_id) });
  }

  /** A user opens a forum post: THREAD_CREATE, then the starter MESSAGE_CREATE whose id equals the thread id. */
  forumPost(
    forumId: string,
    title: string,
    content: string,
    opts: UserMessageOptions & { tags?: string[] } = {},
  ): { thread: APIThreadChannel; message: APIMessage } {
    const forum = this.state.channels.get(forumId);
    if (forum?.type !== ChannelType.GuildForum) throw new Error(`fake discord: ${forumId} is not a forum channel`);
    const author = this.#author(opts);
    const id = this.state.nextId();
    const thread = threadChannel({
      id,
      guildId: this.state.guildOf(forumId),
      parentId: forumId,
      name: title,
      ownerId: author.id,
      type: ChannelType.PublicThread,
      createdAt: this.state.iso(),
      ...(opts.tags ? { appliedTags: opts.tags } : {}),
    });
    this.state.channels.set(id, thread);
    this.state.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true });
    const message = this.#message(id, id, content, opts);
    this.#emit(message, opts);
    return { thread, message };
  }

  #author(opts: UserMessageOptions): APIUser {
    const author = opts.author ?? this.state.memberUser;
    return opts.bot ? { ...author, bot: true } : author;
  }

  #message(channelId: string, id: string, content: string, opts: UserMessageOptions): APIMessage {
    const mentions = [...(opts.mentions ?? []), ...(opts.mentionBot ? [this.state.botUser] : [])];
    const message = makeMessage({
      id,
      channelId,
      author: this.#author(opts),
      timestamp: this.state.iso(),
      content: opts.mentionBot ? `<@${this.state.botUser.id}> ${content}` : content,
      type: opts.type ?? MessageType.Default,
      mentions,
      ...(opts.embeds ? { embeds: opts.embeds } : {}),
    });
    if (opts.webhookId !== undefined) message.webhook_id = opts.webhookId;
    return message;
  }

  #emit(message: APIMessage, opts: UserMessageOptions): void {
    this.state.putMessage(message);
    const { user: _user, ...member } = this.state.member(message.author);
    this.state.dispatch(GatewayDispatchEvents.MessageCreate, {
      ...message,
      guild_id: this.state.guildOf(message.channel_id),
      ...(opts.webhookId === undefined ? { member } : {}),
    });
  }

  #commandId(name: string, guildId = this.state.guildId): string {
    const all = [...this.state.globalCommands, ...(this.state.guildCommands.get(guildId) ?? [])];
    return all.find((c) => c.name === name)?.id ?? this.state.nextId();
  }

  #messageWith(customId: string): APIMessage | undefined {
    return [...this.state.messages.values()].reverse().find((m) => customIds(m.components).includes(customId));
  }

  #syntheticButtonMessage(customId: string, channelId = this.defaultChannelId): APIMessage {
    const message = makeMessage({
      id: this.state.nextId(),
      channelId,
      author: this.state.botUser,
      timestamp: this.state.iso(),
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.Button, style: 1, custom_id: customId, label: customId.slice(0, 80) }],
        },
      ],
    });
    return this.state.putMessage(message);
  }

  #base(opts: InteractionOptions, channelId = this.defaultChannelId): InteractionBase {
    const user = opts.user ?? this.state.memberUser;
    return {
      id: this.state.nextId(),
      token: opts.token ?? `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`,
      applicationId: this.state.applicationId,
      ...placeFields(this.state, opts, user, channelId),
      user,
      permissions: opts.permissions ?? FakePermissions.member,
      roles: opts.roles ?? [],
      appPermissions: FakePermissions.bot,
      locale: opts.locale ?? Locale.EnglishUS,
      joinedAt: this.state.joinedAt,
    };
  }

  #send(label: string, channelId: string, payload: APIInteraction): SentInteraction {
    this.state.interactions.set(payload.id, {
      id: payload.id,
      token: payload.token,
      label,
      payload,
      channelId,
      createdAt: this.state.now(),
      response: undefined,
      respondedAt: undefined,
      original: undefined,
      ephemeral: false,
      edits: [],
      editedAt: undefined,
      followUps: [],
      deadlineFlagged: false,
    });
    this.state.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return { id: payload.id, token: payload.token, payload };
  }
}
