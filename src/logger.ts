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

/** pino's error serializer, with request URLs scrubbed of interaction tokens (DiscordAPIError has `url`). */
function serializeError(err: unknown) {
  const out = pino.stdSerializers.err(err as Error) as Record<string, unknown>;
  if (typeof out.url === 'string') out.url = scrubUrl(out.url);
  if (typeof out.stack === 'string') out.stack = scrubUrl(out.stack);
  if (typeof out.message === 'string') out.message = scrubUrl(out.message);
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
