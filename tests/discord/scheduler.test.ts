import type { Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createScheduler, type SchedulerDeps, type SchedulerOptions } from '../../src/discord/scheduler.js';
import { memoryLogger } from '../support/logger.js';

/** A stand-in interaction: the scheduler only passes it on (and reads its id for logs). */
const fakeInteraction = (id: string, deferrable = true) => ({ id, deferrable }) as unknown as Interaction & { deferrable: boolean };

/** `ackMs` / `handleMs`: how long each early acknowledgement / handler takes (0: over at once). */
function harness(options: SchedulerOptions = {}, ackMs = 0, handleMs = 0) {
  let clock = 0;
  const events: string[] = [];
  const counted: string[] = [];
  const logs = memoryLogger('debug');
  const deps: SchedulerDeps = {
    handle: (i) => {
      events.push(`handle ${i.id}`);
      if (!handleMs) return Promise.resolve();
      return new Promise((r) => setTimeout(() => r(void events.push(`done ${i.id}`)), handleMs));
    },
    deferEarly: (i) => {
      events.push(`defer ${i.id}`);
      if (i.id.startsWith('gone')) return Promise.reject(new Error('Unknown interaction'));
      const deferrable = (i as unknown as { deferrable: boolean }).deferrable;
      return ackMs ? new Promise((r) => setTimeout(() => r(deferrable), ackMs)) : Promise.resolve(deferrable);
    },
    labels: () => ({ type: 'command', command: 'ask' }),
    expired: (i) => void events.push(`expired ${i.id}`),
    metrics: {
      interaction: (type, command, outcome) => void counted.push(`${type} ${command} ${outcome}`),
      deferredEarly: () => void counted.push('deferred early'),
      backlog: () => undefined,
    },
    logger: logs.logger,
  };
  const scheduler = createScheduler(deps, { deferAfterMs: 1_000, dropAfterMs: 2_500, now: () => clock, ...options });
  return { scheduler, events, counted, logs, setClock: (t: number) => void (clock = t) };
}

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('interaction scheduler', () => {
  it('GIVEN handlers still running THEN finished() waits for them all (drained() only for their start); with nothing pushed it resolves at once', async () => {
    const { scheduler, events } = harness({}, 0, 30);
    await scheduler.finished();
    for (const id of ['a', 'b']) scheduler.push(fakeInteraction(id), 0);
    await scheduler.drained();
    expect(events).toEqual(['handle a', 'handle b']);
    await scheduler.finished();
    expect(events).toEqual(['handle a', 'handle b', 'done a', 'done b']);
  });

  it('GIVEN a backlog THEN handlers start in arrival order, one per turn of the event loop (I/O in between)', async () => {
    const { scheduler, events } = harness();
    for (const id of ['a', 'b', 'c']) scheduler.push(fakeInteraction(id), 0);
    // What a handler sends (an immediate queued now, like a socket write) goes before the next handler starts.
    setImmediate(() => events.push('io'));
    await scheduler.drained();
    await settle();
    expect(events).toEqual(['handle a', 'io', 'handle b', 'handle c']);
  });

  it('GIVEN interactions that waited past deferAfterMs THEN all of them are acknowledged early, in arrival order, before their handlers', async () => {
    const { scheduler, events, counted, setClock } = harness();
    for (const id of ['a', 'b', 'c']) scheduler.push(fakeInteraction(id), 0);
    scheduler.push(fakeInteraction('fresh'), 900);
    setClock(1_200);
    await scheduler.drained();
    await settle();
    expect(events.filter((e) => e.startsWith('defer'))).toEqual(['defer a', 'defer b', 'defer c']);
    expect(events.indexOf('defer c')).toBeLessThan(events.indexOf('handle a'));
    expect(events.filter((e) => e.startsWith('handle'))).toEqual(['handle a', 'handle b', 'handle c', 'handle fresh']);
    expect(counted.filter((c) => c === 'deferred early')).toHaveLength(3);
  });

  it('GIVEN an interaction past dropAfterMs that could not be acknowledged THEN it is dropped with one log line and counted, never handled', async () => {
    const { scheduler, events, counted, logs, setClock } = harness();
    scheduler.push(fakeInteraction('late', false), 0);
    scheduler.push(fakeInteraction('acked'), 1_000);
    scheduler.push(fakeInteraction('new'), 2_000);
    setClock(2_600);
    await scheduler.drained();
    await settle();
    expect(events.filter((e) => e.startsWith('handle'))).toEqual(['handle acked', 'handle new']);
    expect(counted).toContain('command ask dropped');
    const dropped = logs.lines().filter((l) => l.msg === 'interaction dropped: its deadline passed before its turn');
    expect(dropped).toEqual([expect.objectContaining({ interactionId: 'late', command: 'ask', waitedMs: 2_600, level: 40 })]);
  });

  it('GIVEN an early acknowledgement Discord refuses THEN the interaction is not handled (a reply would fail too)', async () => {
    const { scheduler, events, setClock } = harness();
    scheduler.push(fakeInteraction('gone'), 0);
    scheduler.push(fakeInteraction('ok'), 0);
    setClock(1_200);
    await scheduler.drained();
    await settle();
    expect(events.filter((e) => !e.startsWith('defer'))).toEqual(['expired gone', 'handle ok']);
  });

  it('GIVEN an interaction already past dropAfterMs when acknowledgements go out THEN none is sent for it and it is dropped', async () => {
    const { scheduler, events, counted, setClock } = harness();
    scheduler.push(fakeInteraction('stale'), 0);
    scheduler.push(fakeInteraction('waited'), 1_000);
    setClock(2_600);
    await scheduler.drained();
    await settle();
    expect(events).toEqual(['defer waited', 'handle waited']);
    expect(counted).toContain('command ask dropped');
  });

  it('GIVEN maxHandlers handlers running THEN the next starts only when one finishes', async () => {
    const { scheduler, events } = harness({ maxHandlers: 2 }, 0, 10);
    for (const id of ['a', 'b', 'c']) scheduler.push(fakeInteraction(id), 0);
    await scheduler.drained();
    await new Promise((r) => setTimeout(r, 60));
    expect(events.indexOf('handle c')).toBeGreaterThan(Math.min(events.indexOf('done a'), events.indexOf('done b')));
    expect(events.slice(0, 2)).toEqual(['handle a', 'handle b']);
  });
});
