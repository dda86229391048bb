import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from '../logger.js';
import type { BotContext } from './context.js';

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/** Handles buttons and select menus whose custom id starts with `${prefix}:`. Custom ids carry all state, so they survive restarts. */
export interface ComponentHandler {
  prefix: string;
  handle(interaction: ComponentInteraction, ctx: BotContext, log: Logger): Promise<void>;
}

/** One slash command: its definition (shared by the runtime and the deploy script) and a thin handler. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext, log: Logger): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  components?: readonly ComponentHandler[];
}
