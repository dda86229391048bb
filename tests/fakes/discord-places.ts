/**
 * Where a member uses the app (the fake's `place` option): the bot's server, a DM with the bot, a group DM the bot is
 * not in, or a server that did not add the bot — with the channel, server, `context` and installation Discord sends.
 */
import {
  ChannelType,
  InteractionContextType,
  type APIAuthorizingIntegrationOwnersMap,
  type APIChannel,
  type APIUser,
} from 'discord-api-types/v10';
import { owners, type InteractionOptions, type Place } from './discord-interactions.js';
import type { FakeState } from './discord-state.js';

export interface PlaceFields {
  channel: APIChannel;
  guildId: string | undefined;
  context: InteractionContextType;
  owners: APIAuthorizingIntegrationOwnersMap;
}

/** The place of an existing channel (a component's message, an explicit channelId). */
function placeOf(state: FakeState, channel: APIChannel): Place {
  if (channel.type === ChannelType.DM) return 'bot-dm';
  if (channel.type === ChannelType.GroupDM) return 'private-channel';
  return 'guild_id' in channel && channel.guild_id === state.otherGuildId ? 'other-guild' : 'guild';
}

/** The channel for a place: the given channel in the bot's server, else the member's DM, group DM or other server. */
function placeChannel(state: FakeState, place: Place, user: APIUser, channelId: string): APIChannel | undefined {
  if (place === 'bot-dm') return state.dmChannel(user);
  if (place === 'private-channel') return state.groupDm(user);
  if (place === 'other-guild') return state.otherGuildChannel();
  return state.channels.get(channelId);
}

const CONTEXT: Record<Place, InteractionContextType> = {
  guild: InteractionContextType.Guild,
  'other-guild': InteractionContextType.Guild,
  'bot-dm': InteractionContextType.BotDM,
  'private-channel': InteractionContextType.PrivateChannel,
};

/** The interaction fields that depend on where it is sent from and which installation authorizes it. */
export function placeFields(state: FakeState, opts: InteractionOptions, user: APIUser, channelId: string): PlaceFields {
  const found = state.channels.get(channelId);
  const place = opts.place ?? (found ? placeOf(state, found) : 'guild');
  const channel = placeChannel(state, place, user, channelId);
  if (!channel) throw new Error(`fake discord: unknown channel ${channelId}`);
  const guildId = place === 'guild' ? state.guildOf(channel.id) : place === 'other-guild' ? state.otherGuildId : undefined;
  const install = opts.install ?? (place === 'guild' ? 'guild' : 'user');
  // A guild install is authorized by the server where it is used; in a bot DM Discord sends "0" for it.
  return { channel, guildId, context: CONTEXT[place], owners: owners(install, place === 'bot-dm' ? undefined : guildId, user.id) };
}
