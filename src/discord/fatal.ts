/**
 * Conditions under which the bot cannot go on, at start-up or at any time later: Discord no longer accepts the token
 * (gateway close 4004, a REST 401), or the gateway refuses the connection for good (4010–4014). The process must then
 * stop with a non-zero exit code and say what to do, so a supervisor does not mistake it for a clean stop.
 */
export type FatalReason =
  'token-rejected' | 'disallowed-intents' | 'invalid-intents' | 'sharding-required' | 'invalid-shard' | 'api-version';

/** Gateway close codes after which discord.js does not reconnect (Discord's "opcodes and status codes"). */
export const FATAL_CLOSE_CODES: ReadonlyMap<number, FatalReason> = new Map([
  [4004, 'token-rejected'],
  [4010, 'invalid-shard'],
  [4011, 'sharding-required'],
  [4012, 'api-version'],
  [4013, 'invalid-intents'],
  [4014, 'disallowed-intents'],
]);

const MESSAGES: Record<FatalReason, string> = {
  'token-rejected':
    'Discord rejected DISCORD_TOKEN (it is wrong, or was reset or revoked). Copy the bot token again from the Developer Portal (Bot → Reset Token).',
  'disallowed-intents':
    'Discord refused the Message Content intent. Enable it in the Developer Portal (your app → Bot → Privileged Gateway Intents → Message Content Intent); see the README.',
  'invalid-intents': 'Discord refused the gateway intents the bot asked for. Update discord.js or report this as a bug.',
  'sharding-required': 'Discord requires sharding for this many servers: run the bot with npm run start:sharded (see the README).',
  'invalid-shard': 'Discord refused the shard settings: check SHARD_COUNT (or leave it at auto) and use npm run start:sharded.',
  'api-version': 'Discord refused the gateway API version. Update discord.js.',
};

export function fatalMessage(reason: FatalReason): string {
  return MESSAGES[reason];
}

/** Start-up ended by one of the conditions above (login is refused). */
export class DiscordFatalError extends Error {
  constructor(readonly reason: FatalReason) {
    super(fatalMessage(reason));
  }
}

/** The fatal condition a login error stands for, if any. */
export function fatalFromLoginError(err: unknown, closeCode: number | undefined): FatalReason | undefined {
  if (closeCode !== undefined && FATAL_CLOSE_CODES.has(closeCode)) return FATAL_CLOSE_CODES.get(closeCode);
  if ((err as { code?: unknown }).code === 'TokenInvalid') return 'token-rejected';
  if (/disallowed intents/i.test(err instanceof Error ? err.message : '')) return 'disallowed-intents';
  return undefined;
}
