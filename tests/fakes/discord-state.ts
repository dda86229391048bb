/**
 * Shared in-memory state of the fake Discord: clock, ids, channels, messages, interactions,
 * commands, the request log, recorded violations and the waiter machinery that lets tests await
 * the bot's reactions.
 */
import {
  ChannelType,
  type GatewayDispatchEvents,
  MessageFlags,
  type APIApplicationCommand,
  type APIChannel,
  type APIDMChannel,
  type APIGroupDMChannel,
  type APITextChannel,
  type APIGuildMember,
  type APIMessage,
  type APIUser,
  type GatewayDispatchPayload,
} from 'discord-api-types/v10';
import type { FakeDiscordOptions, InteractionRecord, RecordedRequest } from './discord-records.js';
import { isThread, makeMember, makeUser, snowflakes, textChannel } from './discord-fixtures.js';

export type { FakeDiscordOptions, InteractionRecord, RecordedRequest } from './discord-records.js';

type Listener = () => void;

export class FakeState {
  readonly token: string;
  readonly applicationId: string;
  readonly deadlineMs: number;
  /** Interaction tokens live 15 minutes. */
  readonly tokenLifetimeMs = 15 * 60_000;
  readonly waitTimeoutMs: number;
  readonly heartbeatIntervalMs = 45_000;
  readonly messageContentApproved: boolean;
  readonly nextId: () => string;
  readonly botUser: APIUser;
  readonly memberUser: APIUser;
  readonly ownerId: string;
  /** The first guild (most tests use only this one). */
  readonly guildId: string;
  readonly guildIds: readonly string[];
  readonly shardCount: number;
  readonly joinedAt: string;
  /** A server that did not add the bot, where members use the app through their own (user) install. */
  readonly otherGuildId: string;
  /** Every user the fake knows (the bot, the member, `user()`): the ones a DM can be opened with. */
  readonly users = new Map<string, APIUser>();
  /** Users who do not accept DMs from the bot: sending them one fails with 50007, as on Discord. */
  readonly closedDms = new Set<string>();

  readonly channels = new Map<string, APIChannel>();
  readonly messages = new Map<string, APIMessage>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  /** Gateway hook, installed by the gateway. */
  dispatch: (event: GatewayDispatchPayload['t'], data: unknown) => void = () => undefined;

  #offset = 0;
  readonly #listeners = new Set<Listener>();
  readonly #rejecters = new Set<(error: Error) => void>();

  constructor(options: FakeDiscordOptions = {}) {
    this.nextId = snowflakes(() => this.now());
    this.deadlineMs = options.deadlineMs ?? 3000;
    this.waitTimeoutMs = options.waitTimeoutMs ?? 5000;
    this.messageContentApproved = options.messageContentApproved ?? true;
    this.botUser = makeUser(this.nextId(), 'fake-helper-bot', true);
    // Deliberately different from the bot user id: interaction webhooks must use the application id.
    this.applicationId = this.nextId();
    this.memberUser = makeUser(this.nextId(), 'alice');
    this.ownerId = this.nextId();
    this.shardCount = options.shards ?? 1;
    this.guildIds = Array.from({ length: options.guilds ?? 1 }, (_, n) => this.#idOnShard(n % this.shardCount, this.shardCount));
    this.guildId = this.guildIds[0]!;
    this.otherGuildId = this.nextId();
    this.joinedAt = this.iso();
    for (const user of [this.botUser, this.memberUser]) this.users.set(user.id, user);
    this.token = `${Buffer.from(this.botUser.id).toString('base64')}.fake.discord-token`;
  }

  /** A fresh snowflake whose guild would be on `shard` of `count`: (id >> 22) % count === shard. */
  #idOnShard(shard: number, count: number): string {
    const id = BigInt(this.nextId()); // its low 22 bits (the increment) keep guilds made in the same ms apart
    let ms = id >> 22n;
    while (ms % BigInt(count) !== BigInt(shard)) ms++;
    return ((ms << 22n) | (id & 0x3fffffn)).toString();
  }

  /** The guild a channel (or thread) belongs to. */
  guildOf(channelId: string): string {
    const channel = this.channels.get(channelId);
    return channel && 'guild_id' in channel && channel.guild_id ? channel.guild_id : this.guildId;
  }

  now(): number {
    return Date.now() + this.#offset;
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }

  /** Moves the fake clock forward (deadlines, token expiry). */
  advance(ms: number): void {
    this.#offset += ms;
    this.notify();
  }

  user(username: string, bot = false): APIUser {
    const user = makeUser(this.nextId(), username, bot);
    this.users.set(user.id, user);
    return user;
  }

  /** The DM channel between the bot and `user` (Discord keeps one per pair), created on first use. */
  dmChannel(user: APIUser): APIDMChannel {
    const found = [...this.channels.values()].find(
      (c): c is APIDMChannel => c.type === ChannelType.DM && c.recipients?.[0]?.id === user.id,
    );
    if (found) return found;
    const channel: APIDMChannel = {
      id: this.nextId(),
      type: ChannelType.DM,
      recipients: [user],
      last_message_id: null,
      flags: 0 as never,
      name: null,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** A group DM of `user` and a friend, which the bot is not in (one per user). */
  groupDm(user: APIUser): APIGroupDMChannel {
    const found = [...this.channels.values()].find((c): c is APIGroupDMChannel => c.type === ChannelType.GroupDM && c.owner_id === user.id);
    if (found) return found;
    const friend = this.user(`${user.username}-friend`);
    const channel: APIGroupDMChannel = {
      id: this.nextId(),
      type: ChannelType.GroupDM,
      recipients: [user, friend],
      owner_id: user.id,
      name: null,
      icon: null,
      last_message_id: null,
      flags: 0 as never,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** The text channel of the server that did not add the bot. */
  otherGuildChannel(): APITextChannel {
    const found = [...this.channels.values()].find(
      (c): c is APITextChannel => c.type === ChannelType.GuildText && c.guild_id === this.otherGuildId,
    );
    if (found) return found;
    const channel = textChannel(this.nextId(), this.otherGuildId, 'elsewhere', 0);
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Whether the bot receives gateway events for a channel: only those of its own servers (it asks for no DM events). */
  botSees(channelId: string): boolean {
    const channel = this.channels.get(channelId);
    return channel !== undefined && 'guild_id' in channel && channel.guild_id !== undefined && this.guildIds.includes(channel.guild_id);
  }

  member(user: APIUser): APIGuildMember {
    return makeMember(user, this.joinedAt);
  }

  violation(text: string): void {
    this.violations.push(text);
    this.notify();
  }

  /** Flags interactions that got no initial response within the deadline (once each). */
  sweepDeadlines(): void {
    const now = this.now();
    for (const rec of this.interactions.values()) {
      if (rec.response === undefined && !rec.deadlineFlagged && now - rec.createdAt > this.deadlineMs) {
        rec.deadlineFlagged = true;
        this.violations.push(`${rec.label} (${rec.id}): no initial response within ${this.deadlineMs} ms`);
      }
    }
  }

  interactionByToken(token: string): InteractionRecord | undefined {
    for (const rec of this.interactions.values()) if (rec.token === token) return rec;
    return undefined;
  }

  /** Stores (or replaces) a message. */
  putMessage(message: APIMessage): APIMessage {
    const isNew = !this.messages.has(message.id);
    this.messages.set(message.id, message);
    const channel = this.channels.get(message.channel_id);
    if (isNew && channel && 'last_message_id' in channel) channel.last_message_id = message.id;
    if (isNew && isThread(channel)) channel.message_count = (channel.message_count ?? 0) + 1;
    this.notify();
    return message;
  }

  messagesIn(channelId: string): APIMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId);
  }

  isEphemeral(message: APIMessage): boolean {
    return ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  }

  /** Dispatches MESSAGE_CREATE/UPDATE for a message in the bot's server unless it is ephemeral. */
  echo(event: GatewayDispatchEvents.MessageCreate | GatewayDispatchEvents.MessageUpdate, message: APIMessage): void {
    if (this.isEphemeral(message) || !this.botSees(message.channel_id)) return;
    const member = message.author.id === this.botUser.id ? this.member(this.botUser) : undefined;
    const { user: _user, ...memberNoUser } = member ?? { user: undefined };
    this.dispatch(event, { ...message, guild_id: this.guildOf(message.channel_id), ...(member ? { member: memberNoUser } : {}) });
  }

  // ---- waiting -------------------------------------------------------------------------------

  notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  /**
   * Resolves with the first non-undefined value of `probe`, re-evaluated after every state change.
   * Rejects after `timeoutMs` (real time) with `what` and the recent request log in the message.
   */
  waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = this.waitTimeoutMs): Promise<T> {
    const first = probe();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        this.#listeners.delete(check);
        this.#rejecters.delete(fail);
      };
      const fail = (error: Error): void => {
        cleanup();
        reject(error);
      };
      const check = (): void => {
        let value: T | undefined;
        try {
          value = probe();
        } catch (error) {
          return fail(error instanceof Error ? error : new Error(String(error)));
        }
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(
        () => fail(new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}.\n${this.describe()}`)),
        timeoutMs,
      );
      this.#listeners.add(check);
      this.#rejecters.add(fail);
    });
  }

  /** Rejects every pending waiter (used by close()). */
  cancelWaiters(reason: string): void {
    for (const fail of [...this.#rejecters]) fail(new Error(`fake discord: ${reason}`));
  }

  describe(): string {
    const recent = this.requests.slice(-8).map((r) => `  ${r.method} ${r.path} → ${r.status}`);
    const violations = this.violations.map((v) => `  ${v}`);
    return [
      `Recent requests (${this.requests.length} total):`,
      ...(recent.length > 0 ? recent : ['  (none)']),
      `Violations (${this.violations.length}):`,
      ...(violations.length > 0 ? violations : ['  (none)']),
    ].join('\n');
  }
}
