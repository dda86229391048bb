import { Client, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { Config } from '../config.js';
import { cacheFactory, SWEEPERS } from './cache.js';
import { routeInteractionWebhooks } from './interaction-rest.js';

/**
 * The discord.js client: guild and message events plus Message Content (a privileged intent, enabled in the Developer
 * Portal) for help channels. `rest.api` comes from DISCORD_API_URL (a REST proxy, or a local test server).
 * Mentions are off by default for every message, on top of the explicit `allowedMentions` each reply carries.
 * Edits and follow-ups of interaction responses skip the client's global rate limit, as Discord allows
 * (interaction-rest.ts). `rest` adds REST options (tests: e.g. a tiny `globalRequestsPerSecond`).
 */
export function createDiscordClient(config: Config, rest: Partial<RESTOptions> = {}): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    rest: { ...rest, api: config.discord.apiUrl },
    allowedMentions: { parse: [], repliedUser: false },
    // Only what the bot uses stays in memory (see cache.ts), so a small host can run it.
    makeCache: cacheFactory(),
    sweepers: SWEEPERS,
  });
  routeInteractionWebhooks(client);
  return client;
}
