import { describe, expect, it } from 'vitest';
import { createKnowledgeSync } from '../../src/discord/knowledge-sync.js';
import { memoryStore } from '../../src/store/store.js';
import { memoryLogger } from '../support/logger.js';

/** Two shards' syncs over one shared store, counting the reloads each makes. */
function twoShards(announced?: () => void) {
  const store = memoryStore();
  const { logger } = memoryLogger();
  const reloads = { a: 0, b: 0 };
  const a = createKnowledgeSync(store, logger, () => Promise.resolve(void reloads.a++), {
    intervalMs: 60_000,
    ...(announced && { onAnnounce: announced }),
  });
  const b = createKnowledgeSync(store, logger, () => Promise.resolve(void reloads.b++), { intervalMs: 60_000 });
  return { store, a, b, reloads };
}

describe('knowledge sync between shards', () => {
  it('GIVEN shard A announces a reload THEN shard B reloads once on its next look, and A never reloads for its own', async () => {
    let nudges = 0;
    const { a, b, reloads } = twoShards(() => nudges++);
    await a.start();
    await b.start();
    await a.announce('v2');
    await b.check();
    await b.check();
    await a.check();
    expect(reloads).toEqual({ a: 0, b: 1 });
    expect(nudges).toBe(1);
    a.stop();
    b.stop();
  });

  it('GIVEN an announcement made before a shard started THEN that shard does not reload for it (it read knowledge/ at start)', async () => {
    const { a, b, reloads } = twoShards();
    await a.start();
    await a.announce('v2');
    await b.start();
    await b.check();
    expect(reloads.b).toBe(0);
    await a.announce('v3');
    await b.check();
    expect(reloads.b).toBe(1);
    a.stop();
    b.stop();
  });

  it('GIVEN the polling interval THEN a shard follows without being nudged', async () => {
    const store = memoryStore();
    const { logger } = memoryLogger();
    let reloaded = 0;
    const a = createKnowledgeSync(store, logger, () => Promise.resolve());
    const b = createKnowledgeSync(store, logger, () => Promise.resolve(void reloaded++), { intervalMs: 20 });
    await b.start();
    await a.announce('v2');
    for (let waited = 0; reloaded === 0 && waited < 2_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    b.stop();
    expect(reloaded).toBe(1);
  });
});
