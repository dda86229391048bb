import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear in a log object, so a token or key never reaches a log line. */
const REDACT = [
  'token',
  'apiKey',
  'authorization',
  '*.token',
  '*.apiKey',
  '*.authorization',
  '*.*.token',
  '*.*.apiKey',
  'headers.authorization',
  '*.headers.authorization',
  'config.discord.token',
  'config.llm.apiKey',
];

/** Interaction tokens travel in webhook and callback URLs (`/webhooks/<app>/<token>/…`); errors carry those URLs. */
export function scrubUrl(url: string): string {
  return url.replace(/\/(webhooks|interactions)\/(\d+)\/[^/?]+/g, '/$1/$2/[redacted]');
}

/** The route of a Discord request: path without host, API version, query, ids or tokens (`/channels/:id/messages`). */
export function discordRoute(url: string): string {
  const path = scrubUrl(url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/\?.*$/, '')).replace(/^\/api(\/v\d+)?/, '');
  return path.replace(/\[redacted\]/g, ':token').replace(/\/\d{5,}(?=\/|$)/g, '/:id');
}

/**
 * An error from Discord's REST API (discord.js DiscordAPIError, HTTPError, RateLimitError). They carry the request
 * body — a reply with a member's question, answer, age or salary — and Discord's echo of it, so they are logged by
 * code, status, method and route only.
 */
function discordError(err: Record<string, unknown>): Record<string, unknown> | undefined {
  const type = (err.constructor as { name?: string } | undefined)?.name;
  const fromDiscord = type === 'DiscordAPIError' || type === 'HTTPError' || type === 'RateLimitError' || 'requestBody' in err;
  if (!fromDiscord || typeof err.method !== 'string' || typeof err.url !== 'string') return undefined;
  return {
    type,
    ...(err.code !== undefined && { code: err.code }),
    ...(typeof err.status === 'number' && { status: err.status }),
    method: err.method.toUpperCase(),
    route: discordRoute(err.url),
  };
}

/** pino's error serializer, with Discord's errors reduced to code and route, and URLs scrubbed of interaction tokens. */
function serializeError(err: unknown): unknown {
  if (err === null || typeof err !== 'object') return err;
  const discord = discordError(err as Record<string, unknown>);
  if (discord) return discord;
  const out = pino.stdSerializers.err(err as Error) as Record<string, unknown>;
  delete out.requestBody;
  delete out.rawError;
  if (typeof out.url === 'string') out.url = scrubUrl(out.url);
  if (typeof out.stack === 'string') out.stack = scrubUrl(out.stack);
  if (typeof out.message === 'string') out.message = scrubUrl(out.message);
  const cause = (err as { cause?: unknown }).cause;
  if (cause !== undefined) out.cause = serializeError(cause);
  return out;
}

export interface LoggerOptions {
  level: string;
  /** Pretty, human-readable lines (default: when stderr is a terminal). JSON otherwise. */
  pretty?: boolean;
  /** Where JSON lines go; defaults to stderr so that CLI stdout stays clean. */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const pretty = options.pretty ?? Boolean(process.stderr.isTTY);
  const base = { level: options.level, redact: { paths: REDACT, censor: '[redacted]' }, serializers: { err: serializeError } };
  if (options.destination) return pino(base, options.destination);
  if (pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } } });
  }
  return pino(base, pino.destination(2));
}
