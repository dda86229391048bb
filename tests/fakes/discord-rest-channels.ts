/**
 * Channel routes: fetch channel, delete a thread, create/fetch/edit/delete messages (echoed over the gateway as the
 * bot, so self-message filtering is exercised), typing, threads from a message and threads
 * without one (forum posts). Message bodies go through the limit checks and the
 * allowed_mentions rule.
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
export function vetMessage(state: FakeState, where: string, message: unknown, isNew: boolean, path: (string | number)[] = []): RouteResult | undefined {
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
    message.message_reference = { type: MessageReferenceType.Default, message_id: ref.message_id, channel_id: channelId, guild_id: state.guildId };
    message.referenced_message = state.messages.get(ref.message_id) ?? null;
  }
  return message;
}

function createThread(state: FakeState, args: { id: string; parentId: string; name: string; type: APIThreadChannel['type']; autoArchive: unknown; tags?: unknown }): APIThreadChannel {
  const thread = threadChannel({
    id: args.id,
    guildId: state.guildId,
    parentId: args.parentId,
    name: args.name,
    ownerId: state.botUser.id,
    type: args.type,
    createdAt: state.iso(),
    ...(typeof args.autoArchive === 'number' ? { autoArchive: args.autoArchive } : {}),
    ...(Array.isArray(args.tags) ? { appliedTags: args.tags.filter((t): t is string => typeof t === 'string') } : {}),
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
  if (!message || message.channel_id !== channel.id) return apiError(404, 10008, 'Unknown Message');
  if (state.channels.has(message.id)) return apiError(400, 160004, 'A thread has already been created for this message');
  const name = threadName(state, `thread on message ${message.id}`, body);
  if (typeof name !== 'string') return name;
  const type = channel.type === ChannelType.GuildAnnouncement ? ChannelType.AnnouncementThread : ChannelType.PublicThread;
  const thread = createThread(state, { id: message.id, parentId: channel.id, name, type, autoArchive: isRecord(body) ? body.auto_archive_duration : undefined });
  state.messages.set(message.id, { ...message, thread });
  return ok(thread, 201);
}

function threadWithoutMessage(ctx: RouteContext): RouteResult {
  const { state, body } = ctx;
  const channel = channelOr404(ctx);
  if ('status' in channel) return channel;
  const name = threadName(state, `thread in #${channel.name ?? channel.id}`, body);
  if (typeof name !== 'string') return name;
  const fields = isRecord(body) ? body : {};
  const autoArchive = fields.auto_archive_duration;
  if (channel.type === ChannelType.GuildForum || channel.type === ChannelType.GuildMedia) {
    const rejected = vetMessage(state, `forum post in #${channel.name}`, fields.message, true, ['message']);
    if (rejected) return rejected;
    const id = state.nextId();
    const thread = createThread(state, { id, parentId: channel.id, name, type: ChannelType.PublicThread, autoArchive, tags: fields.applied_tags });
    const message = state.putMessage(applyBody(makeMessage({ id, channelId: id, author: state.botUser, timestamp: state.iso() }), fields.message));
    state.echo(GatewayDispatchEvents.MessageCreate, message);
    return ok({ ...thread, message }, 201);
  }
  if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement) {
    return apiError(400, 50024, 'Cannot execute action on this channel type');
  }
  const type = fields.type === ChannelType.PublicThread || fields.type === ChannelType.AnnouncementThread ? fields.type : ChannelType.PrivateThread;
  return ok(createThread(state, { id: state.nextId(), parentId: channel.id, name, type, autoArchive }), 201);
}

function messageOr404({ state, params }: RouteContext): APIMessage | RouteResult {
  const message = state.messages.get(params.message ?? '');
  return message && message.channel_id === params.channel ? message : apiError(404, 10008, 'Unknown Message');
}

export function channelRoutes(): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/channels/:channel',
      auth: true,
      handle: (ctx) => {
        const channel = channelOr404(ctx);
        return 'status' in channel ? channel : ok(channel);
      },
    },
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
        state.dispatch(GatewayDispatchEvents.ThreadDelete, { id: channel.id, guild_id: state.guildId, parent_id: channel.parent_id, type: channel.type });
        return ok(channel);
      },
    },
    { method: 'POST', pattern: '/channels/:channel/messages', auth: true, handle: postMessage },
    {
      method: 'GET',
      pattern: '/channels/:channel/messages/:message',
      auth: true,
      handle: (ctx) => {
        const message = messageOr404(ctx);
        return 'status' in message ? message : ok(message);
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channel/messages/:message',
      auth: true,
      handle: (ctx) => {
        const { state, body } = ctx;
        const message = messageOr404(ctx);
        if ('status' in message) return message;
        if (message.author.id !== state.botUser.id) return apiError(403, 50005, 'Cannot edit a message authored by another user');
        const rejected = vetMessage(state, `edit of message ${message.id}`, body, false);
        if (rejected) return rejected;
        const edited = state.putMessage({ ...applyBody(message, body), edited_timestamp: state.iso() });
        state.echo(GatewayDispatchEvents.MessageUpdate, edited);
        return ok(edited);
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channel/messages/:message',
      auth: true,
      handle: (ctx) => {
        const { state } = ctx;
        const message = messageOr404(ctx);
        if ('status' in message) return message;
        state.messages.delete(message.id);
        state.dispatch(GatewayDispatchEvents.MessageDelete, { id: message.id, channel_id: message.channel_id, guild_id: state.guildId });
        return ok();
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
    { method: 'POST', pattern: '/channels/:channel/threads', auth: true, handle: threadWithoutMessage },
  ];
}
