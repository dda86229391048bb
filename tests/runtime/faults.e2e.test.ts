/**
 * Faults around the bot process (`npm start`): Discord refusing the token at start-up or later, and a store that
 * cannot be written at start-up or becomes read-only while the bot runs. File permissions are tested as an
 * unprivileged user when the tests run as root (root writes read-only files).
 */
import { chmodSync, chownSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { InteractionResponseType } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.js';
import { customIdsOf } from '../discord/helpers.js';
import { runEntry, workDir, type RunAs, type RunningProcess } from '../discord/process.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { memoryLogger } from '../support/logger.js';

const START = 'src/index.ts';
const TOKEN_MESSAGE =
  'Discord rejected DISCORD_TOKEN (it is wrong, or was reset or revoked). Copy the bot token again from the Developer Portal (Bot → Reset Token).';
const STORE_FAILED = 'store operation failed; members still get answers, but what it would have saved is lost until the store recovers';
const QUESTION = 'how do I ask for a raise without seeming pushy?';
const asUser: RunAs | undefined = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** A working directory and a data folder the bot's user owns. */
function folders(): { cwd: string; data: string } {
  const cwd = workDir();
  const data = path.join(cwd, 'data');
  mkdirSync(data);
  chmodSync(cwd, 0o777);
  if (asUser) chownSync(data, asUser.uid, asUser.gid);
  cleanup.push(() => {
    chmodSync(data, 0o755);
    rmSync(cwd, { recursive: true, force: true });
  });
  return { cwd, data };
}

async function fakeDiscord(): Promise<FakeDiscord> {
  const fake = await startFakeDiscord({ waitTimeoutMs: 15_000 });
  cleanup.push(() => fake.close());
  return fake;
}

function start(fake: FakeDiscord, data: string, cwd: string, env: Record<string, string> = {}): RunningProcess {
  const run = runEntry(
    START,
    {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.api,
      STORE_URL: `sqlite://${path.join(data, 'bot.sqlite')}`,
      HELP_CHANNEL_IDS: fake.channels.help.id,
      ...env,
    },
    cwd,
    asUser,
  );
  cleanup.push(() => {
    if (run.child.exitCode === null) run.child.kill('SIGKILL');
  });
  return run;
}

const logLines = (run: RunningProcess) =>
  run
    .stderr()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('Discord refuses the token', () => {
  it('GIVEN the gateway closes with 4004 mid-session THEN the bot exits with code 1 and the friendly message', async () => {
    const fake = await fakeDiscord();
    const { cwd, data } = folders();
    const run = start(fake, data, cwd);
    await run.waitForOutput('connected to Discord', 30_000);
    fake.kick(4004);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain(`Stopping: ${TOKEN_MESSAGE}`);
  }, 60_000);

  it('GIVEN the gateway refuses the token at start-up (4004) THEN exit code 1, the friendly message and no stack trace', async () => {
    const fake = await fakeDiscord();
    fake.gateway.refuseIdentify = 4004;
    const { cwd, data } = folders();
    const run = start(fake, data, cwd);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain(`Cannot start: ${TOKEN_MESSAGE}`);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('GIVEN Discord answers a request with 401 mid-session THEN the bot exits with code 1 and the friendly message', async () => {
    const fake = await fakeDiscord();
    const { cwd, data } = folders();
    const run = start(fake, data, cwd);
    await run.waitForOutput('connected to Discord', 30_000);
    fake.failNext(/^POST \/channels\/\d+\/messages\/\d+\/threads$/, 401, { message: '401: Unauthorized', code: 0 });
    fake.userMessage(fake.channels.help.id, QUESTION);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain(`Stopping: ${TOKEN_MESSAGE}`);
  }, 60_000);
});

describe('a store that cannot be written', () => {
  it('GIVEN a read-only SQLite file and folder at start-up THEN the bot refuses to start and says what to fix', async () => {
    const fake = await fakeDiscord();
    const { cwd, data } = folders();
    const file = path.join(data, 'bot.sqlite');
    await (await createStore(`sqlite://${file}`, memoryLogger().logger)).close(); // a store from an earlier run
    chmodSync(file, 0o444);
    chmodSync(data, 0o555);
    const run = start(fake, data, cwd);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain(`Cannot start: The store at sqlite://${file} cannot be written: SQLITE_`);
    expect(run.stderr()).toContain(`Check that the file and its folder (${data}) exist and are writable by the user the bot runs as.`);
    expect(fake.gateway.identifies).toEqual([]);
  }, 60_000);

  it('GIVEN the store becomes read-only while the bot runs THEN questions, /ask and 👍 are still answered and the fault is logged once with its cause', async () => {
    const fake = await fakeDiscord();
    const { cwd, data } = folders();
    const run = start(fake, data, cwd, { HELP_COOLDOWN_SECONDS: '30' });
    await run.waitForOutput('connected to Discord', 30_000);
    chmodSync(path.join(data, 'bot.sqlite'), 0o444);
    chmodSync(data, 0o555);

    const question = fake.userMessage(fake.channels.help.id, QUESTION);
    const thread = await fake.waitForThread(fake.channels.help.id, (t) => t.id === question.id);
    expect((await fake.waitForChannelMessage(thread.id)).embeds[0]?.title).toContain('How to ask for a promotion');
    const unanswered = fake.slash('ask', { question: 'what does the blue parrot eat for breakfast' });
    const reply = await fake.waitForResponse(unanswered.id);
    expect(reply.type === InteractionResponseType.ChannelMessageWithSource && reply.data?.embeds?.[0]?.title).toBe('Not in my guides');
    const [upId] = customIdsOf(fake.messagesIn(thread.id).find((m) => customIdsOf(m).length > 0)!);
    const up = fake.button(upId!);
    const thanks = await fake.waitForResponse(up.id);
    expect(thanks.type === InteractionResponseType.ChannelMessageWithSource && thanks.data?.content).toBe(
      "Thanks! I couldn't save your rating just now; please try again in a while.",
    );

    const failures = logLines(run).filter((l) => l.msg === STORE_FAILED);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 50, err: { code: expect.stringMatching(/^SQLITE_(READONLY|CANTOPEN)$/) as string } });
    expect(logLines(run).filter((l) => Number(l.level) >= 50 && l.msg !== STORE_FAILED)).toEqual([]);
    expect(fake.violations).toEqual([]);
  }, 60_000);
});
