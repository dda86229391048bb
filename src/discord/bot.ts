import { Events, RESTEvents, type Client } from 'discord.js';
import type { Command } from './command.js';
import { createBotContext, type BotContext, type ContextDeps } from './context.js';
import { createDiscordClient } from './client.js';
import { DiscordFatalError, FATAL_CLOSE_CODES, fatalFromLoginError, type FatalReason } from './fatal.js';
import { queueButtons } from './config-queue.js';
import { feedbackButtons, feedbackForm } from './feedback.js';
import { fillButtons, fillForms } from './understood-form.js';
import { createHelpChannelListener } from './help-channel-listener.js';
import type { Readiness } from './readiness.js';
import { trackFirstResponses } from './response-timer.js';
import { startReminders } from './reminder-notice.js';
import type { ReminderScheduler } from './reminder-scheduler.js';
import { createInteractionRouter } from './router.js';
import { receiveInteractions } from './intake.js';
import type { SchedulerOptions } from './scheduler.js';
import { shareButtons } from './share.js';

export interface RunningBot {
  client: Client;
  ctx: BotContext;
  /** Sends due reminders (a pass every `reminderIntervalMs`); `pass()` runs one at once. */
  reminders: ReminderScheduler;
  /** Graceful shutdown: reminders stop, then the gateway connection closes, then the store. */
  stop(): Promise<void>;
}

export interface BotDeps extends ContextDeps {
  commands: readonly Command[];
  token: string;
  /**
   * Called once when the bot cannot go on after start-up (token rejected by the gateway or by REST, gateway refusal):
   * the entry point stops and exits non-zero. Start-up failures of the same kinds reject with DiscordFatalError.
   */
  onFatal?: (reason: FatalReason) => void;
  /** How often due reminders are looked for (default a minute; the first look is one interval after start). */
  reminderIntervalMs?: number;
  /** `/readyz`: told about the client before it logs in. */
  readiness?: Readiness;
  /** When an interaction waiting for its turn is acknowledged early or dropped (defaults: 1 s and 2.5 s). */
  scheduler?: SchedulerOptions;
}

/** Shard readiness and reconnects, for /readyz's metrics and the logs. */
function trackShards(client: Client, ctx: BotContext, log: BotContext['logger']): void {
  client.on(Events.ShardResume, (shardId, replayed) => {
    ctx.metrics.shardReady(shardId, true);
    log.info({ shardId, replayed }, 'gateway session resumed');
  });
  client.on(Events.ShardReady, (shardId) => ctx.metrics.shardReady(shardId, true));
  client.on(Events.ShardReconnecting, (shardId) => {
    ctx.metrics.shardReady(shardId, false);
    ctx.metrics.gatewayReconnect(shardId);
  });
}

/**
 * Discord refusing the bot after login (a fatal gateway close, or a 401 on a request made with the token) is reported
 * once through onFatal; during login the login error carries it. Returns the last gateway close code, for that error.
 */
function watchRefusal(
  client: Client,
  ctx: BotContext,
  log: BotContext['logger'],
  onFatal: (reason: FatalReason) => void,
): () => number | undefined {
  let closeCode: number | undefined;
  let fatalReported = false;
  const fatal = (reason: FatalReason) => {
    if (fatalReported || !client.isReady()) return; // during login, the login error carries it
    fatalReported = true;
    log.fatal({ reason }, 'Discord refuses the bot; stopping');
    onFatal(reason);
  };
  client.on(Events.ShardDisconnect, (event, shardId) => {
    log.warn({ shardId, code: event.code }, 'gateway disconnected');
    ctx.metrics.shardReady(shardId, false);
    closeCode = event.code;
    const reason = FATAL_CLOSE_CODES.get(event.code);
    if (reason) fatal(reason);
  });
  // A 401 on a request made with the token: @discordjs/rest drops the token, so nothing more can be sent.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 401 && request.data.auth !== false) fatal('token-rejected');
  });
  return () => closeCode;
}

/**
 * Wires the command list (the registry, handed in by the entry point), the router and the help-channel listener to a
 * discord.js client and logs in.
 */
export async function startBot(deps: BotDeps): Promise<RunningBot> {
  const ctx = createBotContext(deps);
  const log = ctx.logger.child({ component: 'discord' });
  const client = createDiscordClient(ctx.config);
  const route = createInteractionRouter(
    deps.commands,
    [feedbackButtons, feedbackForm, queueButtons, shareButtons, fillButtons, fillForms],
    ctx,
  );
  const onMessage = createHelpChannelListener(ctx, client);

  deps.readiness?.attach(client);
  const timer = trackFirstResponses(client, ctx.metrics);

  // In arrival order, a turn of the event loop each, acknowledged early or dropped when the process falls behind.
  const intake = receiveInteractions(client, { route, timer, metrics: ctx.metrics, logger: log }, deps.scheduler);
  // Help-channel messages being handled, so a graceful stop can let them finish before the store closes.
  const messages = new Set<Promise<void>>();
  let stopped = false;
  client.on(Events.MessageCreate, (message) => {
    if (stopped) return;
    const handling = onMessage(message)
      .catch((err: unknown) => log.error({ err, messageId: message.id }, 'help-channel message failed'))
      .finally(() => messages.delete(handling));
    messages.add(handling);
  });
  client.once(Events.ClientReady, (c) => log.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'connected to Discord'));
  trackShards(client, ctx, log);
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.Error, (err) => log.error({ err }, 'discord.js error'));

  const lastCloseCode = watchRefusal(client, ctx, log, (reason) => deps.onFatal?.(reason));

  await ctx.knowledgeSync.start();
  try {
    await client.login(deps.token);
  } catch (err) {
    ctx.knowledgeSync.stop();
    await client.destroy().catch(() => undefined);
    const reason = fatalFromLoginError(err, lastCloseCode());
    throw reason ? new DiscordFatalError(reason) : err;
  }
  const reminders = startReminders(client, ctx, deps.reminderIntervalMs);
  return {
    client,
    ctx,
    reminders,
    async stop() {
      if (stopped) return;
      stopped = true;
      await reminders.stop();
      ctx.knowledgeSync.stop();
      // Interactions and messages already taken in finish first (replies and what they save), then the connection
      // and the store close. The entry point's stop deadline bounds the wait.
      await intake.stop();
      await Promise.all(messages);
      await client.destroy();
      await deps.store.close();
      log.info('stopped');
    },
  };
}
