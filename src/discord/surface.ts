import {
  ApplicationIntegrationType,
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type BaseInteraction,
} from 'discord.js';

/**
 * Where an interaction comes from and what a reply may do there. The member commands work wherever the app is
 * installed: in a server that added the bot (a guild install) and wherever a member added the app to their own
 * account (a user install): DMs with the bot, group DMs and servers that never added it. Replies are private wherever
 * the app is only user-installed; a Share button posts the answer publicly where Discord lets the app do so.
 */

/** Who can see a command in each installation: for `integration_types` and `contexts` in a command's definition. */
export const INSTALL = {
  /** Member commands: both installations, in servers, DMs with the bot and other DMs/group DMs. */
  everywhere: {
    integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
  },
  /** Server administration: only where a server installed the app, only in that server. */
  serverOnly: { integration_types: [ApplicationIntegrationType.GuildInstall], contexts: [InteractionContextType.Guild] },
};

export type Place = 'server' | 'bot-dm' | 'private-channel';

export interface Surface {
  place: Place;
  /** The app is installed in this server (the bot is a member here): commands keep their own privacy choices. */
  serverInstalled: boolean;
  /** Replies must be private: anywhere but a server that installed the app. */
  userInstalledOnly: boolean;
  /** A Share button may post the answer for others to see. */
  canShare: boolean;
}

function placeOf(interaction: BaseInteraction): Place {
  if (interaction.context === InteractionContextType.BotDM) return 'bot-dm';
  if (interaction.context === InteractionContextType.PrivateChannel) return 'private-channel';
  if (interaction.context === InteractionContextType.Guild || interaction.guildId) return 'server';
  return 'bot-dm'; // no context and no server: an older payload from a DM
}

export function surfaceOf(interaction: BaseInteraction): Surface {
  const place = placeOf(interaction);
  const owners = interaction.authorizingIntegrationOwners;
  const serverInstalled = place === 'server' && owners.guildId !== null && owners.guildId === interaction.guildId;
  const userInstalledOnly = !serverInstalled;
  // Bot DM: nobody else to share with. A group DM or another DM: the response is seen by everyone in it. A server that
  // did not add the app: only when the member may use external apps there (otherwise Discord keeps it private).
  const canShare =
    userInstalledOnly &&
    (place === 'private-channel' ||
      (place === 'server' && interaction.memberPermissions?.has(PermissionFlagsBits.UseExternalApps) === true));
  return { place, serverInstalled, userInstalledOnly, canShare };
}

/** The Share button's custom id (handled by src/discord/share.ts). */
export const SHARE_ID = 'share';

export const shareButton = (): APIButtonComponent => ({
  type: ComponentType.Button,
  style: ButtonStyle.Primary,
  custom_id: SHARE_ID,
  label: 'Share',
  emoji: { name: '📣' },
});

/**
 * The flags and extra buttons of a command's reply: private wherever the app is only user-installed (whatever the
 * command would choose), else the command's own choice (`wantsPrivate`); a Share button where sharing is possible.
 */
export function replyPrivacy(
  interaction: BaseInteraction,
  wantsPrivate: boolean,
): { flags: MessageFlags.Ephemeral | undefined; buttons: APIButtonComponent[] } {
  const s = surfaceOf(interaction);
  const isPrivate = s.userInstalledOnly || wantsPrivate;
  return { flags: isPrivate ? MessageFlags.Ephemeral : undefined, buttons: s.userInstalledOnly && s.canShare ? [shareButton()] : [] };
}

type Rows = APIActionRowComponent<APIComponentInMessageActionRow>[];

/** `payload` with `buttons` added in a row of their own (nothing added when there are none). */
export function withButtons<P extends object>(payload: P, buttons: readonly APIButtonComponent[]): P & { components?: Rows } {
  if (buttons.length === 0) return payload;
  const rows = ('components' in payload ? (payload.components as Rows | undefined) : undefined) ?? [];
  return { ...payload, components: [...rows, { type: ComponentType.ActionRow, components: [...buttons] }] };
}
