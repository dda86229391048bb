/**
 * The fake gateway (test-infra §1.2): HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeats,
 * RESUME with replay of events queued while disconnected, a kick hook, intent-based filtering and
 * MESSAGE_CONTENT emulation. One session per shard: IDENTIFY's `shard: [id, count]` picks it, READY and
 * GUILD_CREATE list the guilds with (guild_id >> 22) % count === id, and every guild event goes to its guild's
 * shard (events without a guild to shard 0), as on Discord.
 */
import type { IncomingMessage } from 'node:http';
import { WebSocket, type WebSocketServer } from 'ws';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayIntentBits,
  GatewayOpcodes,
  type ApplicationFlags,
  type GatewayDispatchPayload,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { NO_FLAGS } from './discord-fixtures.js';
import { isRecord } from './discord-limits.js';
import type { FakeState } from './discord-state.js';

interface Dispatch {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  intents: number;
  log: Dispatch[];
  socket: WebSocket | undefined;
}

export interface IdentifyRecord {
  intents: number;
  /** `[shard id, shard count]` as the client identified. */
  shard: [number, number] | undefined;
  at: number;
}

const MESSAGE_EVENTS = new Set<string>([
  GatewayDispatchEvents.MessageCreate,
  GatewayDispatchEvents.MessageUpdate,
  GatewayDispatchEvents.MessageDelete,
]);
const GUILD_EVENTS = new Set<string>([
  GatewayDispatchEvents.ThreadCreate,
  GatewayDispatchEvents.ThreadUpdate,
  GatewayDispatchEvents.ThreadDelete,
  GatewayDispatchEvents.ChannelCreate,
  GatewayDispatchEvents.ChannelUpdate,
  GatewayDispatchEvents.ChannelDelete,
]);

export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  /** Events not delivered because the session lacks the intent (e.g. `MESSAGE_CREATE without GuildMessages`). */
  readonly dropped: string[] = [];
  resumes = 0;
  /** A close code to answer every IDENTIFY with, e.g. 4004 for a token Discord no longer accepts (REST still does). */
  refuseIdentify: number | undefined;
  readonly #sessions = new Map<number, Session>();
  readonly #sockets = new Set<WebSocket>();
  readonly #authed = new WeakSet<WebSocket>();

  constructor(
    private readonly state: FakeState,
    wss: WebSocketServer,
    private readonly wsUrl: () => string,
    private readonly guild: (guildId: string) => GatewayGuildCreateDispatchData,
  ) {
    wss.on('connection', (socket: WebSocket, request: IncomingMessage) => this.#onConnection(socket, request));
    state.dispatch = (t, d) => this.dispatch(t, d);
  }

  /** The shard a guild's events go to, for the shard count the client identified with. */
  shardOf(guildId: string | undefined): number {
    const count = this.#sessions.values().next().value?.shard[1] ?? 1;
    return guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  /**
   * Sends a dispatch (op 0) on the session of the guild it is about (shard 0 without one). While disconnected it is
   * queued and replayed on RESUME. Throws if that shard never identified.
   */
  dispatch(t: GatewayDispatchPayload['t'], d: unknown): void {
    const guildId = isRecord(d) && typeof d.guild_id === 'string' ? d.guild_id : undefined;
    const shard = this.shardOf(guildId);
    const session = this.#sessions.get(shard);
    if (!session) throw new Error(`fake discord: cannot dispatch ${t} before shard ${shard} has identified`);
    this.#send(session, t, d);
  }

  #send(session: Session, t: GatewayDispatchPayload['t'], d: unknown): void {
    const data = this.#filter(session, t, d);
    if (data === undefined) return;
    const payload: Dispatch = { op: GatewayOpcodes.Dispatch, t, s: ++session.seq, d: data };
    session.log.push(payload);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(payload));
  }

  /**
   * Runs `send` with the connection corked, so every dispatch it makes leaves in one TCP write and reaches the
   * client in one read: the bot then handles them in the same tick, as simultaneous events. Interactions made inside
   * are created when they leave (their 3 s run from then), not while the fake builds the rest of a large burst.
   */
  together<T>(send: () => T): T {
    const raws = [...this.#sessions.values()].map(
      (s) => (s.socket as unknown as { _socket?: { cork(): void; uncork(): void } } | undefined)?._socket,
    );
    const before = new Set(this.state.interactions.keys());
    for (const raw of raws) raw?.cork();
    try {
      return send();
    } finally {
      const sentAt = this.state.now();
      for (const [id, rec] of this.state.interactions) if (!before.has(id)) rec.createdAt = sentAt;
      process.nextTick(() => raws.forEach((raw) => raw?.uncork()));
    }
  }

  /** Closes the live connection of `shard` (default: every shard's) with `code` (4000 → resume; 1000 → re-identify). */
  kick(code = 4000, shard?: number): void {
    const sockets = [...this.#sessions.values()].filter((s) => shard === undefined || s.shard[0] === shard).map((s) => s.socket);
    if (!sockets.some(Boolean)) throw new Error('fake discord: no live gateway connection to kick');
    for (const socket of sockets) socket?.close(code, 'kicked by test');
  }

  close(): void {
    for (const socket of this.#sockets) socket.terminate();
    this.#sockets.clear();
  }

  #filter(session: Session, t: GatewayDispatchPayload['t'], d: unknown): unknown {
    if (!isRecord(d)) return d;
    const inGuild = typeof d.guild_id === 'string';
    if (MESSAGE_EVENTS.has(t) && inGuild && (session.intents & GatewayIntentBits.GuildMessages) === 0) {
      this.dropped.push(`${t} without GuildMessages intent`);
      return undefined;
    }
    if (GUILD_EVENTS.has(t) && (session.intents & GatewayIntentBits.Guilds) === 0) {
      this.dropped.push(`${t} without Guilds intent`);
      return undefined;
    }
    if (t === GatewayDispatchEvents.MessageCreate || t === GatewayDispatchEvents.MessageUpdate) {
      const botId = this.state.botUser.id;
      const author = isRecord(d.author) ? d.author.id : undefined;
      const mentioned = Array.isArray(d.mentions) && d.mentions.some((m) => isRecord(m) && m.id === botId);
      if (inGuild && author !== botId && !mentioned && (session.intents & GatewayIntentBits.MessageContent) === 0) {
        return { ...d, content: '', embeds: [], attachments: [], components: [], poll: undefined };
      }
    }
    return d;
  }

  #onConnection(socket: WebSocket, request: IncomingMessage): void {
    this.#sockets.add(socket);
    const url = new URL(request.url ?? '/', 'ws://fake');
    if (url.searchParams.get('v') !== '10' || url.searchParams.get('encoding') !== 'json') {
      this.state.violation(`gateway connected with unexpected query ${url.search}`);
    }
    const send = (payload: unknown): void => socket.send(JSON.stringify(payload));
    socket.on('close', () => {
      this.#sockets.delete(socket);
      for (const session of this.#sessions.values()) if (session.socket === socket) session.socket = undefined;
    });
    socket.on('message', (raw: Buffer) => {
      let payload: unknown;
      try {
        payload = JSON.parse(raw.toString('utf8'));
      } catch {
        return socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      }
      if (!isRecord(payload)) return socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      const d = isRecord(payload.d) ? payload.d : {};
      switch (payload.op) {
        case GatewayOpcodes.Heartbeat:
          send({ op: GatewayOpcodes.HeartbeatAck });
          return;
        case GatewayOpcodes.Identify:
        case GatewayOpcodes.Resume:
          if (this.#authed.has(socket)) return socket.close(GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
          if (payload.op === GatewayOpcodes.Identify ? this.#identify(socket, d) : this.#resume(socket, d)) this.#authed.add(socket);
          return;
        default:
          socket.close(GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
      }
    });
    send({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.state.heartbeatIntervalMs } });
  }

  #identify(socket: WebSocket, d: Record<string, unknown>): boolean {
    if (this.refuseIdentify !== undefined) {
      socket.close(this.refuseIdentify, 'Refused by test.');
      return false;
    }
    if (d.token !== this.state.token) {
      socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return false;
    }
    const intents = typeof d.intents === 'number' ? d.intents : 0;
    if ((intents & GatewayIntentBits.MessageContent) !== 0 && !this.state.messageContentApproved) {
      socket.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return false;
    }
    const shard = Array.isArray(d.shard) && d.shard.length === 2 ? (d.shard as [number, number]) : undefined;
    const [id, count] = shard ?? [0, 1];
    if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || id >= count) {
      socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return false;
    }
    // A new shard count replaces the old layout (its sessions are gone: a restart with more shards).
    for (const [shardId, s] of this.#sessions) if (s.shard[1] !== count) this.#sessions.delete(shardId);
    const previous = this.#sessions.get(id)?.socket;
    if (previous && previous !== socket) previous.close(4000, 'superseded');
    const session: Session = { id: `session-${this.state.nextId()}`, shard: [id, count], seq: 0, intents, log: [], socket };
    this.#sessions.set(id, session);
    this.identifies.push({ intents, shard, at: this.state.now() });
    const guilds = this.state.guildIds.filter((g) => this.shardOf(g) === id);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.state.botUser,
      guilds: guilds.map((g) => ({ id: g, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.wsUrl(),
      shard: [id, count],
      application: { id: this.state.applicationId, flags: NO_FLAGS as ApplicationFlags, flags_new: '0' },
    };
    this.#send(session, GatewayDispatchEvents.Ready, ready);
    for (const g of guilds) this.#send(session, GatewayDispatchEvents.GuildCreate, this.guild(g));
    this.state.notify();
    return true;
  }

  #resume(socket: WebSocket, d: Record<string, unknown>): boolean {
    const session = [...this.#sessions.values()].find((s) => s.id === d.session_id);
    if (d.token !== this.state.token) {
      socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return false;
    }
    if (!session || d.session_id !== session.id || typeof d.seq !== 'number' || d.seq > session.seq) {
      socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return false;
    }
    session.socket = socket;
    const from = d.seq;
    for (const event of session.log) if (event.s > from) socket.send(JSON.stringify(event));
    this.#send(session, GatewayDispatchEvents.Resumed, {});
    this.resumes++;
    this.state.notify();
    return true;
  }
}
