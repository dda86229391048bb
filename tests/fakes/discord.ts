/**
 * # Fake Discord for end-to-end tests
 *
 * Runs a fake Discord (REST + gateway on one `127.0.0.1` port) that the **real** discord.js
 * `Client` talks to. It enforces Discord's limits and records every breach in `violations`.
 *
 * ```ts
 * const fake = await startFakeDiscord();
 * const client = new Client({
 *   intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
 *   rest: { api: fake.api },                                   // the only option needed
 *   allowedMentions: { parse: [], repliedUser: false },        // or every message is a violation
 * });
 * // …register the bot's handlers on `client`…
 * const ready = once(client, Events.ClientReady);
 * await client.login(fake.token);
 * await ready;
 *
 * const i = fake.slash('ask', { question: 'visa renewal' }, { permissions: FakePermissions.manageGuild });
 * const response = await fake.waitForResponse(i.id);          // callback body: { type, data }
 * if (response.type === 5) await fake.waitForEdit(i.id);      // deferred → PATCH @original body
 *
 * const msg = fake.userMessage(fake.channels.help.id, 'How do I change jobs?');
 * const thread = await fake.waitForThread(fake.channels.help.id);   // msg.startThread(...)
 * const answer = await fake.waitForChannelMessage(thread.id);       // thread.send(...)
 *
 * expect(fake.violations).toEqual([]);
 * await client.destroy();   // ALWAYS before fake.close(), or the client keeps reconnecting
 * await fake.close();
 * ```
 *
 * - **Users' side:** `slash`, `autocomplete` (`{ focused }`), `button` (finds the message carrying the
 *   custom_id), `select` (string select menu, with `values`; `componentType` for the other menus), `userMessage`
 *   (`{ bot, type, mentionBot, author }`), `forumPost`, `submitModal` (the member fills in the modal the bot showed
 *   them); and, because clients can send what the bot never offers, `contextMenu` (a user or message command) and
 *   `modalSubmit` (a form the bot never showed) — the bot must still answer them.
 * - **Waiting:** `waitForResponse`, `waitForEdit`, `waitForChannelMessage`, `waitForThread`, `waitForRequest`,
 *   `waitForResume`. All reject with the recent request log after `waitTimeoutMs` (default 5 s);
 *   `waitForResponse` fails fast if the bot's callback was rejected.
 * - **Gateway:** `kick(code, shard?)` (4000 → RESUME and replay; 4004 → the token is refused),
 *   `together(() => …)` (all the dispatches inside arrive in one read: simultaneous events),
 *   `gateway.identifies` (intents, shard). MESSAGE_CONTENT is emulated:
 *   content is blank unless the client identified with `1 << 15` or the bot is mentioned.
 * - **Time:** `advance(ms)` moves the fake clock (3 s deadline, 15 min token life), or pass
 *   `deadlineMs` / `now` to `startFakeDiscord`. No fake timers needed.
 * - **Failures:** `failNext('POST /channels/:channel/messages/:message/threads', 403, { code: 50013, message: 'Missing Permissions' })`,
 *   `failNext(/typing/, 429, undefined, { retryAfter: 0.2 })`.
 * - **Inspection:** `requests` (method, decoded path, route, query, body, status, at),
 *   `interactions` (per-interaction state), `commands()`, `messagesIn(channelId)`.
 * - `violations` breaches are rejected as Discord would (400 50035 / 50006, 404 10062, 400 40060,
 *   401 50027) — except allowed_mentions, which Discord accepts but this project forbids.
 * - **Modelled** is what the bot uses (see the route tables); anything else is a violation and a 404, so
 *   new behaviour fails loudly until it is modelled. To extend: add a route (`discord-rest-*.ts`), a user
 *   action (`discord-driver.ts`) or a gateway event (`discord-gateway.ts`); state lives in `discord-state.ts`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type {
  APIApplicationCommand,
  APIGuildForumChannel,
  APIInteractionResponse,
  APIMessage,
  APITextChannel,
  APIThreadChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
  RESTPatchAPIWebhookWithTokenMessageJSONBody,
} from 'discord-api-types/v10';
import { FakeDriver } from './discord-driver.js';
import { forumChannel, guildCreate, isThread, textChannel } from './discord-fixtures.js';
import { FakeGateway } from './discord-gateway.js';
import { channelRoutes } from './discord-rest-channels.js';
import { interactionRoutes } from './discord-rest-interactions.js';
import { FakeRest, coreRoutes } from './discord-rest.js';
import { FakeState, type FakeDiscordOptions, type InteractionRecord, type RecordedRequest } from './discord-state.js';

export { FakePermissions } from './discord-fixtures.js';
export type { ButtonOptions, SentInteraction, UserMessageOptions } from './discord-driver.js';
export type { AutocompleteOptions, InteractionOptions, OptionValues, SlashOptions } from './discord-interactions.js';
export type { FakeDiscordOptions, InteractionRecord, RecordedRequest } from './discord-state.js';
export type { ModalValues } from './discord-modal-submit.js';

export interface FailOptions {
  /** Seconds; sets `Retry-After` (and `retry_after` in the default 429 body). */
  retryAfter?: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  headers?: Record<string, string>;
}

type Predicate<T> = (value: T) => boolean;
const always = (): boolean => true;

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;

export async function startFakeDiscord(options: FakeDiscordOptions = {}) {
  const state = new FakeState(options);
  const guilds = state.guildIds.map((id, n) => {
    const general = textChannel(state.nextId(), id, 'general', 0);
    const help = textChannel(state.nextId(), id, 'help', 1, 'Ask about working in Japan.');
    const forum = forumChannel(state.nextId(), id, 'help-forum', 2, [state.nextId(), state.nextId(), state.nextId(), state.nextId()]);
    for (const channel of [general, help, forum]) state.channels.set(channel.id, channel);
    return { id, name: n === 0 ? 'Fake Guild' : `Fake Guild ${n + 1}`, channels: { general, help, forum } };
  });
  const { general, help, forum } = guilds[0]!.channels;

  const server = createServer();
  const wss = new WebSocketServer({ server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const wsUrl = `ws://127.0.0.1:${port}`;

  const guild = (id: string) => {
    const all = [...state.channels.values()].filter((c) => 'guild_id' in c && c.guild_id === id);
    return guildCreate({
      id,
      ownerId: state.ownerId,
      joinedAt: state.joinedAt,
      channels: all.filter((c) => !isThread(c)) as GatewayGuildCreateDispatchData['channels'],
      threads: all.filter(isThread),
      members: [state.member(state.botUser), state.member(state.memberUser)],
    });
  };
  const gateway = new FakeGateway(state, wss, () => wsUrl, guild);
  const rest = new FakeRest(state, [...coreRoutes(() => wsUrl), ...channelRoutes(), ...interactionRoutes()]);
  server.on('request', (req, res) => void rest.handle(req, res));
  const driver = new FakeDriver(state, general.id);

  const interaction = (id: string): InteractionRecord => {
    const rec = state.interactions.get(id);
    if (!rec) throw new Error(`fake discord: no interaction ${id} was sent`);
    return rec;
  };
  const pick = <T>(list: readonly T[], predicate: Predicate<T>): T | undefined => list.find(predicate);

  return {
    /** Pass as `new Client({ rest: { api } })`. */
    api: `http://127.0.0.1:${port}/api`,
    wsUrl,
    token: state.token,
    applicationId: state.applicationId,
    botUser: state.botUser,
    /** The default human author of messages and interactions. */
    memberUser: state.memberUser,
    guild: { id: state.guildId, name: 'Fake Guild' },
    channels: { general, help, forum },
    /** Every guild (`guilds` option), the first being `guild`; guild n is on shard n % `shards`. */
    guilds: guilds as readonly {
      id: string;
      name: string;
      channels: { general: APITextChannel; help: APITextChannel; forum: APIGuildForumChannel };
    }[],
    requests: state.requests as readonly RecordedRequest[],
    /** Every breach so far (also flags interactions left unanswered past the deadline). */
    get violations(): string[] {
      state.sweepDeadlines();
      return state.violations;
    },
    interactions: state.interactions as ReadonlyMap<string, InteractionRecord>,
    gateway,
    now: () => state.now(),
    advance: (ms: number) => state.advance(ms),

    /** Closes the gateway connection of `shard` (default: every shard's) with `code`. */
    kick: (code = 4000, shard?: number) => gateway.kick(code, shard),
    /** Dispatches everything `send` triggers in one gateway read, so the bot handles it all in the same tick. */
    together: <T>(send: () => T): T => gateway.together(send),

    slash: driver.slash.bind(driver),
    autocomplete: driver.autocomplete.bind(driver),
    button: driver.button.bind(driver),
    select: driver.select.bind(driver),
    contextMenu: driver.contextMenu.bind(driver),
    modalSubmit: driver.modalSubmit.bind(driver),
    submitModal: driver.submitModal.bind(driver),
    userMessage: driver.userMessage.bind(driver),
    deleteUserMessage: driver.deleteUserMessage.bind(driver),
    forumPost: driver.forumPost.bind(driver),

    /** Resolves with the accepted initial-response body; rejects at once if the bot's callback was rejected. */
    waitForResponse(id: string, timeoutMs?: number): Promise<APIInteractionResponse> {
      const rec = interaction(id);
      return state.waitFor(
        () => {
          const failed = state.requests.find((r) => r.path === `/interactions/${id}/${rec.token}/callback` && r.status >= 400);
          if (rec.response === undefined && failed) {
            throw new Error(`fake discord: ${rec.label} initial response rejected with ${failed.status}.\n${state.describe()}`);
          }
          return rec.response;
        },
        `the initial response to ${rec.label} (${id})`,
        timeoutMs,
      );
    },
    /** Resolves with the first accepted `PATCH @original` body matching `predicate`. */
    waitForEdit(id: string, predicate: Predicate<RESTPatchAPIWebhookWithTokenMessageJSONBody> = always, timeoutMs?: number) {
      const rec = interaction(id);
      const edits = rec.edits as RESTPatchAPIWebhookWithTokenMessageJSONBody[];
      return state.waitFor(() => pick(edits, predicate), `an edit of ${rec.label}'s original response`, timeoutMs);
    },
    /** Resolves with the first message the bot created in `channelId` via the channel API (not interaction webhooks). */
    waitForChannelMessage(channelId: string, predicate: Predicate<APIMessage> = always, timeoutMs?: number): Promise<APIMessage> {
      const mine = (m: APIMessage) => m.channel_id === channelId && m.author.id === state.botUser.id && m.webhook_id === undefined;
      return state.waitFor(
        () => pick([...state.messages.values()].filter(mine), predicate),
        `a bot message in channel ${channelId}`,
        timeoutMs,
      );
    },
    /** Resolves with the first thread the bot created under `parentId`. */
    waitForThread(parentId: string, predicate: Predicate<APIThreadChannel> = always, timeoutMs?: number): Promise<APIThreadChannel> {
      const threads = () =>
        [...state.channels.values()].filter(isThread).filter((t) => t.parent_id === parentId && t.owner_id === state.botUser.id);
      return state.waitFor(() => pick(threads(), predicate), `a thread created by the bot in ${parentId}`, timeoutMs);
    },
    waitForRequest(predicate: Predicate<RecordedRequest>, timeoutMs?: number): Promise<RecordedRequest> {
      return state.waitFor(() => pick(state.requests, predicate), 'a matching request', timeoutMs);
    },
    /** Resolves once the client has resumed `count` times in total. */
    waitForResume(count = 1, timeoutMs?: number): Promise<number> {
      return state.waitFor(() => (gateway.resumes >= count ? gateway.resumes : undefined), `gateway resume #${count}`, timeoutMs);
    },

    /** Makes the next `times` requests matching `matcher` fail with `status` (default body per status). */
    failNext(matcher: string | RegExp, status: number, body?: unknown, opts: FailOptions = {}): void {
      const retryAfter = opts.retryAfter ?? (status === 429 ? 0.1 : undefined);
      const headers: Record<string, string> = { ...opts.headers };
      if (retryAfter !== undefined) Object.assign(headers, { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' });
      const fallback =
        status === 429
          ? { message: 'You are being rate limited.', retry_after: retryAfter, global: false }
          : { message: 'Injected failure (fake)', code: 0 };
      rest.failures.push({ matcher, status, body: body ?? fallback, headers, times: opts.times ?? 1 });
    },
    commands(guildId?: string): APIApplicationCommand[] {
      return guildId === undefined ? state.globalCommands : (state.guildCommands.get(guildId) ?? []);
    },
    messagesIn: (channelId: string): APIMessage[] => state.messagesIn(channelId),
    /** Any user, for `author` / `user` overrides (a DM can be opened with them). */
    user: (username: string, bot = false): APIUser => state.user(username, bot),
    /** The DM channel between the bot and `user` (opened by the bot or by an interaction in a bot DM). */
    dmChannel: (user: APIUser) => state.dmChannel(user),
    /** `user` does not accept DMs from the bot: sending one fails with 403 50007, as on Discord (false to reopen). */
    closeDms(user: APIUser, closed = true): void {
      if (closed) state.closedDms.add(user.id);
      else state.closedDms.delete(user.id);
    },

    /** Closes sockets and the server. Call `await client.destroy()` first. */
    async close(): Promise<void> {
      state.cancelWaiters('closed');
      gateway.close();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
