import { Client, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.js';
import { cacheFactory, SWEEPERS } from './cache.js';

/**
 * The discord.js client: guild and message events plus Message Content (a privileged intent, enabled in the Developer
 * Portal) for help channels. `rest.api` comes from DISCORD_API_URL (a REST proxy, or a local test server).
 * Mentions are off by default for every message, on top of the explicit `allowedMentions` each reply carries.
 */
export function createDiscordClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    rest: { api: config.discord.apiUrl },
    allowedMentions: { parse: [], repliedUser: false },
    // Only what the bot uses stays in memory (see cache.ts), so a small host can run it.
    makeCache: cacheFactory(),
    sweepers: SWEEPERS,
  });
}
