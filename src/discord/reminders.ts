import { z } from 'zod';
import type { DeadlineInput } from '../engines/deadlines.js';
import { withLock, type RecordSet, type Store, type StoredRecord } from '../store/store.js';

/**
 * Members' reminder requests (/remind set, the Remind me button), durable in the store. One record per request in the
 * shared record set `reminders` (so every process's scheduler finds them all) holds the member's dates, not the
 * computed reminders: the scheduler plans them from knowledge/rules/deadlines.yaml each time, so a corrected rule
 * applies to requests already made. A record names its member only by Discord user id; /profile delete removes them.
 */
export const reminderPlanSchema = z.object({
  userId: z.string(),
  dates: z.object({ left: z.string().optional(), joined: z.string().optional(), expiry: z.string().optional() }),
  /** When the member asked (ms): reminders due before then are never sent. */
  createdAt: z.number(),
  /** Reminder key → when it was sent (ms). */
  sent: z.record(z.string(), z.number()).default({}),
  /** Reminder key → when it was due, for reminders a DM could not deliver (the member's DMs were closed). */
  held: z.record(z.string(), z.number()).default({}),
});
export type ReminderPlan = z.infer<typeof reminderPlanSchema>;

/** How many requests one member may keep (a job change and a card expiry, with room to spare). */
export const MAX_PLANS_PER_MEMBER = 5;
const MAX_PLANS = 100_000;
const PAGE = 200;

export const reminderPlans = (store: Store): RecordSet<ReminderPlan> => store.records<ReminderPlan>('reminders', { max: MAX_PLANS });

/** The per-member marker that reminders are waiting to be told in Discord (DMs were closed): read on each command. */
const heldFlag = (store: Store) => store.namespace<true>('member');
const heldKey = (userId: string) => `${userId}:reminders-held`;

/** The scheduler's short claim on sending one reminder of a request (so one process sends it). */
export const leasePrefix = (id: string) => `reminder-lease:${id}:`;

/** Every stored request (all members), oldest first, skipping any that do not parse. */
export async function allPlans(store: Store): Promise<StoredRecord<ReminderPlan>[]> {
  const set = reminderPlans(store);
  const out: StoredRecord<ReminderPlan>[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await set.list({ limit: PAGE, ...(before !== undefined && { before }) });
    for (const r of page) {
      const parsed = reminderPlanSchema.safeParse(r.value);
      if (parsed.success) out.push({ ...r, value: parsed.data });
    }
    if (page.length < PAGE) return out.reverse();
    before = page[page.length - 1]!.id;
  }
}

export async function plansOf(store: Store, userId: string): Promise<StoredRecord<ReminderPlan>[]> {
  return (await allPlans(store)).filter((r) => r.value.userId === userId);
}

const sameDates = (a: DeadlineInput, b: DeadlineInput) => a.left === b.left && a.joined === b.joined && a.expiry === b.expiry;

/** Stores a request; the same dates again return the existing one. Undefined when the member has the maximum. */
export async function addPlan(
  store: Store,
  userId: string,
  dates: DeadlineInput,
  now: number,
): Promise<{ id: string; existing: boolean } | undefined> {
  return withLock(store, `reminders:${userId}`, async () => {
    const mine = await plansOf(store, userId);
    const same = mine.find((r) => sameDates(r.value.dates, dates));
    if (same) return { id: same.id, existing: true };
    if (mine.length >= MAX_PLANS_PER_MEMBER) return undefined;
    const plan: ReminderPlan = { userId, dates: { ...dates }, createdAt: now, sent: {}, held: {} };
    return { id: await reminderPlans(store).append(plan, now), existing: false };
  });
}

/** Removes one of the member's requests (or all with `id` undefined); returns how many went. */
export async function removePlans(store: Store, userId: string, id?: string): Promise<number> {
  const mine = (await plansOf(store, userId)).filter((r) => id === undefined || r.id === id);
  let removed = 0;
  for (const r of mine) {
    if (await reminderPlans(store).remove(r.id)) removed += 1;
    await store.deletePrefix(leasePrefix(r.id));
  }
  if (id === undefined || (await plansOf(store, userId)).every((r) => Object.keys(r.value.held).length === 0)) {
    await heldFlag(store).delete(heldKey(userId));
  }
  return removed;
}

/** Read-modify-write of one request under its lock; false when it is gone (cancelled meanwhile). */
export async function updatePlan(store: Store, id: string, change: (plan: ReminderPlan) => void): Promise<boolean> {
  return withLock(store, `reminder:${id}`, async () => {
    const record = await reminderPlans(store).get(id);
    const parsed = reminderPlanSchema.safeParse(record?.value);
    if (!record || !parsed.success) return false;
    change(parsed.data);
    return reminderPlans(store).put(id, parsed.data);
  });
}

/** A reminder could not be sent by DM: it is kept, and the member is told the next time they use a command. */
export async function holdReminder(store: Store, id: string, userId: string, key: string, dueAt: number): Promise<void> {
  if (await updatePlan(store, id, (p) => void (p.held[key] = dueAt))) await heldFlag(store).set(heldKey(userId), true);
}

/** Whether reminders are waiting for the member (one read; cheap enough for every command). */
export async function hasHeldReminders(store: Store, userId: string): Promise<boolean> {
  return (await heldFlag(store).get(heldKey(userId))) === true;
}

/**
 * Takes the member's held reminders (so two commands at once do not both show them): each becomes sent, and the marker
 * goes. Returns the request ids and reminder keys taken.
 */
export async function takeHeldReminders(
  store: Store,
  userId: string,
  now: number,
): Promise<{ id: string; plan: ReminderPlan; keys: string[] }[]> {
  const claim = await store.claim(`reminders-held-take:${userId}`, 30_000);
  if (!claim.claimed) return [];
  try {
    const taken: { id: string; plan: ReminderPlan; keys: string[] }[] = [];
    for (const r of await plansOf(store, userId)) {
      let keys: string[] = [];
      await updatePlan(store, r.id, (p) => {
        keys = Object.keys(p.held);
        for (const k of keys) p.sent[k] = now;
        p.held = {};
      });
      if (keys.length > 0) taken.push({ id: r.id, plan: r.value, keys });
    }
    await heldFlag(store).delete(heldKey(userId));
    return taken;
  } finally {
    await store.release(`reminders-held-take:${userId}`);
  }
}
