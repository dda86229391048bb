import { ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow } from 'discord.js';
import type { ComponentHandler } from './command.js';
import { ExpiredComponent } from './errors.js';
import { fitEmbed, LIMITS } from './limits.js';
import { NO_MENTIONS } from './render.js';
import { SHARE_ID } from './surface.js';

/** Buttons that still mean something on a shared copy: 👍/👎 (their ids carry everything they need). */
const KEEP = 'fb:';

function keptRows(rows: readonly { toJSON(): unknown }[]): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  return rows
    .map((r) => r.toJSON() as APIActionRowComponent<APIComponentInMessageActionRow>)
    .filter(
      (r) =>
        r.type === ComponentType.ActionRow &&
        r.components.length > 0 &&
        r.components.every((c) => 'custom_id' in c && c.custom_id.startsWith(KEEP)),
    );
}

/**
 * Share: posts the private answer it sits on for everyone in the channel to see, as a new response to this click (so it
 * works where the bot is not a member: a group DM, a server that did not add the app). The copy keeps the answer and
 * its 👍/👎, names who shared it (a mention that pings nobody) and drops Share and the other private-only buttons.
 */
export const shareButtons: ComponentHandler = {
  prefix: SHARE_ID,
  type: 'button',
  async handle(interaction, _ctx, log) {
    if (interaction.customId !== SHARE_ID) throw new ExpiredComponent();
    const source = interaction.message;
    const embeds = source.embeds.slice(0, LIMITS.embedsPerMessage).map((e) => fitEmbed(e.toJSON()));
    if (embeds.length === 0 && !source.content) throw new ExpiredComponent();
    await interaction.reply({
      content: `Shared by <@${interaction.user.id}>${source.content ? `\n${source.content}` : ''}`.slice(0, LIMITS.content),
      embeds,
      components: keptRows(source.components),
      allowedMentions: NO_MENTIONS,
    });
    log.info('answer shared');
  },
};
