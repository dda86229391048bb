import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.js';
import type { APIUser } from 'discord-api-types/v10';
import { startTestBot, useTestBot } from '../support/bot.js';
import { memoryLogger } from '../support/logger.js';
import { describeWithRedis } from '../support/redis.js';
import { redisDump, sqliteDump } from '../support/store-dump.js';
import { customIdsOf, embedText, isEphemeral, replyTo } from './helpers.js';

const VISA = { 'current-work': 'system-development', 'new-work': 'marketing', employer: 'new' };

describe('the opt-in profile', () => {
  const t = useTestBot();

  const profile = (subcommand: string, options: Record<string, string | boolean> = {}, user?: APIUser) =>
    replyTo(t, t.fake.slash('profile', options, { subcommand, ...(user && { user }) }));

  it('GIVEN no profile WHEN a command leaves out a required option THEN the member is told what is missing and about /profile; nothing was stored', async () => {
    const user = t.fake.user('newcomer');
    const reply = await replyTo(t, t.fake.slash('career-path', {}, { user }));
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toContain('`jlpt` is required');
    expect(reply.content).toContain('`background` is required');
    expect(reply.content).toContain('/profile set');
    expect((await profile('show', {}, user)).content).toContain('I have no profile for you');
  });

  it('GIVEN /profile set WHEN a command leaves those options out THEN it uses the profile and says so; given options win', async () => {
    const user = t.fake.user('mika');
    const saved = await profile('set', { jlpt: 'N2', background: 'alt', status: 'instructor', technical: true }, user);
    expect(isEphemeral(saved)).toBe(true);
    expect(saved.content).toContain('**JLPT level:** N2');
    expect(saved.content).toContain('under your Discord user id');

    const career = await replyTo(t, t.fake.slash('career-path', {}, { user }));
    expect(career.embeds?.[0]?.footer?.text).toBe(
      'From your profile: N2 · ALT / English teaching · technical skills (/profile show · /profile set to change)',
    );
    expect(embedText(career.embeds)).toContain('**Career paths** for: JLPT N2');

    const own = await replyTo(t, t.fake.slash('career-path', { jlpt: 'N1' }, { user }));
    expect(own.embeds?.[0]?.footer?.text).toBe(
      'From your profile: ALT / English teaching · technical skills (/profile show · /profile set to change)',
    );
    expect(embedText(own.embeds)).toContain('**Career paths** for: JLPT N1');

    const visa = await replyTo(t, t.fake.slash('visa-check', VISA, { user }));
    expect(embedText(visa.embeds)).toContain('**Visa check:** Instructor ·');
    expect(visa.embeds?.[0]?.footer?.text).toMatch(/^From your profile: Instructor /);

    const hsp = await replyTo(t, t.fake.slash('hsp-points', { age: 30, degree: 'master', experience: 5, salary: 7_000_000 }, { user }));
    expect(hsp.embeds?.[0]?.footer?.text).toMatch(/^From your profile: N2 /);

    const all = await replyTo(
      t,
      t.fake.slash('career-path', { jlpt: 'N3', background: 'engineer', technical: false, location: 'city', sponsorship: true }, { user }),
    );
    expect(all.embeds?.[0]?.footer).toBeUndefined();
  });

  it('GIVEN a profile WHEN set again with one option THEN only that changes; show lists it; another member is unaffected', async () => {
    const user = t.fake.user('ken');
    await profile('set', { jlpt: 'N3', background: 'engineer' }, user);
    const changed = await profile('set', { jlpt: 'N1' }, user);
    expect(changed.content).toContain('**JLPT level:** N1');
    expect(changed.content).toContain('**Background:** Engineering / IT');
    expect((await profile('show', {}, user)).content).toContain('**JLPT level:** N1');
    const other = await replyTo(t, t.fake.slash('career-path', {}, { user: t.fake.user('someone-else') }));
    expect(other.content).toContain('`jlpt` is required');
  });

  it('GIVEN /profile set with nothing, or a value from a stale client THEN it is refused, naming the option', async () => {
    expect((await profile('set')).content).toContain('Give at least one option to save');
    expect((await profile('set', { jlpt: 'N6' })).content).toContain(
      '`jlpt` "N6" is not allowed; allowed values: none, N5, N4, N3, N2, N1',
    );
  });

  it('GIVEN /profile delete THEN the profile is gone and commands ask again', async () => {
    const user = t.fake.user('gone');
    await profile('set', { jlpt: 'N2', background: 'alt' }, user);
    expect((await profile('delete', {}, user)).content).toContain('I deleted everything I stored about you');
    expect((await profile('show', {}, user)).content).toContain('I have no profile for you');
    expect((await replyTo(t, t.fake.slash('career-path', {}, { user }))).content).toContain('`jlpt` is required');
    expect((await profile('delete', {}, user)).content).toBe('I had nothing stored about you.');
  });
});

/**
 * The whole life of a member's data on a real store: a profile, a rating and a reminder request are stored under their id; after
 * /profile delete, no key or value in the store mentions them.
 */
function leavesNoTrace(open: () => Promise<{ url: string; dump: (userId: string) => Promise<string[]> }>) {
  it('GIVEN a profile, a rating and reminders WHEN the member runs /profile delete THEN nothing in the store mentions them', async () => {
    const { url, dump } = await open();
    const t = await startTestBot({ store: await createStore(url, memoryLogger().logger) });
    try {
      const user = t.fake.user('private-person');
      await replyTo(t, t.fake.slash('profile', { jlpt: 'N2', background: 'alt' }, { subcommand: 'set', user }));
      const [up] = customIdsOf(
        await replyTo(t, t.fake.slash('ask', { question: 'how do I ask for a raise without seeming pushy?' }, { user })),
      );
      expect((await replyTo(t, t.fake.button(up ?? '', { user }))).content).toBe('Thanks! Glad it helped.');
      const expiry = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
      expect((await replyTo(t, t.fake.slash('remind', { expiry }, { subcommand: 'set', user }))).content).toContain('Done:');
      const before = await dump(user.id);
      expect(before.some((l) => l.includes('reminders') && l.includes('userId'))).toBe(true); // the reminder request
      expect(before.some((l) => l.includes(`member:${user.id}:profile`))).toBe(true);
      expect(before.some((l) => l.includes(`vote:${user.id}:`))).toBe(true);

      const reply = await replyTo(t, t.fake.slash('profile', {}, { subcommand: 'delete', user }));
      expect(reply.content).toContain('I deleted everything I stored about you');
      expect(await dump(user.id)).toEqual([]);
      expect(t.fake.violations).toEqual([]);
    } finally {
      await t.close();
    }
  }, 30_000);
}

describe("deleting a member's data on SQLite", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'profile-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'bot.sqlite');
  leavesNoTrace(() =>
    Promise.resolve({ url: `sqlite://${file}`, dump: async (id) => (await sqliteDump(file)).filter((l) => l.includes(id)) }),
  );
});

describeWithRedis("deleting a member's data on Redis", (redis) => {
  leavesNoTrace(() => Promise.resolve({ url: redis.url, dump: async (id) => (await redisDump(redis.url)).filter((l) => l.includes(id)) }));
});
