/**
 * The behaviour every store backend (memory, SQLite, Redis) must have, including under simultaneous calls: the same
 * suite runs against each.
 */
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';

/** Keys are fresh per run: a shared test Redis (TEST_REDIS_URL) keeps what earlier runs wrote. */
const RUN = `run${Date.now()}-`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

export function behavesLikeAStore(open: () => Promise<Store>) {
  const withStore = (name: string, test: (store: Store) => Promise<void>) =>
    it(name, async () => {
      const store = await open();
      try {
        await test(store);
      } finally {
        await store.close();
      }
    });

  withStore('GIVEN a value THEN it reads back typed, per namespace, and deletes', async (store) => {
    const channels = store.namespace<string[]>('help-channels');
    await channels.set('guild-1', ['111', '222']);
    expect(await channels.get('guild-1')).toEqual(['111', '222']);
    expect(await store.namespace<string[]>('other').get('guild-1')).toBeUndefined();
    await channels.delete('guild-1');
    expect(await channels.get('guild-1')).toBeUndefined();
  });

  withStore('GIVEN a TTL THEN the value expires', async (store) => {
    const cooldowns = store.namespace<number>('ttl');
    await cooldowns.set('user', 42, 400);
    expect(await cooldowns.get('user')).toBe(42);
    await sleep(500);
    expect(await cooldowns.get('user')).toBeUndefined();
  });

  withStore('claim: GIVEN 50 simultaneous claims of one key THEN exactly one wins, the others learn how long is left', async (store) => {
    const results = await times(50, () => store.claim(`${RUN}t-claim:a`, 10_000));
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    for (const r of results) if (!r.claimed) expect(r.remainingMs).toBeGreaterThan(9_000);
    await store.release(`${RUN}t-claim:a`);
    expect(await store.claim(`${RUN}t-claim:a`, 10_000)).toEqual({ claimed: true });
  });

  withStore('claim: GIVEN an expired claim THEN it can be claimed again; a claim without TTL never expires', async (store) => {
    expect((await store.claim(`${RUN}t-claim:b`, 50)).claimed).toBe(true);
    await sleep(120);
    expect((await store.claim(`${RUN}t-claim:b`, 50)).claimed).toBe(true);
    expect(await store.claim(`${RUN}t-claim:forever`)).toEqual({ claimed: true });
    expect(await store.claim(`${RUN}t-claim:forever`, 10)).toEqual({ claimed: false, remainingMs: Infinity });
  });

  withStore('increment: GIVEN 100 simultaneous increments THEN the counter is 100; with a TTL it starts again after it', async (store) => {
    const values = await times(100, () => store.increment(`${RUN}t-count:x`, 1, 60_000));
    expect(new Set(values).size).toBe(100);
    expect(Math.max(...values)).toBe(100);
    expect(await store.increment(`${RUN}t-count:x`, -10)).toBe(90);
    expect(await store.increment(`${RUN}t-count:short`, 5, 50)).toBe(5);
    await sleep(120);
    expect(await store.increment(`${RUN}t-count:short`, 1, 60_000)).toBe(1); // a new window, with the new TTL
    expect(await store.counters(`${RUN}t-count:`)).toEqual(
      new Map([
        [`${RUN}t-count:x`, 90],
        [`${RUN}t-count:short`, 1],
      ]),
    );
  });

  withStore('exchange: GIVEN simultaneous exchanges THEN each sees a different previous value and none is lost', async (store) => {
    expect(await store.exchange(`${RUN}t-reg:v`, 'first')).toBeUndefined();
    const previous = await times(20, (i) => store.exchange(`${RUN}t-reg:v`, `v${i}`));
    const seen = [...previous, await store.exchange(`${RUN}t-reg:v`, 'last')];
    expect(new Set(seen).size).toBe(21);
    expect(seen).toContain('first');
    expect(await store.exchange(`${RUN}t-reg:obj`, { vote: 'up' }, 50)).toBeUndefined();
    await sleep(120);
    expect(await store.exchange(`${RUN}t-reg:obj`, { vote: 'down' })).toBeUndefined();
    expect(await store.exchange(`${RUN}t-reg:obj`, { vote: 'up' })).toEqual({ vote: 'down' });
  });

  withStore(
    'records: GIVEN 60 simultaneous appends THEN 60 records, listed newest first in pages, each readable and replaceable',
    async (store) => {
      const set = store.records<{ n: number }>(`${RUN}t-rec:guild`);
      const ids = await times(60, (n) => set.append({ n }, 1_000 + n));
      expect(new Set(ids).size).toBe(60);
      expect(await set.count()).toBe(60);
      const first = await set.list({ limit: 25 });
      const second = await set.list({ limit: 25, before: first.at(-1)!.id });
      const third = await set.list({ limit: 25, before: second.at(-1)!.id });
      const all = [...first, ...second, ...third];
      expect(all.map((r) => r.id)).toEqual([...ids].sort((a, b) => Number(b) - Number(a)));
      expect(new Set(all.map((r) => r.value.n)).size).toBe(60);
      const one = all[10]!;
      expect(await set.get(one.id)).toEqual(one);
      expect(await set.put(one.id, { n: -1 })).toBe(true);
      expect(await set.get(one.id)).toEqual({ ...one, value: { n: -1 } });
      expect(await set.remove(one.id)).toBe(true);
      expect(await set.remove(one.id)).toBe(false);
      expect(await set.put(one.id, { n: -2 })).toBe(false);
      expect(await set.count()).toBe(59);
      expect(await store.records(`${RUN}t-rec:other`).count()).toBe(0);
      await set.clear();
      expect(await set.list()).toEqual([]);
    },
  );

  withStore('records: GIVEN more appends than the set keeps THEN the oldest are dropped', async (store) => {
    const set = store.records<number>(`${RUN}t-rec:capped`, { max: 5 });
    for (let n = 0; n < 8; n++) await set.append(n);
    expect((await set.list()).map((r) => r.value)).toEqual([7, 6, 5, 4, 3]);
    expect(await set.count()).toBe(5);
  });

  withStore("deletePrefix: GIVEN a member's data in every kind of storage THEN all of it goes, and nobody else's", async (store) => {
    await store.namespace<string>(`${RUN}profile`).set('m1', 'likes ramen');
    await store.namespace<string>(`${RUN}profile`).set('m2', 'keeps this');
    await store.claim(`${RUN}profile:m1:reminder`, 60_000);
    await store.increment(`${RUN}profile:m1:asked`, 3);
    await store.exchange(`${RUN}profile:m1:vote`, 'up');
    await store.records(`${RUN}profile:m1:notes`).append('a');
    await store.records(`${RUN}profile:m1:notes`).append('b');
    expect(await store.deletePrefix(`${RUN}profile:m1`)).toBe(6);
    expect(await store.namespace<string>(`${RUN}profile`).get('m1')).toBeUndefined();
    expect(await store.namespace<string>(`${RUN}profile`).get('m2')).toBe('keeps this');
    expect((await store.claim(`${RUN}profile:m1:reminder`, 60_000)).claimed).toBe(true);
    expect(await store.increment(`${RUN}profile:m1:asked`)).toBe(1);
    expect(await store.exchange(`${RUN}profile:m1:vote`, 'down')).toBeUndefined();
    expect(await store.records(`${RUN}profile:m1:notes`).count()).toBe(0);
    expect(await store.deletePrefix(`${RUN}profile:*[?`)).toBe(0);
  });

  withStore('GIVEN a TTL of zero THEN it is refused as a programming error', async (store) => {
    await expect(store.claim(`${RUN}t-claim:zero`, 0)).rejects.toThrow(RangeError);
  });
}
