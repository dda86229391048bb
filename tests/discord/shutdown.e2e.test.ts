/**
 * A graceful stop (SIGTERM, a deploy) while interactions are still being handled: each one the bot took in finishes —
 * its reply and what it saves — before the store closes, so nothing a member did in the last moments is lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCuratorQueue } from '../../src/curation/queue.js';
import { createStore } from '../../src/store/store.js';
import { startTestBot } from '../support/bot.js';
import { memoryLogger } from '../support/logger.js';

const dir = mkdtempSync(path.join(tmpdir(), 'shutdown-'));
const storeUrl = `sqlite://${path.join(dir, 'bot.sqlite')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a graceful stop during a burst', () => {
  it('GIVEN 20 unanswered /ask questions in flight WHEN the bot stops THEN each got its reply and all 20 reach the curator queue', async () => {
    const t = await startTestBot({ store: await createStore(storeUrl, memoryLogger().logger) });
    const questions = Array.from({ length: 20 }, (_, i) => `what does the blue parrot number ${i + 1} eat for breakfast`);
    const sent = t.fake.together(() =>
      questions.map((question, i) => t.fake.slash('ask', { question }, { user: t.fake.user(`asker-${i}`) })),
    );
    await t.fake.waitForResponse(sent[0]!.id); // the burst has reached the bot and is being handled
    await t.close();
    for (const i of sent) expect((await t.fake.waitForResponse(i.id, 1)).type).toBe(4);
    expect(
      t.logs
        .lines()
        .filter((l) => (l.level as number) >= 40)
        .map((l) => l.msg),
    ).toEqual([]);

    const reopened = await createStore(storeUrl, memoryLogger().logger);
    const items = await createCuratorQueue(reopened).list(t.fake.guild.id);
    await reopened.close();
    expect(items.map((i) => i.question).sort()).toEqual([...questions].sort());
  });
});
