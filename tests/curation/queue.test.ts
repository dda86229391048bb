import { beforeEach, describe, expect, it } from 'vitest';
import { queueExport } from '../../src/curation/export.js';
import { createCuratorQueue, unansweredRecord, type CuratorQueue } from '../../src/curation/queue.js';
import { groupUnanswered, parseTallies, serverStats } from '../../src/curation/stats.js';
import { memoryStore } from '../../src/store/store.js';

const GUILD = '100000000000000001';
let queue: CuratorQueue;
beforeEach(() => {
  queue = createCuratorQueue(memoryStore());
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 12, minute));

describe('the curator queue', () => {
  it('GIVEN the same question asked twice (case and spacing aside) THEN one item with both records, named by the newest', async () => {
    const first = await queue.add(GUILD, { kind: 'unanswered', question: 'Best  ramen?' }, at(1));
    const second = await queue.add(GUILD, { kind: 'unanswered', question: 'best ramen?' }, at(2));
    expect(await queue.list(GUILD)).toEqual([
      {
        id: second,
        kind: 'unanswered',
        question: 'best ramen?',
        count: 2,
        lastAt: at(2).toISOString(),
        reasons: {},
        comments: [],
        recordIds: [second, first],
      },
    ]);
  });

  it('GIVEN an item marked done WHEN the question was asked again after it was shown THEN only what was shown leaves', async () => {
    await queue.add(GUILD, { kind: 'unanswered', question: 'q' });
    const shown = (await queue.list(GUILD))[0]!.id;
    const later = await queue.add(GUILD, { kind: 'unanswered', question: 'q' });
    expect(await queue.done(GUILD, shown)).toBe(1);
    expect((await queue.list(GUILD)).map((i) => [i.id, i.count])).toEqual([[later, 1]]);
  });

  it('GIVEN an item already done (twice clicked, or by another curator) THEN done again removes nothing', async () => {
    const id = await queue.add(GUILD, { kind: 'unanswered', question: 'q' });
    expect(await queue.done(GUILD, id)).toBe(1);
    expect(await queue.done(GUILD, id)).toBe(0);
  });

  it('records the entry an unanswered question came closest to: the first suggestion, none without, never for answers', () => {
    const related = [
      { id: 'a', title: 'A' },
      { id: 'b', title: 'B' },
    ];
    expect(unansweredRecord('q', { answered: false, related })).toEqual({ kind: 'unanswered', question: 'q', closest: 'a' });
    expect(unansweredRecord('q', { answered: false, related: [] })).toEqual({ kind: 'unanswered', question: 'q' });
    expect(unansweredRecord('q', { answered: true, related })).toEqual({ kind: 'unanswered', question: 'q' });
  });
});

describe('stats', () => {
  it('reads tallies from counters: per entry, reasons only when positive, unknown counters ignored', () => {
    const counters = new Map([
      ['tally-guild:1:a:up', 2],
      ['tally-guild:1:a:down', 3],
      ['tally-guild:1:a:why:unclear', 2],
      ['tally-guild:1:a:why:other', 0],
      ['tally-guild:1:b:down', 1],
      ['tally-guild:1:b:why:made-up', 4],
      ['tally-guild:2:a:down', 9],
    ]);
    expect(parseTallies(counters, 'tally-guild:1:')).toEqual([
      { entryId: 'a', up: 2, down: 3, reasons: { unclear: 2 } },
      { entryId: 'b', up: 0, down: 1, reasons: {} },
    ]);
  });

  it('orders the most down-voted entries: most 👎 first, then fewer 👍, and leaves out entries without 👎', () => {
    const stats = serverStats(
      [
        { entryId: 'liked', up: 5, down: 0, reasons: {} },
        { entryId: 'b', up: 3, down: 2, reasons: {} },
        { entryId: 'a', up: 1, down: 2, reasons: {} },
        { entryId: 'c', up: 0, down: 4, reasons: {} },
      ],
      [],
    );
    expect(stats.mostDown.map((e) => e.entryId)).toEqual(['c', 'a', 'b']);
    expect(stats.totals).toEqual({ up: 9, down: 8 });
  });

  it('groups unanswered questions by the entry they came closest to, largest first, then by id, "no entry" last among equals', async () => {
    await queue.add(GUILD, { kind: 'unanswered', question: 'ramen?' });
    await queue.add(GUILD, { kind: 'unanswered', question: 'raise?', closest: 'ask-for-raise' });
    await queue.add(GUILD, { kind: 'unanswered', question: 'pay rise?', closest: 'ask-for-raise' });
    await queue.add(GUILD, { kind: 'unanswered', question: 'parking?' });
    await queue.add(GUILD, { kind: 'unanswered', question: 'tax?', closest: 'tax' });
    await queue.add(GUILD, { kind: 'unanswered', question: 'visa?', closest: 'visa' });
    await queue.add(GUILD, { kind: 'unanswered', question: 'visa?', closest: 'visa' });
    await queue.add(GUILD, { kind: 'downvoted', question: 'x', entryId: 'visa' });
    expect(groupUnanswered(await queue.list(GUILD))).toEqual([
      { closest: 'ask-for-raise', count: 2, questions: ['pay rise?', 'raise?'] },
      { closest: 'visa', count: 2, questions: ['visa?'] },
      { closest: null, count: 2, questions: ['parking?', 'ramen?'] },
      { closest: 'tax', count: 1, questions: ['tax?'] },
    ]);
  });
});

describe('the export', () => {
  it('lists every open item with what a curator needs, and nothing internal', async () => {
    const u = await queue.add(GUILD, { kind: 'unanswered', question: 'ramen?' }, at(1));
    const d = await queue.add(GUILD, { kind: 'downvoted', question: 'how long?', entryId: 'e' }, at(2));
    await queue.explain(GUILD, d, { reason: 'unclear', comment: 'which days?' });
    expect(queueExport(GUILD, await queue.list(GUILD))).toEqual({
      guildId: GUILD,
      items: [
        {
          id: d,
          kind: 'downvoted',
          question: 'how long?',
          entryId: 'e',
          count: 1,
          lastAt: at(2).toISOString(),
          reasons: { unclear: 1 },
          comments: ['which days?'],
        },
        { id: u, kind: 'unanswered', question: 'ramen?', closest: null, count: 1, lastAt: at(1).toISOString() },
      ],
    });
  });
});
