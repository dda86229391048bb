import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.js';
import { FakePermissions } from '../fakes/discord.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { memoryLogger } from '../support/logger.js';
import { customIdsOf, DOWNVOTE_FORM_TITLE, formFrom, isEphemeral, replyTo } from './helpers.js';

const QUESTION = 'how do I ask for a raise without seeming pushy?';
const dir = mkdtempSync(path.join(tmpdir(), 'feedback-e2e-'));
const storeUrl = `sqlite://${path.join(dir, 'bot.sqlite')}`;

let t: TestBot;
let restarted: TestBot | undefined;
beforeAll(async () => {
  t = await startTestBot({ store: await createStore(storeUrl, memoryLogger().logger) });
});
afterEach(() => {
  expect(t.fake.violations).toEqual([]);
});
afterAll(async () => {
  await restarted?.close(); // shares t's fake, which t.close() then closes
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Asks with /ask and returns the custom ids of 👍 and 👎 on the answer. */
async function askForButtons(question = QUESTION): Promise<{ up: string; down: string }> {
  const [up, down] = customIdsOf(await replyTo(t, t.fake.slash('ask', { question })));
  expect(up).toMatch(/^fb:up:k:/);
  expect(down).toMatch(/^fb:down:k:/);
  return { up: up ?? '', down: down ?? '' };
}

async function queueText(bot: TestBot): Promise<string> {
  const data = await replyTo(
    bot,
    bot.fake.slash('config', {}, { group: 'queue', subcommand: 'show', permissions: FakePermissions.manageGuild }),
  );
  return data.embeds?.[0]?.description ?? '';
}

describe('rating an answer', () => {
  it('GIVEN an answer WHEN a member clicks 👍 THEN they are thanked privately, and a second 👍 says already rated', async () => {
    const { up } = await askForButtons();
    const first = await replyTo(t, t.fake.button(up));
    expect(isEphemeral(first)).toBe(true);
    expect(first.content).toBe('Thanks! Glad it helped.');
    const again = await replyTo(t, t.fake.button(up));
    expect(isEphemeral(again)).toBe(true);
    expect(again.content).toBe('You already rated this answer. Thanks!');
  });

  it('GIVEN a member already rated WHEN another member clicks 👍 THEN their vote counts separately', async () => {
    const { up } = await askForButtons();
    await replyTo(t, t.fake.button(up));
    const other = await replyTo(t, t.fake.button(up, { user: t.fake.user('bob') }));
    expect(other.content).toBe('Thanks! Glad it helped.');
  });

  it('GIVEN an answer WHEN a member clicks 👎 THEN the question and entry go to the curator queue, and the form asks why', async () => {
    const question = 'how many days do I have to notify immigration after quitting?';
    const { down } = await askForButtons(question);
    const entryId = down.split(':')[3];
    const form = await formFrom(t, t.fake.button(down));
    expect(form.title).toBe(DOWNVOTE_FORM_TITLE);
    expect(await queueText(t)).toContain(`👎 ×1 ${entryId} — ${question}`); // counted without the form
  });

  it('GIVEN an answer in a help-channel thread WHEN a member clicks 👎 there THEN it is recorded the same way', async () => {
    const message = t.fake.userMessage(t.fake.channels.help.id, 'how many days do I have to notify immigration after quitting?');
    const thread = await t.fake.waitForThread(t.fake.channels.help.id, (th) => th.id === message.id);
    const answer = await t.fake.waitForChannelMessage(thread.id);
    const down = customIdsOf(answer)[1] ?? '';
    expect((await formFrom(t, t.fake.button(down, { message: answer, user: t.fake.user('carol') }))).title).toBe(DOWNVOTE_FORM_TITLE);
    expect(await queueText(t)).toContain('how many days do I have to notify immigration after quitting?');
  });
});

describe('stale buttons', () => {
  it('GIVEN a button whose kind the bot no longer knows WHEN clicked THEN a private message says to run the command again', async () => {
    const data = await replyTo(t, t.fake.button('legacy:rate:1'));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe('This button has expired. Run the command again to get a fresh one.');
  });
});

describe('after a restart', () => {
  it('GIVEN an answer posted before a restart WHEN a member clicks its buttons on the new instance THEN they still work and remember the vote', async () => {
    const { up, down } = await askForButtons();
    const message = [...t.fake.messagesIn(t.fake.channels.general.id)].reverse().find((m) => customIdsOf(m).includes(up));
    expect(message).toBeDefined();
    await replyTo(t, t.fake.button(up, { message }));

    await t.bot.stop(); // the first instance goes away (client destroyed, store closed)
    expect(t.bot.client.isReady()).toBe(false);
    restarted = await startTestBot({ fake: t.fake, store: await createStore(storeUrl, memoryLogger().logger) });

    const again = await replyTo(restarted, restarted.fake.button(up, { message }));
    expect(again.content).toBe('You already rated this answer. Thanks!');
    expect((await formFrom(restarted, restarted.fake.button(down, { message }))).title).toBe(DOWNVOTE_FORM_TITLE);
    expect(await queueText(restarted)).toContain(`— ${QUESTION}`);
  });
});
