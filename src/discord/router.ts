import {
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type Interaction,
  type MessageComponentInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Logger } from '../logger.js';
import type { InteractionOutcome, InteractionType, Metrics } from '../ops/metrics.js';
import type { Command, ComponentHandler } from './command.js';
import type { BotContext } from './context.js';
import { deferEarly } from './early-ack.js';
import { ExpiredComponent, GENERIC_ERROR, UserError } from './errors.js';
import { checkCommandOptions, optionErrorMessage } from './option-check.js';
import { tellHeldReminders } from './reminder-notice.js';
import { textMessage } from './render.js';

/** Discord errors that mean the interaction can no longer be answered at all. */
const GONE = new Set<number>([RESTJSONErrorCodes.UnknownInteraction, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged]);
const NO_PERMISSION = new Set<number>([RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess]);
const UNKNOWN_COMMAND = 'I no longer know that command. A moderator may need to run `npm run deploy-commands`.';

/** The handler for a component, if its prefix is known and it is of the handler's kind (a button is not a menu). */
function componentHandler(
  byPrefix: ReadonlyMap<string, ComponentHandler>,
  interaction: MessageComponentInteraction,
  ctx: BotContext,
  log: Logger,
) {
  const handler = byPrefix.get(interaction.customId.split(':')[0] ?? '');
  if (handler?.type === 'button' && interaction.isButton()) return handler.handle(interaction, ctx, log);
  if (handler?.type === 'select' && interaction.isStringSelectMenu()) return handler.handle(interaction, ctx, log);
  throw new ExpiredComponent();
}

/**
 * Builds the one interaction handler: every command, autocomplete, component and form goes through its single
 * try/catch, and every interaction that can be answered gets exactly one response — unknown commands, components
 * of an older version or of the wrong kind, and forms included.
 */
export function createInteractionRouter(commands: readonly Command[], shared: readonly ComponentHandler[], ctx: BotContext) {
  const byName = new Map(commands.map((c) => [c.data.name, c]));
  const byPrefix = new Map([...commands.flatMap((c) => c.components ?? []), ...shared].map((h) => [h.prefix, h]));

  const route = async function route(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const name = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined;
    // Only a component's prefix is logged: a custom id is the client's to send, so it may carry anything.
    const component =
      interaction.isMessageComponent() || interaction.isModalSubmit()
        ? (/^[a-z-]{1,20}/.exec(interaction.customId)?.[0] ?? '?')
        : undefined;
    const log = ctx.logger.child({
      interactionId: interaction.id,
      type: interaction.type,
      command: name,
      component,
      userId: interaction.user.id,
      guildId: interaction.guildId,
    });
    const labels = metricLabels(interaction, byName, byPrefix);
    let outcome: InteractionOutcome = 'answered';
    try {
      if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (!command) throw new UserError(UNKNOWN_COMMAND, 'unknown-command');
        checkCommandOptions(command.data, interaction.options.data);
        await command.execute(interaction, ctx, log);
        void tellHeldReminders(interaction, ctx, log); // after the reply, never failing it: not awaited
      } else if (interaction.isAutocomplete()) {
        const command = byName.get(interaction.commandName);
        if (command?.autocomplete) await command.autocomplete(interaction, ctx);
        else await interaction.respond([]);
      } else if (interaction.isMessageComponent()) {
        await componentHandler(byPrefix, interaction, ctx, log);
      } else if (interaction.isModalSubmit()) {
        const handler = byPrefix.get(interaction.customId.split(':')[0] ?? '');
        if (handler?.type !== 'modal') throw new ExpiredComponent('form');
        await handler.handle(interaction, ctx, log);
      } else if (interaction.isCommand()) {
        throw new UserError(UNKNOWN_COMMAND, 'unknown-command'); // user and message context-menu commands: none registered
      } else {
        outcome = 'ignored';
        return log.warn('interaction of an unknown type; nothing to answer it with');
      }
      log.info({ ms: Math.round(performance.now() - started) }, 'interaction handled');
    } catch (err) {
      outcome = await reportError(interaction, err, log, ctx.metrics);
    } finally {
      ctx.metrics.interaction(labels.type, labels.command, outcome);
    }
  };
  return Object.assign(route, {
    /** The metric labels of an interaction (for one the scheduler drops). */
    labels: (interaction: Interaction) => metricLabels(interaction, byName, byPrefix),
    /** Acknowledges a slash command ahead of its turn, with its command's visibility (see early-ack.ts). */
    deferEarly: (interaction: Interaction) => deferEarly(interaction, byName),
  });
}

/** Metric labels: the command's name or the component's prefix only when the bot knows it (a client may send anything). */
function metricLabels(
  interaction: Interaction,
  byName: ReadonlyMap<string, Command>,
  byPrefix: ReadonlyMap<string, ComponentHandler>,
): { type: InteractionType; command: string } {
  const type = interactionType(interaction);
  if (interaction.isCommand() || interaction.isAutocomplete())
    return { type, command: byName.has(interaction.commandName) ? interaction.commandName : 'unknown' };
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
    const prefix = interaction.customId.split(':')[0] ?? '';
    return { type, command: byPrefix.has(prefix) ? prefix : 'unknown' };
  }
  return { type, command: 'unknown' };
}

export function interactionType(interaction: Interaction): InteractionType {
  if (interaction.isAutocomplete()) return 'autocomplete';
  if (interaction.isCommand()) return 'command';
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return 'component';
  return 'other';
}

async function reportError(interaction: Interaction, err: unknown, log: Logger, metrics: Metrics): Promise<InteractionOutcome> {
  if (err instanceof DiscordAPIError && GONE.has(Number(err.code))) {
    log.warn({ err }, 'interaction expired or was already answered; nothing more can be sent');
    return 'expired';
  }
  if (interaction.isAutocomplete()) {
    log.error({ err }, 'autocomplete failed');
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    return 'failed';
  }
  if (!interaction.isRepliable()) return 'failed';
  const refusal = err instanceof UserError ? err : optionErrorMessage(err);
  let message: string;
  let outcome: InteractionOutcome;
  if (refusal) {
    message = refusal.message;
    outcome = 'refused';
    metrics.refusal(refusal.reason);
    log.info({ reason: refusal.reason, ...(refusal.option !== undefined && { option: refusal.option }) }, 'interaction refused');
  } else if (err instanceof DiscordAPIError && NO_PERMISSION.has(Number(err.code))) {
    message = "I'm missing a Discord permission for that here. A moderator can check my role's permissions in this channel.";
    outcome = 'forbidden';
    log.warn({ err }, 'missing Discord permissions');
  } else {
    message = GENERIC_ERROR(interaction.id);
    outcome = 'failed';
    log.error({ err, reference: interaction.id }, 'unexpected error while handling an interaction');
  }
  await sendPrivately(interaction, message).catch((sendErr: unknown) =>
    log.warn({ err: sendErr }, 'could not tell the member about the error'),
  );
  return outcome;
}

/** Replies, edits the deferred reply, or follows up, whichever the interaction's state allows. */
export async function sendPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  const payload = textMessage(content);
  if (interaction.deferred) await interaction.editReply(payload);
  else if (interaction.replied) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
}
