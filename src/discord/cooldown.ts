import type { Store } from '../store/store.js';

export type CooldownTurn = { ok: true; release(): Promise<void> } | { ok: false; remainingMs: number };

export interface Cooldown {
  /**
   * Takes the member's turn atomically (one of any number of simultaneous messages, across servers, shards and
   * processes, gets it).
   * Release it when nothing was sent, so the member can ask again at once. When the store fails, the member gets
   * the turn (an answer matters more than the cooldown; the store's monitor has logged the fault).
   * `threadId`: a mention inside a thread takes the member's turn in that thread only (see `cooldownKey`).
   */
  take(userId: string, threadId?: string): Promise<CooldownTurn>;
}

const noop = () => Promise.resolve();

/**
 * The store key of a member's help-channel cooldown: one per member, whichever server or shard they ask in — and one
 * per member and thread for mentions inside a thread, so a follow-up to the answer just given there is not refused
 * for the question that opened it, while a second mention in the same thread within the cooldown still is.
 */
export const cooldownKey = (userId: string, threadId?: string) =>
  threadId === undefined ? `cooldown:${userId}` : `cooldown:${userId}:${threadId}`;

/**
 * The help-channel cooldown: one answer per member per `seconds` (0 = none), wherever they ask — a member who
 * cross-posts a question in two servers that both run the bot (on different shards, too) gets one answer.
 */
export function createCooldown(store: Store, seconds: number): Cooldown {
  return {
    async take(userId, threadId) {
      if (seconds <= 0) return { ok: true, release: noop };
      const key = cooldownKey(userId, threadId);
      const claim = await store.claim(key, seconds * 1000).catch(() => ({ claimed: true as const, failed: true }));
      if (!claim.claimed) return { ok: false, remainingMs: claim.remainingMs };
      if ('failed' in claim) return { ok: true, release: noop };
      return { ok: true, release: () => store.release(key).catch(() => undefined) };
    },
  };
}

/** "you can ask again in 20 s" (rounded up, at least 1 s). */
export function waitText(remainingMs: number): string {
  const s = Math.max(1, Math.ceil(remainingMs / 1000));
  return s >= 120 ? `${Math.ceil(s / 60)} min` : `${s} s`;
}
