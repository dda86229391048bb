import { existsSync } from 'node:fs';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const int = (def: number, min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === undefined ? def : v), z.coerce.number().int().min(min).max(max));

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  DISCORD_TOKEN: optional(z.string().min(20, 'looks too short to be a bot token')),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(z.url('must be a URL such as https://discord.com/api')),
  HELP_CHANNEL_IDS: optional(z.string()).pipe(
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        const ids = (v ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        for (const id of ids) if (!/^\d{17,20}$/.test(id)) ctx.addIssue({ code: 'custom', message: `"${id}" is not a Discord channel id` });
        return ids;
      }),
  ),
  HELP_COOLDOWN_SECONDS: int(30, 0, 3600),
  SHARD_COUNT: optional(
    z.union([z.literal('auto'), z.coerce.number().int().min(1).max(10_000)], { error: 'must be "auto" or a whole number of shards' }),
  ),
  STORE_URL: optional(z.string().regex(/^(sqlite|redis|rediss):\/\//, 'must start with sqlite://, redis:// or rediss://')),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  HTTP_PORT: optional(z.coerce.number({ error: 'must be a port number (1–65535, or 0 for any free port)' }).int().min(0).max(65_535)),
  /** Set by discord.js's ShardingManager in each shard process (its shard id): shard n serves HTTP_PORT + n. */
  SHARDS: optional(z.coerce.number().int().min(0).max(10_000)),
  HTTP_HOST: optional(
    z.union([z.ipv4(), z.ipv6(), z.hostname()], { error: 'must be an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0' }),
  ),
  OPENAI_API_KEY: optional(z.string().min(1)),
  OPENAI_BASE_URL: optional(z.url('must be a URL such as http://localhost:11434/v1')),
  OPENAI_MODEL: optional(z.string().min(1)),
  OPENAI_TIMEOUT_MS: int(15_000, 1_000, 120_000),
  OPENAI_MAX_RETRIES: int(2, 0, 5),
  OPENAI_MAX_OUTPUT_TOKENS: int(600, 64, 4_000),
  LLM_USER_LIMIT_PER_DAY: int(20, 0, 10_000),
  LLM_GUILD_LIMIT_PER_DAY: int(200, 0, 1_000_000),
});

export interface LlmConfig {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
  timeoutMs: number;
  maxRetries: number;
  maxOutputTokens: number;
  userLimitPerDay: number;
  guildLimitPerDay: number;
}

export interface Config {
  discord: {
    token: string | undefined;
    guildId: string | undefined;
    apiUrl: string;
    helpChannelIds: string[];
    helpCooldownSeconds: number;
    /** For `npm run start:sharded`: how many gateway shards (Discord requires one per 2,500 servers). */
    shardCount: number | 'auto';
  };
  storeUrl: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** The operations endpoint (/healthz, /readyz, /metrics): undefined (off) unless HTTP_PORT is set (shard n of start:sharded: HTTP_PORT + n). */
  http: { host: string; port: number } | undefined;
  /** Undefined unless OPENAI_API_KEY or OPENAI_BASE_URL is set: the bot is complete without it. */
  llm: LlmConfig | undefined;
}

export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';
export const DEFAULT_STORE_URL = 'sqlite://data/bot.sqlite';
/** The operations endpoint listens on this machine only unless HTTP_HOST says otherwise. */
export const DEFAULT_HTTP_HOST = '127.0.0.1';
/** Local OpenAI-compatible servers ignore the key, but the openai SDK refuses to start without one. */
const LOCAL_SERVER_KEY = 'sk-no-key-required';

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Validates the environment once. Every problem is reported at once; values are never echoed, so secrets stay out. */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
    return { ok: false, problems };
  }
  const e = parsed.data;
  const llmOn = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  return {
    ok: true,
    config: {
      discord: {
        token: e.DISCORD_TOKEN,
        guildId: e.DISCORD_GUILD_ID,
        apiUrl: (e.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, ''),
        helpChannelIds: e.HELP_CHANNEL_IDS,
        helpCooldownSeconds: e.HELP_COOLDOWN_SECONDS,
        shardCount: e.SHARD_COUNT ?? 'auto',
      },
      storeUrl: e.STORE_URL ?? DEFAULT_STORE_URL,
      logLevel: e.LOG_LEVEL ?? 'info',
      http:
        e.HTTP_PORT === undefined
          ? undefined
          : { host: e.HTTP_HOST ?? DEFAULT_HTTP_HOST, port: e.HTTP_PORT === 0 ? 0 : e.HTTP_PORT + (e.SHARDS ?? 0) },
      llm: llmOn
        ? {
            apiKey: e.OPENAI_API_KEY ?? LOCAL_SERVER_KEY,
            baseURL: e.OPENAI_BASE_URL,
            model: e.OPENAI_MODEL ?? 'gpt-4o-mini',
            timeoutMs: e.OPENAI_TIMEOUT_MS,
            maxRetries: e.OPENAI_MAX_RETRIES,
            maxOutputTokens: e.OPENAI_MAX_OUTPUT_TOKENS,
            userLimitPerDay: e.LLM_USER_LIMIT_PER_DAY,
            guildLimitPerDay: e.LLM_GUILD_LIMIT_PER_DAY,
          }
        : undefined,
    },
  };
}

/**
 * For the entry points (npm start, start:sharded, deploy-commands, the CLI): reads `.env` from the working directory
 * when there is one (real environment variables win), then validates. `defaults` fill in what neither sets.
 */
export function configFromEnvironment(defaults: Record<string, string> = {}): ConfigResult {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return loadConfig({ ...defaults, ...process.env });
}

/** What every entry point that talks to Discord prints when it has no token. */
export const MISSING_TOKEN =
  'DISCORD_TOKEN is not set.\n' +
  '  Copy .env.example to .env and fill in DISCORD_TOKEN (and the other settings it describes).\n' +
  '  To try the answers without Discord: npm run -s cli -- ask "how do I ask for a raise?"';

/** The message every entry point prints for an invalid environment (values are never echoed). */
export function describeConfigProblems(problems: readonly string[]): string {
  return `the environment has problems:\n${problems.map((p) => `  ${p}`).join('\n')}\nSee .env.example for every setting.`;
}
