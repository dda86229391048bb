import type { Store } from '../store/store.js';
import { removePlans } from './reminders.js';

/**
 * Where the bot keeps data about one member: every key under `member:<userId>:` (profile, the marker that reminders
 * wait to be told), their answer ratings under `vote:<userId>:`, and their reminder requests in the shared
 * `reminders` record set (one record per request, naming them by user id). Counters that only enforce limits (the
 * help-channel cooldown, the daily AI-draft count) expire by themselves within a day and are not listed here.
 */
export const memberPrefixes = (userId: string) => [`member:${userId}:`, `vote:${userId}:`];

/** /profile delete: erases everything listed above; returns how many stored items went. */
export async function deleteMemberData(store: Store, userId: string): Promise<number> {
  let deleted = await removePlans(store, userId);
  for (const prefix of memberPrefixes(userId)) deleted += await store.deletePrefix(prefix);
  return deleted;
}
