import type { APIEmbed } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReminderPass, dueReminders, type Delivery, type SchedulerDeps } from '../../src/discord/reminder-scheduler.js';
import { addPlan, allPlans, hasHeldReminders, plansOf, removePlans, takeHeldReminders } from '../../src/discord/reminders.js';
import { deleteMemberData } from '../../src/discord/member-data.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { createStore, memoryStore, type Store } from '../../src/store/store.js';
import { realKnowledgeBase } from '../support/kb.js';
import { memoryLogger } from '../support/logger.js';
import { describeWithRedis } from '../support/redis.js';

/** 09:00 in Japan on a date, as the rules' send_hour puts reminders (00:00 UTC). */
const jst9 = (date: string) => Date.parse(`${date}T00:00:00Z`);
const MIN = 60_000;
const ASKED = Date.parse('2027-01-20T03:00:00Z'); // 2027-01-20 12:00 in Japan

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledgeBase();
});

/** A scheduler with a fake clock and a fake DM channel that records what it sent, per user. */
function harness(store: Store, opts: { closed?: Set<string>; failing?: { count: number } } = {}) {
  let clock = ASKED;
  const sent: { userId: string; embed: APIEmbed }[] = [];
  const logs = memoryLogger('debug');
  const deps: SchedulerDeps = {
    store,
    knowledge: () => kb,
    now: () => clock,
    log: logs.logger,
    deliver(userId, embed): Promise<Delivery> {
      if (opts.failing && opts.failing.count > 0) {
        opts.failing.count -= 1;
        return Promise.reject(new Error('Discord 500'));
      }
      if (opts.closed?.has(userId)) return Promise.resolve('dms-closed');
      sent.push({ userId, embed });
      return Promise.resolve('sent');
    },
  };
  return { deps, sent, logs, set: (t: number) => (clock = t), pass: () => runReminderPass(deps) };
}

const titles = (sent: { embed: APIEmbed }[]) => sent.map((s) => s.embed.description?.split('\n')[0]);

describe('the reminder scheduler (fake clock)', () => {
  it('GIVEN a job change WHEN the clock passes each reminder THEN each goes out once, at its time, and never before', async () => {
    const store = memoryStore();
    const h = harness(store);
    await addPlan(store, 'u1', { left: '2027-01-31' }, ASKED);
    h.set(jst9('2027-01-31') - MIN);
    expect(await h.pass()).toEqual({ sent: 0, held: 0, failed: 0, skipped: 0 });
    h.set(jst9('2027-01-31') + MIN); // the 14-day window opens
    expect((await h.pass()).sent).toBe(1);
    expect(titles(h.sent)).toEqual(['⏰ **Job-change notice — leaving your employer**']);
    expect(h.sent[0]!.embed.description).not.toContain('Sent late');
    expect((await h.pass()).sent).toBe(0); // not twice
    h.set(jst9('2027-02-11') + MIN); // 3 days before the 14 February deadline
    expect((await h.pass()).sent).toBe(1);
    expect(h.sent[1]!.embed.description).toContain('<t:');
    expect(h.sent.every((s) => s.userId === 'u1')).toBe(true);
  });

  it('GIVEN the bot was down at the due time WHEN it comes back THEN the missed reminders go out late, with a note, once', async () => {
    const store = memoryStore();
    const h = harness(store);
    await addPlan(store, 'u2', { left: '2027-01-31' }, ASKED);
    h.set(jst9('2027-02-12')); // both notice-left reminders (31 Jan, 11 Feb) were missed
    expect((await h.pass()).sent).toBe(2);
    expect(h.sent.map((s) => s.embed.description?.includes('Sent late'))).toEqual([true, true]);
    expect((await h.pass()).sent).toBe(0);
  });

  it('GIVEN every reminder of a request sent THEN the request is forgotten (the dates are not kept longer than needed)', async () => {
    const store = memoryStore();
    const h = harness(store);
    await addPlan(store, 'u8', { left: '2027-01-31' }, ASKED);
    h.set(jst9('2027-06-01'));
    expect((await h.pass()).sent).toBe(4); // both notices and both three-month reminders, late
    expect(await plansOf(store, 'u8')).toHaveLength(1);
    await h.pass(); // the next pass sees them all sent
    expect(await plansOf(store, 'u8')).toEqual([]);
    expect(h.sent).toHaveLength(4);
  });

  it('GIVEN reminders already past when the member asked THEN they are never sent', () => {
    const plan = { userId: 'u', dates: { left: '2027-01-01' }, createdAt: jst9('2027-01-13'), sent: {}, held: {} };
    const due = dueReminders(kb, plan, jst9('2027-01-14'));
    // opens (1 Jan) was before they asked; 3 days before the 15 January deadline (12 Jan) too: nothing is due.
    expect(due).toEqual([]);
    expect(dueReminders(kb, plan, jst9('2027-04-01')).map((d) => d.reminder.key)).toEqual([
      'activity-gap:before-due-2-weeks',
      'activity-gap:due',
    ]);
  });

  it('GIVEN DMs closed WHEN a reminder falls due THEN it is held (kept, not retried), and taken once when the member next uses a command', async () => {
    const store = memoryStore();
    const h = harness(store, { closed: new Set(['u3']) });
    await addPlan(store, 'u3', { expiry: '2027-12-31' }, ASKED);
    h.set(jst9('2027-09-30') + MIN); // the renewal window opens (3 months before)
    expect(await h.pass()).toEqual({ sent: 0, held: 1, failed: 0, skipped: 0 });
    expect(await h.pass()).toEqual({ sent: 0, held: 0, failed: 0, skipped: 0 });
    expect(await hasHeldReminders(store, 'u3')).toBe(true);
    const [first] = await takeHeldReminders(store, 'u3', jst9('2027-10-01'));
    expect(first?.keys).toEqual(['renewal:opens']);
    expect(await takeHeldReminders(store, 'u3', jst9('2027-10-01'))).toEqual([]);
    expect(await hasHeldReminders(store, 'u3')).toBe(false);
    expect((await plansOf(store, 'u3'))[0]!.value.sent).toHaveProperty('renewal:opens');
  });

  it('GIVEN Discord fails WHEN a reminder falls due THEN it is retried at the next pass and sent once', async () => {
    const store = memoryStore();
    const h = harness(store, { failing: { count: 1 } });
    await addPlan(store, 'u4', { joined: '2027-02-01' }, ASKED);
    h.set(jst9('2027-02-01') + MIN);
    expect((await h.pass()).failed).toBe(1);
    expect((await h.pass()).sent).toBe(1);
    expect(h.sent).toHaveLength(1);
  });

  it('GIVEN a cancelled request or a deleted member THEN nothing more is sent and nothing of theirs is left', async () => {
    const store = memoryStore();
    const h = harness(store);
    await addPlan(store, 'u5', { left: '2027-01-31' }, ASKED);
    await addPlan(store, 'u6', { expiry: '2027-12-31' }, ASKED);
    expect(await removePlans(store, 'u5')).toBe(1);
    await deleteMemberData(store, 'u6');
    h.set(jst9('2027-12-31'));
    expect(await h.pass()).toEqual({ sent: 0, held: 0, failed: 0, skipped: 0 });
    expect(await allPlans(store)).toEqual([]);
  });

  it('GIVEN the same dates twice THEN one request is kept', async () => {
    const store = memoryStore();
    expect((await addPlan(store, 'u7', { left: '2027-01-31' }, ASKED))?.existing).toBe(false);
    expect((await addPlan(store, 'u7', { left: '2027-01-31' }, ASKED))?.existing).toBe(true);
    expect(await plansOf(store, 'u7')).toHaveLength(1);
  });
});

/** Two schedulers (two processes) on one store, passing at the same instant: every reminder goes out exactly once. */
async function exactlyOnce(open: () => Promise<Store>) {
  const stores = [await open(), await open()];
  try {
    const [a, b] = stores.map((s) => harness(s));
    for (let n = 0; n < 20; n++) await addPlan(stores[0]!, `member-${n}`, { left: '2027-01-31', expiry: '2027-12-31' }, ASKED);
    for (const t of [jst9('2027-01-31') + MIN, jst9('2027-02-12'), jst9('2027-10-01')]) {
      a!.set(t);
      b!.set(t);
      await Promise.all([a!.pass(), b!.pass()]);
    }
    // What one member is owed by the last instant: notice-left (opens, 3 days before), activity-gap (2 weeks before,
    // the day), renewal (opens) — 5 — computed on a fresh copy of the request, independently of the schedulers.
    const owed = dueReminders(
      kb,
      { userId: 'x', dates: { left: '2027-01-31', expiry: '2027-12-31' }, createdAt: ASKED, sent: {}, held: {} },
      jst9('2027-10-01'),
    );
    expect(owed).toHaveLength(5);
    const perMember = new Map<string, number>();
    for (const s of [...a!.sent, ...b!.sent]) perMember.set(s.userId, (perMember.get(s.userId) ?? 0) + 1);
    expect([...perMember.values()]).toEqual(Array(20).fill(5));
    for (const r of await allPlans(stores[0]!)) expect(Object.keys(r.value.sent).sort()).toEqual(owed.map((o) => o.reminder.key).sort());
    expect(a!.sent.length).toBeGreaterThan(0);
    expect(b!.sent.length).toBeGreaterThan(0);
  } finally {
    for (const s of stores) await s.close();
  }
}

describe('two schedulers at once', () => {
  it('GIVEN one in-memory store shared by two schedulers THEN each reminder is sent exactly once', async () => {
    const store = memoryStore();
    await exactlyOnce(() => Promise.resolve({ ...store, close: () => Promise.resolve() }));
  });
});

describeWithRedis('two processes on Redis', (redis) => {
  let logger: ReturnType<typeof memoryLogger>['logger'];
  beforeAll(() => {
    logger = memoryLogger('silent').logger;
  });
  it('GIVEN two store connections to one Redis, passing at the same instant THEN each reminder is sent exactly once', async () => {
    await exactlyOnce(() => createStore(redis.url, logger));
  });
});
