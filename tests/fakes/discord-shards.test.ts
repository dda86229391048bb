/**
 * The fake Discord with several shards, driven by the real discord.js client: `GET /gateway/bot` recommends the
 * shard count, each IDENTIFY's `shard: [id, count]` gets only its guilds ((guild_id >> 22) % count === id), and a
 * guild's events arrive on its own shard.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './discord.js';

let fake: FakeDiscord;
let client: Client;
beforeAll(async () => {
  fake = await startFakeDiscord({ shards: 2, guilds: 3 });
  client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: fake.api }, shards: 'auto' });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
});
afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

const shardOf = (guildId: string) => Number((BigInt(guildId) >> 22n) % 2n);

describe('fake Discord with 2 shards and 3 guilds', () => {
  it('places guild n on shard n % 2 and identifies each shard with its own id', () => {
    expect(fake.guilds.map((g) => shardOf(g.id))).toEqual([0, 1, 0]);
    expect(fake.gateway.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it('gives each shard only its guilds, with their channels', () => {
    expect(client.guilds.cache.map((g) => [g.id, g.shardId]).sort()).toEqual(fake.guilds.map((g) => [g.id, shardOf(g.id)]).sort());
    const second = client.guilds.cache.get(fake.guilds[1]!.id);
    expect(second?.channels.cache.map((c) => c.id).sort()).toEqual(
      Object.values(fake.guilds[1]!.channels)
        .map((c) => c.id)
        .sort(),
    );
  });

  it("dispatches an interaction on its guild's shard", async () => {
    for (const [n, guild] of fake.guilds.entries()) {
      const received = once(client, Events.InteractionCreate) as Promise<[Interaction]>;
      fake.slash('help', {}, { channelId: guild.channels.general.id });
      const [interaction] = await received;
      expect([n, interaction.guildId, interaction.guild?.shardId]).toEqual([n, guild.id, shardOf(guild.id)]);
    }
  });

  it('kicks one shard alone, which resumes', async () => {
    fake.kick(4000, 1);
    await fake.waitForResume(1);
    expect(fake.gateway.resumes).toBe(1);
  });
});
