import { beforeEach, describe, expect, it } from 'vitest';
import { createCuratorQueue, type CuratorQueue } from '../../src/curation/queue.js';
import { cleanComment } from '../../src/curation/reasons.js';
import { readTallies } from '../../src/curation/stats.js';
import { recordVote, type FeedbackVote } from '../../src/curation/votes.js';
import { memoryStore, type Store } from '../../src/store/store.js';

const GUILD = '100000000000000001';
const OTHER = '100000000000000002';
const ENTRY = 'job-change-notification';

let store: Store;
let queue: CuratorQueue;
beforeEach(() => {
  store = memoryStore();
  queue = createCuratorQueue(store);
});

const vote = (over: Partial<FeedbackVote> = {}): FeedbackVote => ({
  guildId: GUILD,
  userId: 'alice',
  messageId: 'm1',
  vote: 'down',
  entryId: ENTRY,
  kind: 'k',
  question: 'how many days after quitting?',
  ...over,
});
const tally = async (guildId?: string) => (await readTallies(store, guildId)).find((t) => t.entryId === ENTRY);

describe('tallies', () => {
  it('GIVEN votes in two servers THEN the overall tally counts both and each server only its own', async () => {
    await recordVote(store, queue, vote({ vote: 'up' }));
    await recordVote(store, queue, vote({ userId: 'bob' }));
    await recordVote(store, queue, vote({ guildId: OTHER, userId: 'carol', messageId: 'm2' }));
    expect(await tally()).toEqual({ entryId: ENTRY, up: 1, down: 2, reasons: {} });
    expect(await tally(GUILD)).toEqual({ entryId: ENTRY, up: 1, down: 1, reasons: {} });
    expect(await tally(OTHER)).toEqual({ entryId: ENTRY, up: 0, down: 1, reasons: {} });
  });

  it('GIVEN a member changing their vote THEN it moves from one count to the other, and repeating it changes nothing', async () => {
    expect(await recordVote(store, queue, vote({ vote: 'up' }))).toBeUndefined();
    expect(await recordVote(store, queue, vote({ vote: 'up' }))).toBe('up');
    expect(await recordVote(store, queue, vote({ vote: 'down' }))).toBe('up');
    expect(await tally(GUILD)).toMatchObject({ up: 0, down: 1 });
  });

  it('GIVEN a vote in a DM (no server) THEN only the overall tally counts it and nothing is queued', async () => {
    await recordVote(store, queue, vote({ guildId: null, because: { reason: 'unclear' } }));
    expect(await tally()).toEqual({ entryId: ENTRY, up: 0, down: 1, reasons: { unclear: 1 } });
    expect(await readTallies(store, GUILD)).toEqual([]);
  });
});

describe('reasons', () => {
  it('GIVEN a 👎 and then its reason THEN the reason is counted once and added to the member’s queue record', async () => {
    await recordVote(store, queue, vote());
    await recordVote(store, queue, vote({ because: { reason: 'out-of-date', comment: 'The form changed in 2026.' } }));
    expect(await tally(GUILD)).toEqual({ entryId: ENTRY, up: 0, down: 1, reasons: { 'out-of-date': 1 } });
    const [item] = await queue.list(GUILD);
    expect(item).toMatchObject({
      kind: 'downvoted',
      entryId: ENTRY,
      count: 1,
      reasons: { 'out-of-date': 1 },
      comments: ['The form changed in 2026.'],
    });
  });

  it('GIVEN a member changing their reason THEN the count moves; their comment is replaced, not added', async () => {
    await recordVote(store, queue, vote({ because: { reason: 'unclear', comment: 'first' } }));
    await recordVote(store, queue, vote({ because: { reason: 'missing' } }));
    expect((await tally(GUILD))?.reasons).toEqual({ missing: 1 });
    expect((await queue.list(GUILD))[0]).toMatchObject({ reasons: { missing: 1 }, comments: [] });
  });

  it('GIVEN a reason WHEN the member changes to 👍 THEN the reason is withdrawn; a later 👎 has none until given', async () => {
    await recordVote(store, queue, vote({ because: { reason: 'wrong-topic' } }));
    await recordVote(store, queue, vote({ vote: 'up' }));
    expect(await tally(GUILD)).toEqual({ entryId: ENTRY, up: 1, down: 0, reasons: {} });
    await recordVote(store, queue, vote());
    expect((await tally(GUILD))?.reasons).toEqual({});
  });

  it('GIVEN two members giving reasons on one answer THEN each counts, and each record keeps its own', async () => {
    await recordVote(store, queue, vote({ because: { reason: 'unclear', comment: 'too long' } }));
    await recordVote(store, queue, vote({ userId: 'bob', because: { reason: 'unclear', comment: 'which form?' } }));
    expect((await tally(GUILD))?.reasons).toEqual({ unclear: 2 });
    expect((await queue.list(GUILD))[0]).toMatchObject({ count: 2, reasons: { unclear: 2 }, comments: ['which form?', 'too long'] });
  });

  it('GIVEN the record was marked done WHEN the member then gives a reason THEN it is counted and nothing is re-queued', async () => {
    await recordVote(store, queue, vote());
    const [item] = await queue.list(GUILD);
    expect(await queue.done(GUILD, item!.id)).toBe(1);
    await recordVote(store, queue, vote({ because: { reason: 'other', comment: 'late' } }));
    expect(await queue.list(GUILD)).toEqual([]);
    expect((await tally(GUILD))?.reasons).toEqual({ other: 1 });
  });
});

describe('comments', () => {
  it.each([
    ['  spaced\n\tout  ', 'spaced out'],
    ['bell\u0007and\u0000nul', 'bell and nul'],
    ['', undefined],
    ['   ', undefined],
    [undefined, undefined],
  ])('cleans %j to %j', (input, expected) => {
    expect(cleanComment(input)).toBe(expected);
  });

  it('keeps at most 300 characters (code points)', () => {
    expect([...(cleanComment('語'.repeat(400)) ?? '')]).toHaveLength(300);
  });
});
