import type { Store } from '../store/store.js';

/**
 * Where the bot keeps data about one member: every key under `member:<userId>:` (profile, reminders, reminders held
 * while their DMs were closed) and their answer ratings under `vote:<userId>:`. Counters that only enforce limits
 * (the help-channel cooldown, the daily AI-draft count) expire by themselves within a day and are not listed here.
 */
export const memberPrefixes = (userId: string) => [`member:${userId}:`, `vote:${userId}:`];

/** /profile delete: erases everything listed above; returns how many stored items went. */
export async function deleteMemberData(store: Store, userId: string): Promise<number> {
  let deleted = 0;
  for (const prefix of memberPrefixes(userId)) deleted += await store.deletePrefix(prefix);
  return deleted;
}
