/**
 * A 1,000-interaction burst to the bot running as its own process (`npm start`, SQLite store), the bench's mix (every
 * 4th an /ask), 40 of its /ask questions not covered by the guides: every one of the 40 reaches the curator queue.
 */
import { expect, it } from 'vitest';
import { createStore } from '../../src/store/store.js';
import { runBurst, unansweredQuestion } from '../bench/burst.js';
import { memoryLogger } from '../support/logger.js';

const UNANSWERED = 40;

it(`GIVEN a 1,000-interaction burst with ${UNANSWERED} unanswered questions THEN the curator queue holds ${UNANSWERED} records`, async () => {
  let records: { question: string }[] = [];
  await runBurst({
    total: 1000,
    unanswered: UNANSWERED,
    deadlineMs: 180_000, // this is about the data kept, not speed: a loaded test machine must not turn it into a timing test
    async afterResponses({ fake, storeFile }) {
      const store = await createStore(`sqlite://${storeFile}`, memoryLogger().logger);
      try {
        const queue = store.records<{ question: string }>(`queue:${fake.guild.id}`);
        // The bot queues a question right after answering it: give the last writes a moment to land.
        for (let waited = 0; waited < 20_000 && (await queue.count()) < UNANSWERED; waited += 200)
          await new Promise((r) => setTimeout(r, 200));
        await new Promise((r) => setTimeout(r, 500));
        records = (await queue.list({ limit: 1000 })).map((r) => r.value);
      } finally {
        await store.close();
      }
      expect(fake.violations).toEqual([]);
    },
  });
  expect(records.map((r) => r.question).sort()).toEqual(Array.from({ length: UNANSWERED }, (_, n) => unansweredQuestion(n)).sort());
}, 300_000);
