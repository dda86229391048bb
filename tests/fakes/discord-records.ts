/** The records and options of the fake Discord (tests/fakes/discord-state.ts keeps the state that holds them). */
import type { APIInteraction, APIInteractionResponse, APIMessage } from 'discord-api-types/v10';

export interface FakeDiscordOptions {
  /** Initial-response deadline in ms (default Discord's 3000; the burst benchmark loosens it). */
  deadlineMs?: number;
  /** Default timeout of the `waitFor…` helpers in real ms (default 5000). */
  waitTimeoutMs?: number;
  /** Whether the app is approved for MESSAGE_CONTENT; if false, identifying with it closes 4014 (default true). */
  messageContentApproved?: boolean;
  /** The shard count `GET /gateway/bot` recommends (default 1). */
  shards?: number;
  /** How many guilds the bot is in (default 1); guild n lives on shard n % `shards`, routed by (id >> 22) % count. */
  guilds?: number;
}

export interface RecordedRequest {
  method: string;
  /** Decoded path without `/api/v10`, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Route pattern that matched, e.g. `/channels/:channel/messages`, or undefined. */
  route: string | undefined;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** Fake-clock time (ms). */
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** Human label for messages: `/ask`, `autocomplete /ask`, `button kb:1`, `modal feedback`. */
  label: string;
  payload: APIInteraction;
  channelId: string;
  createdAt: number;
  /** The accepted initial response (callback body). */
  response: APIInteractionResponse | undefined;
  respondedAt: number | undefined;
  /** The message `@original` refers to, once there is one. */
  original: APIMessage | undefined;
  ephemeral: boolean;
  /** Accepted `PATCH …/messages/@original` bodies, in order. */
  edits: unknown[];
  /** When the last of `edits` was accepted. */
  editedAt: number | undefined;
  /** Accepted follow-up bodies and the messages created from them. */
  followUps: { body: unknown; message: APIMessage }[];
  deadlineFlagged: boolean;
}
