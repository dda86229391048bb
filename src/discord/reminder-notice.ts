import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type ChatInputCommandInteraction, type Client } from 'discord.js';
import { planDeadlines } from '../engines/deadlines.js';
import type { Logger } from '../logger.js';
import type { BotContext } from './context.js';
import { LIMITS, truncate } from './limits.js';
import { NO_MENTIONS } from './render.js';
import { startReminderScheduler, type Delivery, type ReminderScheduler } from './reminder-scheduler.js';
import { hasHeldReminders, takeHeldReminders } from './reminders.js';

const CLOSED =
  "I couldn't send you these reminders by DM: Discord refused (your DMs are closed to me). To get them by DM, allow direct messages from this server or app in your privacy settings.";

/**
 * After a member's command: if reminders could not be DMed to them (DMs closed), they are shown now, privately, as a
 * follow-up to the reply they already have. Never fails the command: a problem here is logged.
 */
export async function tellHeldReminders(interaction: ChatInputCommandInteraction, ctx: BotContext, log: Logger): Promise<void> {
  try {
    if (!interaction.replied && !interaction.deferred) return;
    if (!(await hasHeldReminders(ctx.store, interaction.user.id))) return;
    const { kb } = ctx.knowledge();
    const lines = (await takeHeldReminders(ctx.store, interaction.user.id, ctx.now())).flatMap(({ plan, keys }) =>
      planDeadlines(kb.rules.deadlines, plan.dates).flatMap((d) =>
        d.reminders
          .filter((r) => keys.includes(r.key))
          .map((r) => `⏰ **${d.title}** — ${r.label}: due <t:${Math.floor(d.dueAt / 1000)}:D>`),
      ),
    );
    if (lines.length === 0) return;
    const content = truncate([CLOSED, ...lines, '`/remind list` shows every date.'].join('\n'), LIMITS.content);
    await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    log.info({ reminders: lines.length }, 'held reminders shown');
  } catch (err) {
    log.warn({ err }, 'held reminders not shown');
  }
}

/** Sends a reminder DM through discord.js; Discord's "cannot send messages to this user" means the DMs are closed. */
export function dmDelivery(client: Client) {
  return async (userId: string, embed: Parameters<Parameters<typeof startReminderScheduler>[0]['deliver']>[1]): Promise<Delivery> => {
    try {
      await client.users.send(userId, { embeds: [embed], allowedMentions: NO_MENTIONS });
      return 'sent';
    } catch (err) {
      if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) return 'dms-closed';
      throw err;
    }
  };
}

/** The bot's reminder scheduler: started once the client is ready, stopped before the store closes. */
export function startReminders(client: Client, ctx: BotContext, intervalMs?: number): ReminderScheduler {
  const log = ctx.logger.child({ component: 'reminders' });
  return startReminderScheduler(
    { store: ctx.store, knowledge: () => ctx.knowledge().kb, deliver: dmDelivery(client), now: () => ctx.now(), log },
    intervalMs,
  );
}
