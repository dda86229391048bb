import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/paths.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { alive, childPids } from '../support/processes.js';

let fake: FakeDiscord;
let dir: string;
beforeAll(async () => {
  fake = await startFakeDiscord({ waitTimeoutMs: 15_000 });
  dir = await mkdtemp(path.join(tmpdir(), 'shard-'));
});
afterAll(async () => {
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

/** `npm run start:sharded` with one shard against the fake Discord; `stderr()` is what it has written so far. */
function startManager() {
  const manager = spawn(process.execPath, ['--import', 'tsx', 'src/shard.ts'], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.api,
      SHARD_COUNT: '1',
      STORE_URL: `sqlite://${dir}/bot.sqlite`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let written = '';
  manager.stderr.on('data', (c: Buffer) => (written += c.toString()));
  return { manager, stderr: () => written };
}

describe('npm run start:sharded (discord.js ShardingManager)', () => {
  it('GIVEN SHARD_COUNT=1 THEN the manager launches a shard process that identifies as shard 0 of 1 and answers; SIGTERM stops it', async () => {
    const { manager, stderr } = startManager();
    try {
      await fake.waitForRequest((r) => r.path === '/gateway/bot', 15_000);
      const deadline = Date.now() + 15_000;
      while (fake.gateway.identifies.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(fake.gateway.identifies[0]?.shard).toEqual([0, 1]);
      await new Promise((r) => setTimeout(r, 300)); // GUILD_CREATE → ready
      const i = fake.slash('help', {});
      expect((await fake.waitForResponse(i.id, 10_000)).type).toBe(4);
    } finally {
      const exited = new Promise<number | null>((resolve) => manager.once('exit', resolve));
      manager.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(stderr()).not.toContain(fake.token);
  }, 40_000);

  it('GIVEN the manager dies (SIGKILL) THEN its shard stops on its own, without a crash or a stack trace', async () => {
    const identified = fake.gateway.identifies.length;
    const { manager, stderr } = startManager();
    let shard: number | undefined;
    try {
      const deadline = Date.now() + 20_000;
      while (fake.gateway.identifies.length === identified && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300)); // GUILD_CREATE → ready
      [shard] = await childPids(manager.pid!);
      expect(shard).toBeDefined();
      manager.kill('SIGKILL');
      // The shard writes to the same stderr pipe, which stays open until it exits.
      const gone = Date.now() + 15_000;
      while ((await alive(shard!)) && Date.now() < gone) await new Promise((r) => setTimeout(r, 100));
      expect(await alive(shard!)).toBe(false);
      await new Promise((r) => setTimeout(r, 200));
      expect(stderr()).not.toMatch(/ERR_IPC_CHANNEL_CLOSED|Unhandled|\n\s+at /);
    } finally {
      if (shard !== undefined && (await alive(shard))) process.kill(shard, 'SIGKILL');
      if (manager.exitCode === null && manager.signalCode === null) manager.kill('SIGKILL');
    }
  }, 40_000);

  it('GIVEN a shard whose token Discord rejects mid-session (4004) THEN the manager stops every shard and exits 1 instead of respawning', async () => {
    const identified = fake.gateway.identifies.length;
    const { manager, stderr } = startManager();
    const exited = new Promise<number | null>((resolve) => manager.once('exit', resolve));
    try {
      const deadline = Date.now() + 20_000;
      while (fake.gateway.identifies.length === identified && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 300)); // GUILD_CREATE → ready
      fake.kick(4004);
      expect(await exited).toBe(1);
      expect(stderr()).toContain('Discord rejected DISCORD_TOKEN');
      expect(stderr()).toContain('a shard cannot run; stopping all shards');
      expect(fake.gateway.identifies).toHaveLength(identified + 1); // not respawned
    } finally {
      if (manager.exitCode === null) manager.kill('SIGKILL');
    }
  }, 40_000);
});
