import type { Store } from '../store/store.js';

export type CooldownTurn = { ok: true; release(): Promise<void> } | { ok: false; remainingMs: number };

export interface Cooldown {
  /**
   * Takes the member's turn atomically (one of any number of simultaneous messages, across processes, gets it).
   * Release it when nothing was sent, so the member can ask again at once. When the store fails, the member gets
   * the turn (an answer matters more than the cooldown; the store's monitor has logged the fault).
   */
  take(guildId: string, userId: string): Promise<CooldownTurn>;
}

const noop = () => Promise.resolve();

/** The help-channel cooldown: one answer per member per `seconds` (0 = none). */
export function createCooldown(store: Store, seconds: number): Cooldown {
  return {
    async take(guildId, userId) {
      if (seconds <= 0) return { ok: true, release: noop };
      const key = `cooldown:${guildId}:${userId}`;
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
