/**
 * The fake gateway (test-infra §1.2): HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeats,
 * RESUME with replay of events queued while disconnected, a kick hook, intent-based filtering and
 * MESSAGE_CONTENT emulation. One session (one shard) at a time.
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

const MESSAGE_EVENTS = new Set<string>([GatewayDispatchEvents.MessageCreate, GatewayDispatchEvents.MessageUpdate, GatewayDispatchEvents.MessageDelete]);
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
  #session: Session | undefined;
  readonly #sockets = new Set<WebSocket>();
  readonly #authed = new WeakSet<WebSocket>();

  constructor(
    private readonly state: FakeState,
    wss: WebSocketServer,
    private readonly wsUrl: () => string,
    private readonly guild: () => GatewayGuildCreateDispatchData,
  ) {
    wss.on('connection', (socket: WebSocket, request: IncomingMessage) => this.#onConnection(socket, request));
    state.dispatch = (t, d) => this.dispatch(t, d);
  }

  get connected(): boolean {
    return this.#session?.socket?.readyState === WebSocket.OPEN;
  }

  get intents(): number | undefined {
    return this.#session?.intents;
  }

  /**
   * Sends a dispatch (op 0) on the current session. While disconnected it is queued and replayed
   * on RESUME. Throws if the client never identified.
   */
  dispatch(t: GatewayDispatchPayload['t'], d: unknown): void {
    const session = this.#session;
    if (!session) throw new Error(`fake discord: cannot dispatch ${t} before the client has identified`);
    const data = this.#filter(session, t, d);
    if (data === undefined) return;
    const payload: Dispatch = { op: GatewayOpcodes.Dispatch, t, s: ++session.seq, d: data };
    session.log.push(payload);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(JSON.stringify(payload));
  }

  /**
   * Runs `send` with the connection corked, so every dispatch it makes leaves in one TCP write and reaches the
   * client in one read: the bot then handles them in the same tick, as simultaneous events.
   */
  together<T>(send: () => T): T {
    const raw = (this.#session?.socket as unknown as { _socket?: { cork(): void; uncork(): void } } | undefined)?._socket;
    raw?.cork();
    try {
      return send();
    } finally {
      process.nextTick(() => raw?.uncork());
    }
  }

  /** Closes the live connection with `code` (4000 → the client resumes; 1000 → it re-identifies). */
  kick(code = 4000): void {
    const socket = this.#session?.socket;
    if (!socket) throw new Error('fake discord: no live gateway connection to kick');
    socket.close(code, 'kicked by test');
  }

  close(): void {
    for (const socket of this.#sockets) socket.terminate();
    this.#sockets.clear();
  }

  #filter(session: Session, t: string, d: unknown): unknown {
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
      if (this.#session?.socket === socket) this.#session.socket = undefined;
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
    const previous = this.#session?.socket;
    if (previous && previous !== socket) previous.close(4000, 'superseded');
    this.#session = { id: `session-${this.state.nextId()}`, seq: 0, intents, log: [], socket };
    const shard = Array.isArray(d.shard) && d.shard.length === 2 ? (d.shard as [number, number]) : undefined;
    this.identifies.push({ intents, shard, at: this.state.now() });
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.state.botUser,
      guilds: [{ id: this.state.guildId, unavailable: true }],
      session_id: this.#session.id,
      resume_gateway_url: this.wsUrl(),
      shard: [0, 1],
      application: { id: this.state.applicationId, flags: NO_FLAGS as ApplicationFlags, flags_new: '0' },
    };
    this.dispatch(GatewayDispatchEvents.Ready, ready);
    this.dispatch(GatewayDispatchEvents.GuildCreate, this.guild());
    this.state.notify();
    return true;
  }

  #resume(socket: WebSocket, d: Record<string, unknown>): boolean {
    const session = this.#session;
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
    this.dispatch(GatewayDispatchEvents.Resumed, {});
    this.resumes++;
    this.state.notify();
    return true;
  }
}
