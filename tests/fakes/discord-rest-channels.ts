/**
 * Channel routes the bot uses: send a message (echoed over the gateway as the bot, so self-message filtering is
 * exercised), fetch one, typing, a thread from a message, a forum post's tags, deleting a thread. Message bodies go through the limit checks and
 * the allowed_mentions rule. Other channel routes are not modelled (a call is a violation and a 404).
 */
import {
  ChannelType,
  GatewayDispatchEvents,
  MessageReferenceType,
  MessageType,
  type APIMessage,
  type APIThreadChannel,
  type ThreadMemberFlags,
} from 'discord-api-types/v10';
import { NO_FLAGS, isMessageable, isThread, threadChannel } from './discord-fixtures.js';
import { applyBody, makeMessage } from './discord-messages.js';
import { FormErrors, allowedMentionsBreach, checkMessage, checkString, isRecord } from './discord-limits.js';
import { apiError, ok, type Route, type RouteContext, type RouteResult } from './discord-rest.js';
import type { FakeState } from './discord-state.js';

/**
 * Validates a message body. Returns an error result (and records the violation) if Discord would
 * reject it; records allowed_mentions breaches without rejecting (Discord accepts those).
 */
export function vetMessage(
  state: FakeState,
  where: string,
  message: unknown,
  isNew: boolean,
  path: (string | number)[] = [],
): RouteResult | undefined {
  const { errors, empty } = checkMessage(message, isNew, path);
  const breach = allowedMentionsBreach(message);
  if (breach !== undefined) state.violation(`${where}: ${breach}`);
  if (!errors.empty) {
    state.violation(`${where} rejected: ${errors.lines.join('; ')}`);
    return { status: 400, body: errors.body() };
  }
  if (empty) {
    state.violation(`${where} rejected: empty message`);
    return apiError(400, 50006, 'Cannot send an empty message');
  }
  return undefined;
}

function botMessage(state: FakeState, channelId: string, body: unknown): APIMessage {
  const base = makeMessage({ id: state.nextId(), channelId, author: state.botUser, timestamp: state.iso() });
  const message = applyBody(base, body);
  const ref = isRecord(body) && isRecord(body.message_reference) ? body.message_reference : undefined;
  if (ref && typeof ref.message_id === 'string') {
    message.type = MessageType.Reply;
    message.message_reference = {
      type: MessageReferenceType.Default,
      message_id: ref.message_id,
      channel_id: channelId,
      guild_id: state.guildOf(channelId),
    };
    message.referenced_message = state.messages.get(ref.message_id) ?? null;
  }
  return message;
}

function createThread(
  state: FakeState,
  args: { id: string; parentId: string; name: string; type: APIThreadChannel['type']; autoArchive: unknown },
): APIThreadChannel {
  const thread = threadChannel({
    id: args.id,
    guildId: state.guildOf(args.parentId),
    parentId: args.parentId,
    name: args.name,
    ownerId: state.botUser.id,
    type: args.type,
    createdAt: state.iso(),
    ...(typeof args.autoArchive === 'number' ? { autoArchive: args.autoArchive } : {}),
  });
  thread.member = { id: thread.id, user_id: state.botUser.id, join_timestamp: state.iso(), flags: NO_FLAGS as ThreadMemberFlags };
  state.channels.set(thread.id, thread);
  state.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true });
  state.notify();
  return thread;
}

function threadName(state: FakeState, where: string, body: unknown): RouteResult | string {
  const errors = new FormErrors();
  const name = isRecord(body) ? body.name : undefined;
  checkString(errors, ['name'], name, 100, { required: true, min: 1 });
  if (!errors.empty || typeof name !== 'string') {
    state.violation(`${where} rejected: ${errors.lines.join('; ')}`);
    return { status: 400, body: errors.body() };
  }
  return name;
}

function channelOr404({ state, params }: RouteContext) {
  const channel = state.channels.get(params.channel ?? '');
  return channel ?? apiError(404, 10003, 'Unknown Channel');
}

function postMessage(ctx: RouteContext): RouteResult {
  const { state, body } = ctx;
  const channel = channelOr404(ctx);
  if ('status' in channel) return channel;
  if (!isMessageable(channel)) return apiError(400, 50008, 'Cannot send messages in a non-text channel');
  if (isThread(channel) && channel.thread_metadata?.locked) return apiError(403, 50083, 'Thread is archived');
  // The bot posts only where it is: its server and its DMs. A DM fails when the member does not accept them.
  if (channel.type === ChannelType.DM) {
    if (state.closedDms.has(channel.recipients?.[0]?.id ?? '')) return apiError(403, 50007, 'Cannot send messages to this user');
  } else if (!state.botSees(channel.id)) return apiError(403, 50001, 'Missing Access');
  const rejected = vetMessage(state, `message to #${channel.name ?? channel.id}`, body, true);
  if (rejected) return rejected;
  const message = state.putMessage(botMessage(state, channel.id, body));
  state.echo(GatewayDispatchEvents.MessageCreate, message);
  return ok(message);
}

function threadFromMessage(ctx: RouteContext): RouteResult {
  const { state, params, body } = ctx;
  const channel = channelOr404(ctx);
  if ('status' in channel) return channel;
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    return apiError(400, 50024, 'Cannot execute action on this channel type');
  }
  const message = state.messages.get(params.message ?? '');
  if (message?.channel_id !== channel.id) return apiError(404, 10008, 'Unknown Message');
  if (state.channels.has(message.id)) return apiError(400, 160004, 'A thread has already been created for this message');
  const name = threadName(state, `thread on message ${message.id}`, body);
  if (typeof name !== 'string') return name;
  const type = channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread;
  const thread = createThread(state, {
    id: message.id,
    parentId: channel.id,
    name,
    type,
    autoArchive: isRecord(body) ? body.auto_archive_duration : undefined,
  });
  state.messages.set(message.id, { ...message, thread });
  return ok(thread, 201);
}

/**
 * Editing a thread: only `applied_tags` of a forum post is modelled (≤ 5 tags, each one its forum offers);
 * THREAD_UPDATE follows, as on Discord.
 */
function patchThread(ctx: RouteContext): RouteResult {
  const { state, body } = ctx;
  const channel = channelOr404(ctx);
  if ('status' in channel) return channel;
  const parent = isThread(channel) ? state.channels.get(channel.parent_id ?? '') : undefined;
  const fields = isRecord(body) ? Object.keys(body) : [];
  if (!isThread(channel) || parent?.type !== ChannelType.GuildForum || fields.some((f) => f !== 'applied_tags')) {
    state.violation(`PATCH /channels/${channel.id}: only applied_tags of a forum post is modelled (got ${fields.join(', ') || 'nothing'})`);
    return apiError(400, 0, 'Not modelled (fake)');
  }
  const tags = isRecord(body) && Array.isArray(body.applied_tags) ? body.applied_tags : [];
  const offered = new Set(parent.available_tags.map((t) => t.id));
  const errors = new FormErrors();
  if (tags.length > 5) errors.add(['applied_tags'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  tags.forEach((t, i) => {
    if (typeof t !== 'string' || !offered.has(t)) errors.add(['applied_tags', i], 'CHANNEL_TAG_INVALID', 'Tag not available in this forum');
  });
  if (!errors.empty) {
    state.violation(`PATCH /channels/${channel.id} rejected: ${errors.lines.join('; ')}`);
    return { status: 400, body: errors.body() };
  }
  const updated: APIThreadChannel = { ...channel, applied_tags: tags as string[] };
  state.channels.set(updated.id, updated);
  state.dispatch(GatewayDispatchEvents.ThreadUpdate, updated);
  state.notify();
  return ok(updated);
}

export function channelRoutes(): Route[] {
  return [
    {
      // Deleting a thread (the only channels the bot may delete here): THREAD_DELETE follows, as on Discord.
      method: 'DELETE',
      pattern: '/channels/:channel',
      auth: true,
      handle: (ctx) => {
        const { state } = ctx;
        const channel = channelOr404(ctx);
        if ('status' in channel) return channel;
        if (!isThread(channel)) return apiError(403, 50013, 'Missing Permissions');
        state.channels.delete(channel.id);
        state.dispatch(GatewayDispatchEvents.ThreadDelete, {
          id: channel.id,
          guild_id: channel.guild_id ?? state.guildId,
          parent_id: channel.parent_id,
          type: channel.type,
        });
        return ok(channel);
      },
    },
    { method: 'PATCH', pattern: '/channels/:channel', auth: true, handle: patchThread },
    { method: 'POST', pattern: '/channels/:channel/messages', auth: true, handle: postMessage },
    {
      // Opening (or finding) the DM channel with a user: `client.users.send` / `createDM`.
      method: 'POST',
      pattern: '/users/@me/channels',
      auth: true,
      handle: ({ state, body }) => {
        const user = state.users.get(isRecord(body) && typeof body.recipient_id === 'string' ? body.recipient_id : '');
        return user ? ok(state.dmChannel(user)) : apiError(400, 50035, 'Invalid Form Body');
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channel/typing',
      auth: true,
      handle: (ctx) => {
        const channel = channelOr404(ctx);
        return 'status' in channel ? channel : ok();
      },
    },
    { method: 'POST', pattern: '/channels/:channel/messages/:message/threads', auth: true, handle: threadFromMessage },
    {
      // One message (a thread's starter, when it is no longer cached): 10008 once it is deleted.
      method: 'GET',
      pattern: '/channels/:channel/messages/:message',
      auth: true,
      handle: (ctx) => {
        const channel = channelOr404(ctx);
        if ('status' in channel) return channel;
        const message = ctx.state.messages.get(ctx.params.message ?? '');
        return message?.channel_id === channel.id ? ok(message) : apiError(404, 10008, 'Unknown Message');
      },
    },
  ];
}
