import { Events, type Client, type Interaction } from 'discord.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../ops/metrics.js';
import type { ResponseTimer } from './response-timer.js';
import { interactionType, type createInteractionRouter } from './router.js';
import { createdAt, createScheduler, type SchedulerOptions } from './scheduler.js';

interface IntakeDeps {
  route: ReturnType<typeof createInteractionRouter>;
  timer: ResponseTimer;
  metrics: Metrics;
  logger: Logger;
}

/** The intake of a running bot. */
export interface Intake {
  /**
   * Stops taking interactions (a graceful stop: any arriving from now on would race the store's closing) and resolves
   * once every one taken in has been handled or dropped, so its reply and what it saves are complete.
   */
  stop(): Promise<void>;
}

/**
 * Every interaction the client receives goes through the scheduler (scheduler.ts): in arrival order, one handler
 * start per turn of the event loop, acknowledged early or dropped when the process falls behind. Its age counts from
 * its creation by Discord (its id), which is when Discord's 3 s started.
 */
export function receiveInteractions(client: Client, deps: IntakeDeps, options?: SchedulerOptions): Intake {
  const { route, timer, metrics } = deps;
  const finished = (i: Interaction) => timer.done(i.id);
  const scheduler = createScheduler(
    {
      handle: (i) => route(i).finally(() => finished(i)),
      deferEarly: route.deferEarly,
      labels: route.labels,
      dropped: finished,
      expired: (i) => {
        finished(i);
        const { type, command } = route.labels(i);
        metrics.interaction(type, command, 'expired');
      },
      metrics,
      logger: deps.logger,
    },
    options,
  );
  let stopping = false;
  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return void deps.logger.info({ interactionId: interaction.id }, 'interaction not taken: the bot is stopping');
    const at = performance.now();
    timer.received(interaction.id, interactionType(interaction), at);
    scheduler.push(interaction, createdAt(interaction.createdTimestamp, at));
  });
  return {
    stop() {
      stopping = true;
      return scheduler.finished();
    },
  };
}
