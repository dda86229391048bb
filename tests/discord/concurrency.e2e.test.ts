/**
 * Simultaneous events against the real bot, on each real store: nothing written at the same moment may be lost.
 * The events of each test reach the bot in one gateway read (`fake.together`), so it handles them in the same tick.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { memoryLogger } from '../support/logger.js';
import { describeWithRedis } from '../support/redis.js';
import { customIdsOf, DOWNVOTE_FORM_TITLE, formFrom, handled, reactionsTo, replyTo, settle, until } from './helpers.js';

const ANSWERED = 'how do I ask for a raise without seeming pushy?';
/** Questions the guides do not cover, all different. */
const unanswered = (n: number) => Array.from({ length: n }, (_, i) => `what does the blue parrot number ${i + 1} eat for breakfast`);

function concurrencySuite(storeUrl: () => string) {
  {
    let t: TestBot;
    beforeAll(async () => {
      t = await startTestBot({ store: await createStore(storeUrl(), memoryLogger().logger), env: { HELP_COOLDOWN_SECONDS: '30' } });
    });
    afterAll(async () => {
      await t?.close();
    });
    const queued = async () =>
      (await t.bot.ctx.queue.list(t.fake.guild.id)).map((i) => ({ kind: i.kind, question: i.question, count: i.count }));

    it('GIVEN 20 unanswered /ask questions in the same tick THEN the curator queue has all 20', async () => {
      const questions = unanswered(20);
      const sent = t.fake.together(() =>
        questions.map((question, i) => t.fake.slash('ask', { question }, { user: t.fake.user(`asker-${i}`) })),
      );
      for (const i of sent) expect((await replyTo(t, i)).embeds?.[0]?.title).toBe('Not in my guides');
      for (const i of sent) await handled(t, i.id);
      const items = await queued();
      expect(
        items
          .filter((i) => i.kind === 'unanswered')
          .map((i) => i.question)
          .sort(),
      ).toEqual([...questions].sort());
      expect(items.every((i) => i.count === 1)).toBe(true);
    });

    it('GIVEN 20 members clicking 👎 on one answer in the same tick THEN 20 down-votes are queued; one member toggling 10 times counts once', async () => {
      const [, down] = customIdsOf(await replyTo(t, t.fake.slash('ask', { question: ANSWERED })));
      const clicks = t.fake.together(() => Array.from({ length: 20 }, (_, i) => t.fake.button(down!, { user: t.fake.user(`voter-${i}`) })));
      for (const c of clicks) expect((await formFrom(t, c)).title).toBe(DOWNVOTE_FORM_TITLE); // the 👎 counts; the form is optional
      const [up2, down2] = customIdsOf(
        await replyTo(t, t.fake.slash('ask', { question: 'how many days do I have to notify immigration after quitting?' })),
      );
      const toggler = t.fake.user('toggler');
      const tallyBefore = await t.store.counters(`tally:${down2!.split(':')[3]}:`); // a shared test Redis may hold earlier runs' votes
      for (let n = 0; n < 10; n++) {
        const click = t.fake.button(n % 2 === 0 ? down2! : up2!, { user: toggler });
        await t.fake.waitForResponse(click.id); // 👎: the form, 👍: thanks
        await handled(t, click.id);
      }
      const items = await queued();
      expect(items.find((i) => i.kind === 'downvoted' && i.question === ANSWERED)?.count).toBe(20);
      expect(
        items.find((i) => i.kind === 'downvoted' && i.question === 'how many days do I have to notify immigration after quitting?')?.count,
      ).toBe(1);
      const entry = down2!.split(':')[3];
      const tally = await t.store.counters(`tally:${entry}:`);
      expect([
        tally.get(`tally:${entry}:up`)! - (tallyBefore.get(`tally:${entry}:up`) ?? 0),
        tally.get(`tally:${entry}:down`)! - (tallyBefore.get(`tally:${entry}:down`) ?? 0),
      ]).toEqual([1, 0]);
    });

    it('GIVEN 20 members sending the 👎 form in the same tick, and one member sending two forms at once THEN every member’s reason counts exactly once', async () => {
      const [, down] = customIdsOf(await replyTo(t, t.fake.slash('ask', { question: ANSWERED })));
      const entry = down!.split(':')[3]!;
      const prefix = `tally-guild:${t.fake.guild.id}:${entry}:`;
      const before = await t.store.counters(prefix); // a shared test Redis may hold earlier runs' votes
      const members = Array.from({ length: 20 }, (_, i) => t.fake.user(`explainer-${i}`));
      const solo = t.fake.user('double-submitter');
      const clicks = t.fake.together(() => [...members, solo, solo].map((user) => t.fake.button(down!, { user })));
      for (const c of clicks) await formFrom(t, c);
      const reasons = ['unclear', 'missing', 'out-of-date', 'wrong-topic'];
      const sent = t.fake.together(() => clicks.map((c, i) => t.fake.submitModal(c.id, { reason: [reasons[i % 4]!] })));
      for (const i of sent) expect((await replyTo(t, i)).content).toMatch(/^Thanks for telling me \(/);
      const after = await t.store.counters(prefix);
      const moved = (counter: string) => (after.get(`${prefix}${counter}`) ?? 0) - (before.get(`${prefix}${counter}`) ?? 0);
      expect(moved('down')).toBe(21);
      // 20 members: 5 of each reason; the double submitter's two forms (unclear, missing) leave exactly one of them
      expect([moved('why:out-of-date'), moved('why:wrong-topic'), moved('why:unclear') + moved('why:missing')]).toEqual([5, 5, 11]);
      expect([5, 6]).toContain(moved('why:unclear'));
    });

    it('GIVEN three questions from one member in the same tick WHEN the cooldown is on THEN exactly one is answered', async () => {
      const author = t.fake.user('eager');
      const questions = [ANSWERED, 'how many days do I have to notify immigration after quitting?', 'how do I get permanent residency?'];
      const messages = t.fake.together(() => questions.map((q) => t.fake.userMessage(t.fake.channels.help.id, q, { author })));
      const outcomes = await until(() => {
        const lines = t.logs.lines();
        const of = (id: string) =>
          lines.find(
            (l) => l.messageId === id && (l.msg === 'help-channel question answered' || l.msg === 'member is in the help-channel cooldown'),
          )?.msg;
        const all = messages.map((m) => of(m.id));
        return all.every(Boolean) && all;
      }, 'the bot to handle all three messages');
      expect(outcomes.filter((o) => o === 'help-channel question answered')).toHaveLength(1);
      await settle(t);
      expect(messages.filter((m) => reactionsTo(t, m.id).length > 0)).toHaveLength(1);
    });
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'concurrency-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
describe('SQLite: simultaneous events', () => concurrencySuite(() => `sqlite://${path.join(dir, 'bot.sqlite')}`));
describeWithRedis('Redis: simultaneous events', (redis) => concurrencySuite(() => redis.url));
