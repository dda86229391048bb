import type { Interaction } from 'discord.js';
import type { Logger } from '../logger.js';
import type { InteractionType, Metrics } from '../ops/metrics.js';

export interface SchedulerOptions {
  /** Past this wait (ms) an interaction that can be deferred is acknowledged before its turn (default 500). */
  deferAfterMs?: number;
  /** Past this wait (ms) an interaction not yet acknowledged is dropped: a response would reach Discord after its
   * 3-second deadline (default 2,500, leaving time for the request). */
  dropAfterMs?: number;
  /** How many early acknowledgements may be in flight at once (default 128): enough that a burst of 2,000 is
   * acknowledged in time (with 64, 1,638–1,982 of 2,000 were, in alternating runs), without opening thousands of
   * connections to Discord at the same moment. */
  maxAcksInFlight?: number;
  /** How many handlers may run at once (default 32): the next waits for one to finish (its acknowledgement does not),
   * so a backlog holds its interactions rather than hundreds of answers in flight at once. */
  maxHandlers?: number;
  now?: () => number;
}

export interface SchedulerDeps {
  /** Handles one interaction (the router); resolves when it is over. */
  handle(interaction: Interaction): Promise<void>;
  /** Acknowledges one early; resolves false when it cannot be (then it waits for its turn). */
  deferEarly(interaction: Interaction): Promise<boolean>;
  /** Told about each interaction dropped (its handler never runs). */
  dropped?(interaction: Interaction): void;
  /** Called for one whose early acknowledgement Discord refused (its handler never runs). */
  expired(interaction: Interaction): void;
  /** The labels an interaction is counted under. */
  labels(interaction: Interaction): { type: InteractionType; command: string };
  metrics: Pick<Metrics, 'interaction' | 'deferredEarly' | 'backlog'>;
  logger: Logger;
}

/** The most of an interaction's age read from its id that is believed: more is taken for a clock set wrong. */
const MAX_ID_AGE_MS = 2_000;

/**
 * When an interaction was created, on the performance.now() clock: Discord's deadline runs from its creation (the
 * time in its snowflake id), which can be well before it reached this process when events queued up in the socket
 * or in discord.js. Capped at MAX_ID_AGE_MS (and 0 for ids from the future), so a host clock set wrong cannot make
 * the bot drop everything: at worst it defers everything.
 */
export function createdAt(createdTimestamp: number, receivedAt = performance.now(), wallNow = Date.now()): number {
  return receivedAt - Math.min(MAX_ID_AGE_MS, Math.max(0, wallNow - createdTimestamp));
}

interface Item {
  interaction: Interaction;
  at: number;
  /** The early acknowledgement: made, not possible (wait for the turn), or failed (Discord no longer takes it). */
  ack?: Promise<'deferred' | 'no' | 'failed'>;
}

export interface Scheduler {
  /** An interaction arrived at `at` (the `now` clock, performance.now() by default). */
  push(interaction: Interaction, at?: number): void;
  /** Resolves when every interaction pushed so far has been started or dropped. */
  drained(): Promise<void>;
  /** Resolves when every interaction pushed so far has been handled or dropped: none waiting, no handler running. */
  finished(): Promise<void>;
}

/** One log line (ids and command name only) and the "dropped" count for an interaction past its deadline. */
function drop(deps: SchedulerDeps, item: Item, t: number): void {
  const { type, command } = deps.labels(item.interaction);
  deps.metrics.interaction(type, command, 'dropped');
  deps.dropped?.(item.interaction);
  deps.logger.warn(
    { interactionId: item.interaction.id, type, command, waitedMs: Math.round(t - item.at) },
    'interaction dropped: its deadline passed before its turn',
  );
}

/** An interaction's turn: handled, or dropped when overdue and not acknowledged early. */
async function start(deps: SchedulerDeps, dropAfterMs: number, item: Item, t: number): Promise<void> {
  const overdue = t - item.at >= dropAfterMs;
  if (!item.ack) return overdue ? drop(deps, item, t) : deps.handle(item.interaction);
  // Acknowledged early: the handler edits the deferred reply. Not possible and overdue: dropped. Failed (expired):
  // a reply would fail too, so it is counted and not handled (its one log line is the failure's).
  const ack = await item.ack;
  if (ack === 'failed') return deps.expired(item.interaction);
  return ack === 'deferred' || !overdue ? deps.handle(item.interaction) : drop(deps, item, t);
}

/** The longest a held scheduler waits before it looks at its queue again. */
const HOLD_MS = 25;

/** The queue and its pointers: queue[head …] wait for their turn; queue[head … acked) have had their early
 * acknowledgement considered. */
interface State {
  queue: Item[];
  head: number;
  acked: number;
  inFlight: number;
  /** Handlers started and not finished. */
  running: number;
}

type Limits = Required<Omit<SchedulerOptions, 'now'>>;

/** Whether an interaction is to be acknowledged early: it has waited `deferAfterMs`. */
const dueForAck = (o: Limits, item: Item, t: number) => t - item.at >= o.deferAfterMs;

/**
 * Sends the early acknowledgements that are due, in arrival order, at most `maxAcksInFlight` at once. One already
 * past `dropAfterMs` is skipped (Discord would refuse it; its turn drops it). `settled` is told when one finishes.
 */
function acknowledge(deps: SchedulerDeps, s: State, o: Limits, t: number, settled: () => void): void {
  for (s.acked = Math.max(s.acked, s.head); s.acked < s.queue.length && s.inFlight < o.maxAcksInFlight; s.acked++) {
    const item = s.queue[s.acked]!;
    if (!dueForAck(o, item, t)) return;
    if (t - item.at >= o.dropAfterMs) continue;
    s.inFlight++;
    item.ack = deps.deferEarly(item.interaction).then(
      (deferred) => (deferred && deps.metrics.deferredEarly(), deferred ? 'deferred' : 'no'),
      (err: unknown) => (
        deps.logger.warn({ err, interactionId: item.interaction.id }, 'early acknowledgement failed; not handled'),
        'failed'
      ),
    );
    void item.ack.finally(() => {
      s.inFlight--;
      settled();
    });
  }
}

/**
 * Runs interactions in arrival order, one handler start per turn of the event loop (setImmediate), so replies go out
 * while a backlog is worked through instead of after it. When the process falls behind, interactions that have waited
 * `deferAfterMs` are acknowledged (deferred) in arrival order ahead of their turn (none for one already past `dropAfterMs`), and at most `maxHandlers` handlers run at once. One still
 * unacknowledged past `dropAfterMs` is dropped with one log line (ids and command name only) and counted (outcome
 * "dropped").
 */
export function createScheduler(deps: SchedulerDeps, options: SchedulerOptions = {}): Scheduler {
  const { now = () => performance.now(), ...rest } = options;
  const o: Limits = { deferAfterMs: 500, dropAfterMs: 2_500, maxAcksInFlight: 128, maxHandlers: 32, ...rest };
  const s: State = { queue: [], head: 0, acked: 0, inFlight: 0, running: 0 };
  let running = false;
  // Held (acknowledgements waiting for room, or every handler slot taken): the next turn comes when one finishes, or
  // after HOLD_MS at the latest, so due acknowledgements and drops go on even if handlers hang.
  let held: ReturnType<typeof setTimeout> | undefined;
  const resume = () => {
    if (!held) return false;
    clearTimeout(held);
    held = undefined;
    setImmediate(step);
    return true;
  };
  const idle: (() => void)[] = [];
  const done: (() => void)[] = [];
  const isFinished = () => !running && s.running === 0;
  const settled = () => {
    if (!resume() && running) acknowledge(deps, s, o, now(), settled); // the next ones go out as soon as there is room
    if (isFinished()) for (const resolve of done.splice(0)) resolve();
  };

  const step = () => {
    const t = now();
    acknowledge(deps, s, o, t, settled);
    const item = s.queue[s.head];
    const dropping = item !== undefined && !item.ack && t - item.at >= o.dropAfterMs; // a drop costs nothing: never held
    if (item && !dropping && s.running >= o.maxHandlers) return void (held = setTimeout(resume, HOLD_MS));
    if (item) {
      s.queue[s.head++] = undefined as unknown as Item;
      s.running++;
      void start(deps, o.dropAfterMs, item, t).finally(() => {
        s.running--;
        settled();
      });
    }
    if (s.head >= s.queue.length) {
      s.queue.length = 0;
      s.head = s.acked = 0;
    }
    deps.metrics.backlog(s.queue.length - s.head);
    if (s.queue.length > s.head) return void setImmediate(step);
    running = false;
    for (const resolve of idle.splice(0)) resolve();
    if (isFinished()) for (const resolve of done.splice(0)) resolve();
  };

  return {
    push(interaction, at = now()) {
      s.queue.push({ interaction, at });
      deps.metrics.backlog(s.queue.length - s.head);
      if (running) return;
      running = true;
      setImmediate(step);
    },
    drained: () => (running ? new Promise<void>((resolve) => idle.push(resolve)) : Promise.resolve()),
    finished: () => (isFinished() ? Promise.resolve() : new Promise<void>((resolve) => done.push(resolve))),
  };
}
