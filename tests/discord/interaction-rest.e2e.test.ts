/**
 * Interaction webhooks are not held by the client's global limit (src/discord/interaction-rest.ts): the bot's client,
 * made with a global limit of one request a second, against the fake Discord. Deferred interactions' edits and
 * follow-ups go out without waiting on it; channel messages still wait. What is checked is the limiter's own report
 * (@discordjs/rest's `rateLimited` event, `global: true`), not timings.
 */
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Events, RESTEvents, type ChatInputCommandInteraction, type Client, type RateLimitData } from 'discord.js';
import { loadConfig } from '../../src/config.js';
import { createDiscordClient } from '../../src/discord/client.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { until } from './helpers.js';

let fake: FakeDiscord;
let client: Client;
const deferred: ChatInputCommandInteraction[] = [];
const heldByGlobal: string[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord();
  const loaded = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.api });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  client = createDiscordClient(loaded.config, { globalRequestsPerSecond: 1 });
  client.rest.on(RESTEvents.RateLimited, (info: RateLimitData) => {
    if (info.global) heldByGlobal.push(info.route);
  });
  client.on(Events.InteractionCreate, (i) => {
    if (i.isChatInputCommand()) void i.deferReply().then(() => deferred.push(i));
  });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
});
afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

it('GIVEN a global limit of 1 request/s THEN edits and follow-ups of deferred interactions are not held by it, channel messages are', async () => {
  const sent = Array.from({ length: 4 }, (_, n) => fake.slash('help', {}, { user: fake.user(`asker-${n}`) }));
  for (const i of sent) expect((await fake.waitForResponse(i.id)).type).toBe(5);
  await until(() => (deferred.length === sent.length ? true : undefined), 'every deferral acknowledged');

  const channel = (id: string) => {
    const c = client.channels.cache.get(id);
    if (!c?.isSendable()) throw new Error(`channel ${id} not cached`);
    return c;
  };
  await Promise.all([
    ...deferred.map((i) => i.editReply({ content: `answer for ${i.user.username}` })),
    ...deferred.map((i) => i.followUp({ content: `more for ${i.user.username}` })),
    channel(fake.channels.general.id).send({ content: 'an announcement' }),
    channel(fake.channels.help.id).send({ content: 'another announcement' }),
  ]);

  for (const i of sent) expect((await fake.waitForEdit(i.id)).content).toMatch(/^answer for asker-/);
  expect(fake.interactions.get(sent[0]!.id)?.followUps).toHaveLength(1);
  expect(heldByGlobal.filter((route) => route.startsWith('/webhooks/'))).toEqual([]);
  expect(heldByGlobal.filter((route) => route === '/channels/:id/messages').length).toBeGreaterThan(0);
  expect(fake.violations).toEqual([]);
});
