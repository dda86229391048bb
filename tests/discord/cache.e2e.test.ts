/**
 * Memory: the client keeps only what the bot looks up (src/discord/cache.ts) — servers, channels and threads, its
 * own user and member — while members, users and messages that come with events are not kept (messages briefly).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { until } from './helpers.js';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

it('GIVEN 40 members posting and running commands THEN channels stay cached, other members and users do not, messages are capped', async () => {
  const { client } = t.bot;
  const general = t.fake.channels.general.id;
  const sent = Array.from({ length: 40 }, (_, n) =>
    t.fake.userMessage(general, `hello number ${n}`, {
      author: t.fake.user(`member-${n}`),
    }),
  );
  for (let n = 0; n < 10; n++) await t.fake.waitForResponse(t.fake.slash('help', {}, { user: t.fake.user(`asker-${n}`) }).id);
  const channel = client.channels.cache.get(general);
  const lastSeen = () => channel?.isTextBased() === true && channel.lastMessageId === sent.at(-1)!.id;
  await until(() => (lastSeen() ? true : undefined), 'the last message seen');
  const guild = client.guilds.cache.get(t.fake.guild.id)!;
  expect(guild.channels.cache.has(t.fake.channels.help.id)).toBe(true);
  expect(guild.channels.cache.has(t.fake.channels.forum.id)).toBe(true);
  expect([...client.users.cache.keys()]).toEqual([t.fake.botUser.id]);
  expect([...guild.members.cache.keys()].filter((id) => id !== t.fake.botUser.id)).toEqual([]);
  expect(channel?.isTextBased() && channel.messages.cache.size).toBeLessThanOrEqual(25);
  expect(client.options.sweepers?.messages).toEqual({
    interval: 300,
    lifetime: 900,
  });
});
