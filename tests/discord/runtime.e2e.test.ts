import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { runEntry, workDir, type RunningProcess } from './process.js';

const START = 'src/index.ts';
/** Looks like a bot token (long enough to pass validation) so that an echo of it would be caught. */
const SECRET = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.secret-token-value.do-not-print-me';

let fake: FakeDiscord;
let running: RunningProcess | undefined;
const dir = workDir();
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterEach(() => {
  expect(fake.violations).toEqual([]);
});
afterAll(async () => {
  if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('GIVEN no DISCORD_TOKEN WHEN starting THEN it exits non-zero and points to .env.example and the CLI', async () => {
    const run = runEntry(START, {});
    expect(await run.exited).not.toBe(0);
    expect(run.stderr()).toContain('DISCORD_TOKEN is not set');
    expect(run.stderr()).toContain('.env.example');
    expect(run.stderr()).toContain('npm run -s cli -- ask');
  });

  it('GIVEN an invalid LOG_LEVEL WHEN starting THEN it lists the problem without echoing the token', async () => {
    const run = runEntry(START, { DISCORD_TOKEN: SECRET, LOG_LEVEL: 'loud', HELP_CHANNEL_IDS: 'general' });
    expect(await run.exited).not.toBe(0);
    expect(run.stderr()).toContain('Cannot start: the environment has problems');
    expect(run.stderr()).toContain('LOG_LEVEL:');
    expect(run.stderr()).toContain('HELP_CHANNEL_IDS: "general" is not a Discord channel id');
    expect(run.stderr() + run.stdout()).not.toContain(SECRET);
  });

  it('GIVEN the Message Content intent is not enabled for the app WHEN starting THEN it exits non-zero and says where to enable it', async () => {
    const strict = await startFakeDiscord({ messageContentApproved: false });
    try {
      const run = runEntry(START, {
        DISCORD_TOKEN: strict.token,
        DISCORD_API_URL: strict.api,
        STORE_URL: `sqlite://${path.join(dir, 'intents.sqlite')}`,
      });
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toContain('Message Content Intent');
      expect(run.stderr()).toContain('Developer Portal');
    } finally {
      await strict.close();
    }
  });

  it('GIVEN a valid token for the fake WHEN started and then sent SIGTERM THEN it logs in, shuts down cleanly with 0 and never logs the token', async () => {
    const store = path.join(dir, 'data', 'bot.sqlite');
    running = runEntry(START, {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.api,
      STORE_URL: `sqlite://${store}`,
      HELP_CHANNEL_IDS: fake.channels.help.id,
      LOG_LEVEL: 'debug',
    });
    await running.waitForOutput('connected to Discord');
    expect(fake.gateway.identifies).toHaveLength(1);
    expect(existsSync(store)).toBe(true);
    const ask = fake.slash('ask', { question: 'how do I ask for a raise without seeming pushy?' });
    expect((await fake.waitForResponse(ask.id)).type).toBe(4);

    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    const logs = running.stderr() + running.stdout();
    expect(logs).toContain('"msg":"shutting down"');
    expect(logs).toContain('"msg":"stopped"');
    expect(logs).not.toContain(fake.token);
  });
});
