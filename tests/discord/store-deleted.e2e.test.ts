/**
 * The data folder is deleted under the running bot (SQLite store): members still get their answers, the failed
 * writes are logged once with their cause, and the deletion itself is reported.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { memoryLogger } from '../support/logger.js';
import { handled, replyTo, until } from './helpers.js';

const QUESTION = 'how do I ask for a raise without seeming pushy?';
const dir = mkdtempSync(path.join(tmpdir(), 'store-deleted-'));
const data = path.join(dir, 'data');
const storeLogs = memoryLogger('debug');
let t: TestBot;
beforeAll(async () => {
  const store = await createStore(`sqlite://${path.join(data, 'bot.sqlite')}`, storeLogs.logger, { watchIntervalMs: 100 });
  t = await startTestBot({ store, env: { HELP_COOLDOWN_SECONDS: '30' } });
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('GIVEN the data folder is deleted while the bot runs THEN questions are still answered, the write failure is logged once and the deletion reported', async () => {
  rmSync(data, { recursive: true, force: true });
  const question = t.fake.userMessage(t.fake.channels.help.id, QUESTION);
  const thread = await t.fake.waitForThread(t.fake.channels.help.id, (th) => th.id === question.id);
  expect((await t.fake.waitForChannelMessage(thread.id)).embeds[0]?.title).toContain('How to ask for a promotion');
  const asked = ['what does the blue parrot eat for breakfast', 'what does the green parrot eat for lunch'].map((q) =>
    t.fake.slash('ask', { question: q }),
  );
  for (const i of asked) expect((await replyTo(t, i)).embeds?.[0]?.title).toBe('Not in my guides');
  for (const i of asked) await handled(t, i.id);

  const deleted = await until(
    () => storeLogs.lines().find((l) => String(l.msg).startsWith('the store file was deleted or replaced')),
    'the deletion to be reported',
  );
  expect(deleted).toMatchObject({ level: 50, fileExists: false });
  const failures = storeLogs.lines().filter((l) => String(l.msg).startsWith('store operation failed'));
  expect(failures).toHaveLength(1);
  expect(failures[0]).toMatchObject({ level: 50, fileExists: false, err: { code: expect.stringMatching(/^SQLITE_/) as string } });
  expect(t.logs.lines().filter((l) => Number(l.level) >= 50)).toEqual([]);
  expect(t.fake.violations).toEqual([]);
});
