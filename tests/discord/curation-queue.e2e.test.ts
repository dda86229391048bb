/** `/config queue show`: pages and "done" work from the buttons alone, so they survive a restart (issue 14). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { InteractionResponseType, type APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.js';
import { FakePermissions } from '../fakes/discord.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { memoryLogger } from '../support/logger.js';
import { customIdsOf, handled, isEphemeral, replyTo } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'queue-pages-'));
const storeUrl = `sqlite://${path.join(dir, 'bot.sqlite')}`;
const QUESTIONS = Array.from({ length: 7 }, (_, n) => `what is the best ramen shop number ${n + 1} in osaka`);
const moderator = { permissions: FakePermissions.manageGuild };

let t: TestBot;
let restarted: TestBot | undefined;
beforeAll(async () => {
  t = await startTestBot({ store: await createStore(storeUrl, memoryLogger().logger) });
  for (const question of QUESTIONS) {
    const i = t.fake.slash('ask', { question });
    await replyTo(t, i);
    await handled(t, i.id);
  }
});
afterAll(async () => {
  await restarted?.close();
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const description = (m: APIInteractionResponseCallbackData) => m.embeds?.[0]?.description ?? '';
/** The message as it is now (after updates), found by one of its custom ids. */
const current = (bot: TestBot, customId: string) =>
  [...bot.fake.messagesIn(bot.fake.channels.general.id)].reverse().find((m) => customIdsOf(m).includes(customId));

async function click(
  bot: TestBot,
  customId: string,
  permissions = FakePermissions.manageGuild,
): Promise<APIInteractionResponseCallbackData> {
  const i = bot.fake.button(customId, { message: current(bot, customId), permissions });
  const response = await bot.fake.waitForResponse(i.id);
  expect(response.type).toBe(7); // the page is updated in place
  return response.type === InteractionResponseType.UpdateMessage ? (response.data ?? {}) : {};
}

describe('queue pages', () => {
  let next = '';
  let doneFirst = '';
  it('GIVEN 7 open items WHEN /config queue show THEN page 1 shows 5 with a done button each, ◀ disabled and ▶', async () => {
    const page = await replyTo(t, t.fake.slash('config', {}, { group: 'queue', subcommand: 'show', ...moderator }));
    expect(isEphemeral(page)).toBe(true);
    expect(page.embeds?.[0]?.title).toBe('Curator queue (7) · page 1/2');
    expect(description(page)).toContain(`**1.** ❔ ×1 — ${QUESTIONS[6]}`);
    const ids = customIdsOf(page);
    expect(ids.filter((id) => id.startsWith('cq:d:'))).toHaveLength(5);
    doneFirst = ids[0] ?? '';
    next = ids.find((id) => id.endsWith(':next')) ?? '';
    expect(next).toBe('cq:p:1:next');
  });

  it('WHEN a member without Manage Server clicks ▶ (a forged click) THEN it is refused and the page stays', async () => {
    const i = t.fake.button(next, { message: current(t, next), permissions: FakePermissions.member });
    expect((await replyTo(t, i)).content).toBe('Only members with the **Manage Server** permission can use `/config`.');
  });

  it('GIVEN a restart WHEN ▶ and then "Done 1" on the page from before THEN page 2 shows items 6–7, and item 1 leaves the queue for good', async () => {
    await t.bot.stop();
    restarted = await startTestBot({ fake: t.fake, store: await createStore(storeUrl, memoryLogger().logger) });
    const page2 = await click(restarted, next);
    expect(page2.embeds?.[0]?.title).toBe('Curator queue (7) · page 2/2');
    expect(description(page2)).toContain(`**6.** ❔ ×1 — ${QUESTIONS[1]}`);
    expect(description(page2)).toContain(`**7.** ❔ ×1 — ${QUESTIONS[0]}`);

    const afterDone = await click(restarted, doneFirst);
    expect(afterDone.content).toBe('Marked done.');
    expect(afterDone.embeds?.[0]?.title).toBe('Curator queue (6) · page 1/2');
    expect(description(afterDone)).not.toContain(QUESTIONS[6]);
    const again = await replyTo(restarted, restarted.fake.slash('config', {}, { group: 'queue', subcommand: 'show', ...moderator }));
    expect(again.embeds?.[0]?.title).toBe('Curator queue (6) · page 1/2');
    expect(restarted.fake.violations).toEqual([]);
  });
});
