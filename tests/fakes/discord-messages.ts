/**
 * Message builders for the fake Discord: complete `APIMessage` objects, PATCH-style application
 * of create/edit bodies, and custom_id discovery in (classic or V2) components.
 */
import { MessageType, type APIEmbed, type APIMessage, type APIMessageTopLevelComponent, type APIUser } from 'discord-api-types/v10';
import { isRecord } from './discord-limits.js';

/** A complete message object with Discord's defaults. */
export function makeMessage(args: {
  id: string;
  channelId: string;
  author: APIUser;
  timestamp: string;
  content?: string;
  type?: MessageType;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  mentions?: APIUser[];
  flags?: number;
}): APIMessage {
  return {
    id: args.id,
    channel_id: args.channelId,
    author: args.author,
    content: args.content ?? '',
    timestamp: args.timestamp,
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: args.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: args.embeds ?? [],
    components: args.components ?? [],
    pinned: false,
    type: args.type ?? MessageType.Default,
    flags: args.flags ?? 0,
  };
}

/**
 * Applies a (validated) create/edit body onto a message: content, embeds, components, flags.
 * Fields absent from the body are left untouched, like Discord's PATCH semantics.
 */
export function applyBody(message: APIMessage, body: unknown): APIMessage {
  if (!isRecord(body)) return message;
  const next: APIMessage = { ...message };
  if (typeof body.content === 'string') next.content = body.content;
  else if (body.content === null) next.content = '';
  if (Array.isArray(body.embeds)) next.embeds = body.embeds as APIEmbed[];
  else if (body.embeds === null) next.embeds = [];
  if (Array.isArray(body.components)) next.components = body.components as APIMessageTopLevelComponent[];
  else if (body.components === null) next.components = [];
  if (typeof body.flags === 'number') next.flags = body.flags;
  return next;
}

/** Collects every `custom_id` in a message's components (nested, classic or V2). */
export function customIds(components: unknown): string[] {
  const out: string[] = [];
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const c of list) {
      if (!isRecord(c)) continue;
      if (typeof c.custom_id === 'string') out.push(c.custom_id);
      walk(c.components);
      if (isRecord(c.accessory)) walk([c.accessory]);
    }
  };
  walk(components);
  return out;
}
