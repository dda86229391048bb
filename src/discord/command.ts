import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  MessageFlags,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from '../logger.js';
import type { BotContext } from './context.js';

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/**
 * Handles buttons, string select menus or submitted forms (`type`) whose custom id starts with `${prefix}:`. Custom ids carry all
 * state, so they survive restarts. The router checks the component type: a handler only ever sees its own kind.
 */
export type ComponentHandler =
  | { prefix: string; type: 'button'; handle(interaction: ButtonInteraction, ctx: BotContext, log: Logger): Promise<void> }
  | { prefix: string; type: 'select'; handle(interaction: StringSelectMenuInteraction, ctx: BotContext, log: Logger): Promise<void> }
  | { prefix: string; type: 'modal'; handle(interaction: ModalSubmitInteraction, ctx: BotContext, log: Logger): Promise<void> };

/** One slash command: its definition (shared by the runtime and the deploy script) and a thin handler. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext, log: Logger): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** The visibility of its reply, for a deferral made before it runs when the bot is behind (default: private). */
  replyFlags?(interaction: ChatInputCommandInteraction): MessageFlags.Ephemeral | undefined;
  components?: readonly ComponentHandler[];
}
