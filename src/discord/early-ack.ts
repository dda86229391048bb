import {
  MessageFlags,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
} from 'discord.js';
import type { Command } from './command.js';

/**
 * Acknowledges a slash command before its handler runs (a deferral, shown as "thinking…"), when it has waited too
 * long for its turn under load; the handler then runs unchanged: its `reply` becomes the edit of the deferred reply and
 * its own `deferReply` does nothing. The deferral's visibility is the command's (`replyFlags`, private by default).
 * Returns false for what cannot be deferred this way (autocomplete has no deferral; components are left to their
 * turn, as their handlers choose between updating the message and replying).
 */
export async function deferEarly(interaction: Interaction, byName: ReadonlyMap<string, Command>): Promise<boolean> {
  if (!interaction.isChatInputCommand() || interaction.deferred || interaction.replied) return false;
  const command = byName.get(interaction.commandName);
  const flags = command?.replyFlags ? command.replyFlags(interaction) : MessageFlags.Ephemeral;
  await interaction.deferReply(flags === undefined ? {} : { flags });
  adoptDeferral(interaction);
  return true;
}

/** The reply options a deferred reply's edit accepts (the visibility was fixed by the deferral). */
function asEdit(options: string | InteractionReplyOptions): string | InteractionEditReplyOptions {
  if (typeof options === 'string') return options;
  const {
    flags: _flags,
    withResponse: _w,
    fetchReply: _f,
    tts: _t,
    ...rest
  } = options as InteractionReplyOptions & { fetchReply?: boolean };
  return rest;
}

function adoptDeferral(interaction: ChatInputCommandInteraction): void {
  const shim = {
    reply: (options: string | InteractionReplyOptions) => interaction.editReply(asEdit(options)),
    deferReply: () => Promise.resolve(undefined),
  };
  Object.assign(interaction, shim);
}
