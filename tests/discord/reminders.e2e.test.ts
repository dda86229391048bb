import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plansOf } from '../../src/discord/reminders.js';
import { createStore } from '../../src/store/store.js';
import { memoryLogger } from '../support/logger.js';
import { startTestBot, type TestBot, useTestBot } from '../support/bot.js';
import { customIdsOf, embedText, isEphemeral, replyTo, textOf } from './helpers.js';

/** 09:00 in Japan on a date: when the rules send reminders (00:00 UTC). */
const jst9 = (date: string) => Date.parse(`${date}T00:00:00Z`);
const VISA = { 'current-work': 'system-development', 'new-work': 'it-support', employer: 'new', status: 'engineer-specialist' };

describe('deadline reminders by DM', () => {
  let clock = Date.parse('2027-01-20T03:00:00Z'); // 12:00 in Japan
  const t = useTestBot({ now: () => clock });

  const remind = (subcommand: string, options: Record<string, string>, user = t.fake.memberUser, place?: 'bot-dm') =>
    replyTo(t, t.fake.slash('remind', options, { subcommand, user, ...(place && { place }) }));

  it('GIVEN /remind set with the day a member left WHEN the window opens THEN the reminder arrives by DM, once; list and cancel work', async () => {
    const user = t.fake.user('aiko');
    const set = await remind('set', { left: '2027-01-31' }, user);
    expect(isEphemeral(set)).toBe(true);
    expect(set.content).toContain('Done: 4 reminder(s) by DM');
    expect(embedText(set.embeds)).toContain('Job-change notice — leaving your employer');
    expect((await remind('list', {}, user)).content).toContain('1. left 2027-01-31: next <t:');

    clock = jst9('2027-01-31') + 60_000;
    expect(await t.bot.reminders.pass()).toMatchObject({ sent: 1, held: 0, failed: 0 });
    const dm = t.fake.dmChannel(user);
    const message = await t.fake.waitForChannelMessage(dm.id);
    expect(textOf(message)).toContain('Job-change notice — leaving your employer');
    expect(textOf(message)).toContain('/remind cancel');
    expect(await t.bot.reminders.pass()).toMatchObject({ sent: 0 });
    expect(t.fake.messagesIn(dm.id)).toHaveLength(1);

    expect((await remind('cancel', {}, user)).content).toContain('Cancelled 1 reminder set(s)');
    expect((await remind('list', {}, user)).content).toContain('You have no reminders');
    clock = jst9('2027-02-11') + 60_000;
    expect(await t.bot.reminders.pass()).toMatchObject({ sent: 0 });
  });

  it('GIVEN dates out of bounds THEN /remind set refuses them, naming the option; nothing is stored', async () => {
    const user = t.fake.user('typo');
    clock = Date.parse('2027-01-20T03:00:00Z');
    expect((await remind('set', { expiry: '3000-01-01' }, user)).content).toContain('check the year');
    expect((await remind('set', { expiry: '2027-01-19' }, user)).content).toContain('is in the past');
    expect((await remind('set', { expiry: '2027-02-30' }, user)).content).toContain('is not a date');
    expect((await remind('set', {}, user)).content).toContain('give at least one date');
    const past = await remind('set', { left: '2026-09-01' }, user); // both notices and the three months are over
    expect(past.content).toContain('already past, so I stored nothing');
    expect(embedText(past.embeds)).toContain('Job-change notice — leaving your employer');
    expect(await plansOf(t.store, user.id)).toEqual([]);
  });

  it('GIVEN five reminder sets THEN a sixth is refused until one is cancelled', async () => {
    const user = t.fake.user('planner');
    clock = Date.parse('2027-01-20T03:00:00Z');
    for (const day of ['10', '11', '12', '13', '14'])
      expect((await remind('set', { expiry: `2027-12-${day}` }, user)).content).toContain('Done:');
    expect((await remind('set', { expiry: '2027-12-15' }, user)).content).toContain('You already have 5 reminder sets');
    expect(await plansOf(t.store, user.id)).toHaveLength(5);
    expect((await remind('cancel', {}, user)).content).toContain('Cancelled 5 reminder set(s)');
  });

  it('GIVEN a member whose DMs are closed WHEN a reminder falls due THEN it is kept, and shown the next time they use a command', async () => {
    const user = t.fake.user('closed');
    clock = Date.parse('2027-01-20T03:00:00Z');
    await remind('set', { expiry: '2027-12-31' }, user, 'bot-dm');
    t.fake.closeDms(user);
    clock = jst9('2027-09-30') + 60_000;
    expect(await t.bot.reminders.pass()).toMatchObject({ sent: 0, held: 1 });
    const list = t.fake.slash('remind', {}, { subcommand: 'list', user });
    expect((await replyTo(t, list)).content).toContain('1 not delivered (DMs closed)');
    await t.fake.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/webhooks/${t.fake.applicationId}/${list.token}`));
    const followUp = t.fake.interactions.get(list.id)!.followUps[0]!.message;
    expect(followUp.content).toContain("I couldn't send you these reminders by DM");
    expect(followUp.content).toContain('Renewing your period of stay');
    expect(isEphemeral(followUp)).toBe(true);
    // Told once: the next command gets no follow-up.
    const again = t.fake.slash('help', {}, { user });
    await t.fake.waitForResponse(again.id);
    expect(t.fake.interactions.get(again.id)!.followUps).toEqual([]);
  });

  it('GIVEN /visa-check about a new employer THEN its reply has Remind me, which asks for the dates and sets the reminders', async () => {
    const user = t.fake.user('mover');
    clock = Date.parse('2027-01-20T03:00:00Z');
    const sent = t.fake.slash('visa-check', VISA, { user });
    const reply = await replyTo(t, sent);
    expect(customIdsOf(reply)).toContain('remind:job');
    const same = await replyTo(t, t.fake.slash('visa-check', { ...VISA, employer: 'same' }, { user }));
    expect(customIdsOf(same)).not.toContain('remind:job');

    const click = t.fake.button('remind:job', { user, message: t.fake.messagesIn(sent.payload.channel!.id).at(-1)! });
    const form = await t.fake.waitForResponse(click.id);
    expect(form.type).toBe(9);
    const submitted = await replyTo(t, t.fake.modalSubmit('remind-form:job', { left: '2027-01-31', joined: '2027-02-15' }, { user }));
    expect(isEphemeral(submitted)).toBe(true);
    expect(embedText(submitted.embeds)).toContain('Job-change notice — joining your new employer');
    expect((await plansOf(t.store, user.id))[0]?.value.dates).toEqual({ left: '2027-01-31', joined: '2027-02-15' });
  });

  it('GIVEN reminders WHEN the member runs /profile delete THEN their reminders are gone too', async () => {
    const user = t.fake.user('leaver');
    clock = Date.parse('2027-01-20T03:00:00Z');
    await remind('set', { joined: '2027-02-01' }, user);
    expect(await plansOf(t.store, user.id)).toHaveLength(1);
    const deleted = await replyTo(t, t.fake.slash('profile', {}, { subcommand: 'delete', user }));
    expect(deleted.content).toContain('your reminders');
    expect(await plansOf(t.store, user.id)).toEqual([]);
    clock = jst9('2027-02-01') + 60_000;
    await t.bot.reminders.pass();
    expect(t.fake.messagesIn(t.fake.dmChannel(user).id)).toEqual([]);
  });
});

describe('reminders across a restart (SQLite)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'reminders-e2e-'));
  const url = `sqlite://${path.join(dir, 'bot.sqlite')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN a reminder set before the bot went down WHEN it restarts after the due time THEN the reminder goes out late, with a note, once', async () => {
    let clock = Date.parse('2027-01-20T03:00:00Z');
    const open = async (fake?: TestBot['fake']) =>
      startTestBot({ now: () => clock, store: await createStore(url, memoryLogger('silent').logger), ...(fake && { fake }) });
    const first = await open();
    const fake = first.fake;
    const user = fake.user('restarted');
    try {
      expect((await replyTo(first, fake.slash('remind', { joined: '2027-02-01' }, { subcommand: 'set', user }))).content).toContain(
        'Done:',
      );
    } finally {
      await first.bot.stop(); // the bot goes down; the fake Discord stays
    }
    clock = jst9('2027-02-03'); // the window opened on 1 February while it was down
    const second = await open(fake);
    try {
      expect(await second.bot.reminders.pass()).toMatchObject({ sent: 1 });
      const dm = await fake.waitForChannelMessage(fake.dmChannel(user).id);
      expect(textOf(dm)).toContain('Job-change notice — joining your new employer');
      expect(textOf(dm)).toContain('Sent late');
      expect(await second.bot.reminders.pass()).toMatchObject({ sent: 0 });
    } finally {
      await second.close();
      await fake.close();
    }
  }, 30_000);
});

describe('two bot processes on one store (SQLite)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'reminders-two-'));
  const url = `sqlite://${path.join(dir, 'bot.sqlite')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN two bots with their own store connections WHEN both pass at the same instant THEN each member gets each reminder once', async () => {
    let clock = Date.parse('2027-01-20T03:00:00Z');
    const a = await startTestBot({ now: () => clock, store: await createStore(url, memoryLogger('silent').logger) });
    const b = await startTestBot({ now: () => clock, fake: a.fake, store: await createStore(url, memoryLogger('silent').logger) });
    try {
      const users = ['one', 'two', 'three', 'four', 'five'].map((name) => a.fake.user(name));
      for (const user of users) await replyTo(a, a.fake.slash('remind', { left: '2027-01-31' }, { subcommand: 'set', user }));
      clock = jst9('2027-01-31') + 60_000;
      const [ra, rb] = await Promise.all([a.bot.reminders.pass(), b.bot.reminders.pass()]);
      expect(ra.sent + rb.sent).toBe(users.length);
      for (const user of users) expect(a.fake.messagesIn(a.fake.dmChannel(user).id), user.username).toHaveLength(1);
      expect(a.fake.violations).toEqual([]);
    } finally {
      await b.bot.stop();
      await a.close();
    }
  }, 30_000);
});
