import type { APIEmbed } from 'discord.js';
import { planDeadlines, type PlannedDeadline, type PlannedReminder } from '../engines/deadlines.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { Logger } from '../logger.js';
import type { Store, StoredRecord } from '../store/store.js';
import { renderReminderForDiscord } from './render-rules.js';
import { allPlans, holdReminder, leasePrefix, reminderPlans, reminderPlanSchema, updatePlan, type ReminderPlan } from './reminders.js';

/**
 * Sends members' reminders when they fall due. Every process (every shard) runs one; each reminder is claimed in the
 * store before it is sent and marked sent in its record after, so it goes out once however many run at the same time.
 * A reminder missed while the bot was down goes out at the next pass, late, with a note. When the member's DMs are
 * closed it is kept (held) and they are told the next time they use a command.
 */

export interface DueReminder {
  deadline: PlannedDeadline;
  reminder: PlannedReminder;
  /** Set when it goes out more than `lateAfterMs` after its time: the instant it was due. */
  lateSince: number | undefined;
}

/** What a DM attempt came to: delivered, or refused because the member does not accept DMs from the bot. */
export type Delivery = 'sent' | 'dms-closed';

export interface SchedulerDeps {
  store: Store;
  knowledge(): KnowledgeBase;
  /** Sends a DM; resolves 'dms-closed' when Discord refuses it for that reason, throws on any other failure. */
  deliver(userId: string, embed: APIEmbed): Promise<Delivery>;
  now(): number;
  log: Logger;
  /** How long a process holds its claim on sending one reminder (default 10 min); after a crash it is retried then. */
  leaseMs?: number;
  /** How long after its time a reminder counts as late (default 15 min). */
  lateAfterMs?: number;
}

export interface PassResult {
  sent: number;
  held: number;
  failed: number;
  /** Claimed by another process (or already sent by one): left alone. */
  skipped: number;
}

/**
 * The reminders of one request due at `now` and not yet sent or held: those whose time has come since the member
 * asked (a reminder already past when they asked is never sent). Plain: the dates come from the rules each time.
 */
export function dueReminders(kb: KnowledgeBase, plan: ReminderPlan, now: number, lateAfterMs = 15 * 60_000): DueReminder[] {
  return planDeadlines(kb.rules.deadlines, plan.dates)
    .flatMap((deadline) => deadline.reminders.map((reminder) => ({ deadline, reminder })))
    .filter(
      ({ reminder }) => reminder.at <= now && reminder.at > plan.createdAt && !(reminder.key in plan.sent) && !(reminder.key in plan.held),
    )
    .map(({ deadline, reminder }) => ({ deadline, reminder, lateSince: now - reminder.at > lateAfterMs ? reminder.at : undefined }));
}

type Outcome = keyof PassResult;

async function sendOne(deps: SchedulerDeps, record: StoredRecord<ReminderPlan>, due: DueReminder): Promise<Outcome> {
  const { store, log } = deps;
  const key = due.reminder.key;
  const lease = `${leasePrefix(record.id)}${key}`;
  if (!(await store.claim(lease, deps.leaseMs ?? 10 * 60_000)).claimed) return 'skipped';
  // Read again under the claim: another process may have sent it (or the member cancelled) since the list was read.
  const fresh = reminderPlanSchema.safeParse((await reminderPlans(store).get(record.id))?.value);
  if (!fresh.success || key in fresh.data.sent || key in fresh.data.held) return 'skipped';
  const fields = { reminder: key, late: due.lateSince !== undefined };
  let delivery: Delivery;
  try {
    delivery = await deps.deliver(
      record.value.userId,
      renderReminderForDiscord(due.deadline, due.reminder, deps.knowledge(), due.lateSince),
    );
  } catch (err) {
    await store.release(lease); // retried at the next pass
    log.warn({ err, ...fields }, 'reminder DM failed; retrying at the next pass');
    return 'failed';
  }
  if (delivery === 'dms-closed') {
    await holdReminder(store, record.id, record.value.userId, key, due.reminder.at);
    log.info(fields, 'reminder held: the member does not accept DMs');
    return 'held';
  }
  await updatePlan(store, record.id, (p) => void (p.sent[key] = deps.now()));
  log.info(fields, 'reminder sent');
  return 'sent';
}

/** Whether a request has nothing left to do: every reminder's time has passed, and none is held for the member. */
export function finished(kb: KnowledgeBase, plan: ReminderPlan, now: number): boolean {
  const reminders = planDeadlines(kb.rules.deadlines, plan.dates).flatMap((d) => d.reminders);
  return Object.keys(plan.held).length === 0 && reminders.every((r) => r.at <= now && (r.key in plan.sent || r.at <= plan.createdAt));
}

/** Removes a finished request (re-read first: a reminder may have been held since the list was read). */
async function forget(store: Store, id: string): Promise<void> {
  const fresh = reminderPlanSchema.safeParse((await reminderPlans(store).get(id))?.value);
  if (fresh.success && Object.keys(fresh.data.held).length > 0) return;
  await reminderPlans(store).remove(id);
  await store.deletePrefix(leasePrefix(id));
}

/** One pass over every stored request: sends what is due. Never throws (a failing store is logged and retried). */
export async function runReminderPass(deps: SchedulerDeps): Promise<PassResult> {
  const result: PassResult = { sent: 0, held: 0, failed: 0, skipped: 0 };
  try {
    const now = deps.now();
    for (const record of await allPlans(deps.store)) {
      const due = dueReminders(deps.knowledge(), record.value, now, deps.lateAfterMs);
      for (const one of due) result[await sendOne(deps, record, one)] += 1;
      if (finished(deps.knowledge(), record.value, now)) await forget(deps.store, record.id);
    }
  } catch (err) {
    deps.log.warn({ err }, 'reminder pass failed; retrying at the next one');
  }
  return result;
}

export interface ReminderScheduler {
  /** Runs a pass now (also what the timer does); passes never overlap within one process. */
  pass(): Promise<PassResult>;
  stop(): Promise<void>;
}

/** Runs a pass every `intervalMs` (default a minute), until stopped; `pass()` runs one at once (tests, start-up). */
export function startReminderScheduler(deps: SchedulerDeps, intervalMs = 60_000): ReminderScheduler {
  let running: Promise<PassResult> | undefined;
  const pass = () => (running ??= runReminderPass(deps).finally(() => (running = undefined)));
  const timer = setInterval(() => void pass(), intervalMs);
  timer.unref();
  return {
    pass,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
