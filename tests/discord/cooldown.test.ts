import { describe, expect, it } from 'vitest';
import { cooldownKey, createCooldown, waitText } from '../../src/discord/cooldown.js';
import { memoryStore, type Store } from '../../src/store/store.js';

describe('help-channel cooldown', () => {
  it('GIVEN a member took their turn THEN a second one is refused with the time left, and another member is not affected', async () => {
    const cooldown = createCooldown(memoryStore(), 30);
    expect((await cooldown.take('member-1')).ok).toBe(true);
    const again = await cooldown.take('member-1');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.remainingMs).toBeGreaterThan(29_000);
    expect((await cooldown.take('member-2')).ok).toBe(true);
  });

  it('GIVEN one store shared by two bots (servers on different shards) THEN the member has one turn across them', async () => {
    const store = memoryStore();
    const [shard0, shard1] = [createCooldown(store, 30), createCooldown(store, 30)];
    const turns = await Promise.all([shard0.take('member-1'), shard1.take('member-1'), shard1.take('member-1')]);
    expect(turns.filter((t) => t.ok)).toHaveLength(1);
    expect(await store.claim(cooldownKey('member-1'), 1000)).toMatchObject({ claimed: false });
  });

  it('GIVEN a member took their turn WHEN they ask in a thread THEN that thread has a turn of its own, once per cooldown', async () => {
    const cooldown = createCooldown(memoryStore(), 30);
    expect((await cooldown.take('member-1')).ok).toBe(true);
    expect((await cooldown.take('member-1', 'thread-1')).ok).toBe(true);
    expect((await cooldown.take('member-1', 'thread-1')).ok).toBe(false);
    expect((await cooldown.take('member-1', 'thread-2')).ok).toBe(true);
    expect((await cooldown.take('member-2', 'thread-1')).ok).toBe(true);
    // The thread's turn does not give back the member's own: a new question elsewhere still waits.
    expect((await cooldown.take('member-1')).ok).toBe(false);
  });

  it('GIVEN the turn is released (nothing was sent) THEN the member can ask again at once', async () => {
    const cooldown = createCooldown(memoryStore(), 30);
    const turn = await cooldown.take('member-1');
    if (turn.ok) await turn.release();
    expect((await cooldown.take('member-1')).ok).toBe(true);
  });

  it('GIVEN a cooldown of 0 THEN every message gets a turn and nothing is stored', async () => {
    const store = memoryStore();
    const cooldown = createCooldown(store, 0);
    expect((await cooldown.take('member-1')).ok).toBe(true);
    expect((await cooldown.take('member-1')).ok).toBe(true);
    expect(await store.claim(cooldownKey('member-1'), 1000)).toEqual({ claimed: true });
  });

  it('GIVEN the store fails THEN the member gets the turn', async () => {
    const failing = { ...memoryStore(), claim: () => Promise.reject(new Error('down')) } as Store;
    expect((await createCooldown(failing, 30).take('member-1')).ok).toBe(true);
  });

  it('words the time left', () => {
    expect(waitText(19_100)).toBe('20 s');
    expect(waitText(0)).toBe('1 s');
    expect(waitText(300_000)).toBe('5 min');
  });
});
