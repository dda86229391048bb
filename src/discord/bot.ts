import { Events, type Client } from 'discord.js';
import type { Command } from './command.js';
import { createBotContext, type BotContext, type ContextDeps } from './context.js';
import { createDiscordClient } from './client.js';
import { feedbackButtons } from './feedback.js';
import { createHelpChannelListener } from './help-channel-listener.js';
import { createInteractionRouter } from './router.js';

export interface RunningBot {
  client: Client;
  ctx: BotContext;
  /** Graceful shutdown: the gateway connection closes first, then the store. */
  stop(): Promise<void>;
}

/**
 * Wires the command list (the registry, handed in by the entry point), the router and the help-channel listener to a
 * discord.js client and logs in.
 */
export async function startBot(deps: ContextDeps & { commands: readonly Command[]; token: string }): Promise<RunningBot> {
  const ctx = createBotContext(deps);
  const log = ctx.logger.child({ component: 'discord' });
  const client = createDiscordClient(ctx.config);
  const route = createInteractionRouter(deps.commands, [feedbackButtons], ctx);
  const onMessage = createHelpChannelListener(ctx, client);

  client.on(Events.InteractionCreate, (interaction) => void route(interaction));
  client.on(Events.MessageCreate, (message) => {
    onMessage(message).catch((err: unknown) => log.error({ err, messageId: message.id }, 'help-channel message failed'));
  });
  client.once(Events.ClientReady, (c) => log.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'connected to Discord'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway session resumed'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.Error, (err) => log.error({ err }, 'discord.js error'));

  await client.login(deps.token);
  let stopped = false;
  return {
    client,
    ctx,
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
      await deps.store.close();
      log.info('stopped');
    },
  };
}
