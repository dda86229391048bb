/**
 * Typed payload builders for the fake Discord: snowflakes, users, the guild with its channels,
 * threads and messages. Everything is typed with `discord-api-types/v10`, so payload drift fails `tsc`.
 */
import {
  ChannelType,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  ForumLayoutType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  SortOrderType,
  ThreadAutoArchiveDuration,
  type APIChannel,
  type APIGuildForumChannel,
  type APIGuildMember,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';

const DISCORD_EPOCH = 1_420_070_400_000n;
/** discord-api-types flag enums have no 0 member; an empty bitfield needs a cast. */
export const NO_FLAGS = 0;

/** Returns a generator of increasing, realistic snowflakes whose timestamp comes from `now()`. */
export function snowflakes(now: () => number): () => string {
  let counter = 0n;
  let last = 0n;
  return () => {
    const ms = BigInt(Math.floor(now())) - DISCORD_EPOCH;
    counter = ms === last ? counter + 1n : 0n;
    last = ms;
    return ((ms << 22n) | (1n << 17n) | (counter & 0xfffn)).toString();
  };
}

const bits = (...flags: bigint[]): string => flags.reduce((a, b) => a | b, 0n).toString();

/** Permission strings for interaction `member.permissions` / `app_permissions`. */
export const FakePermissions = {
  /** An ordinary member: view, send, read history, threads, use commands. No Manage Server. */
  member: bits(
    PermissionFlagsBits.ViewChannel,
    PermissionFlagsBits.SendMessages,
    PermissionFlagsBits.SendMessagesInThreads,
    PermissionFlagsBits.CreatePublicThreads,
    PermissionFlagsBits.ReadMessageHistory,
    PermissionFlagsBits.EmbedLinks,
    PermissionFlagsBits.AttachFiles,
    PermissionFlagsBits.AddReactions,
    PermissionFlagsBits.UseApplicationCommands,
  ),
  /** A member who may also Manage Server. */
  manageGuild: bits(
    PermissionFlagsBits.ViewChannel,
    PermissionFlagsBits.SendMessages,
    PermissionFlagsBits.UseApplicationCommands,
    PermissionFlagsBits.ManageGuild,
  ),
  /** Administrator (implies every permission). */
  admin: bits(PermissionFlagsBits.Administrator),
  /** What the bot itself holds in the fake guild. */
  bot: bits(
    PermissionFlagsBits.ViewChannel,
    PermissionFlagsBits.SendMessages,
    PermissionFlagsBits.SendMessagesInThreads,
    PermissionFlagsBits.CreatePublicThreads,
    PermissionFlagsBits.ReadMessageHistory,
    PermissionFlagsBits.EmbedLinks,
    PermissionFlagsBits.UseExternalEmojis,
  ),
} as const;

export function makeUser(id: string, username: string, bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: null, avatar: null, ...(bot ? { bot: true } : {}) };
}

export function makeMember(user: APIUser, joinedAt: string): APIGuildMember {
  return { user, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: NO_FLAGS as GuildMemberFlags, nick: null, avatar: null };
}

export function everyoneRole(guildId: string): APIRole {
  return {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position: 0,
    permissions: FakePermissions.member,
    managed: false,
    mentionable: false,
    flags: NO_FLAGS as RoleFlags,
  };
}

export function textChannel(id: string, guildId: string, name: string, position: number, topic: string | null = null): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position,
    topic,
    nsfw: false,
    parent_id: null,
    permission_overwrites: [],
    rate_limit_per_user: 0,
    last_message_id: null,
  };
}

export function forumChannel(id: string, guildId: string, name: string, position: number, tagIds: readonly string[]): APIGuildForumChannel {
  return {
    id,
    type: ChannelType.GuildForum,
    guild_id: guildId,
    name,
    position,
    topic: 'Ask one question per post.',
    nsfw: false,
    parent_id: null,
    permission_overwrites: [],
    rate_limit_per_user: 0,
    last_message_id: null,
    available_tags: tagIds.map((tagId, i) => ({
      id: tagId,
      name: ['visa', 'career', 'tax', 'Solved'][i] ?? `tag-${i}`,
      moderated: false,
      emoji_id: null,
      emoji_name: null,
    })),
    default_reaction_emoji: null,
    default_sort_order: SortOrderType.LatestActivity,
    default_forum_layout: ForumLayoutType.ListView,
    default_thread_rate_limit_per_user: 0,
  };
}

export function threadChannel(args: {
  id: string;
  guildId: string;
  parentId: string;
  name: string;
  ownerId: string;
  type: ChannelType.PublicThread | ChannelType.PrivateThread | ChannelType.AnnouncementThread;
  createdAt: string;
  autoArchive?: ThreadAutoArchiveDuration;
  appliedTags?: string[];
}): APIThreadChannel {
  return {
    id: args.id,
    type: args.type,
    guild_id: args.guildId,
    parent_id: args.parentId,
    name: args.name,
    owner_id: args.ownerId,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    applied_tags: args.appliedTags ?? [],
    flags: NO_FLAGS as ChannelFlags,
    thread_metadata: {
      archived: false,
      auto_archive_duration: args.autoArchive ?? ThreadAutoArchiveDuration.OneDay,
      archive_timestamp: args.createdAt,
      locked: false,
      create_timestamp: args.createdAt,
    },
  };
}

export function isThread(channel: APIChannel | undefined): channel is APIThreadChannel {
  return (
    channel !== undefined &&
    (channel.type === ChannelType.PublicThread ||
      channel.type === ChannelType.PrivateThread ||
      channel.type === ChannelType.AnnouncementThread)
  );
}

/** True for channels that accept `POST /channels/:id/messages`. */
export function isMessageable(channel: APIChannel): boolean {
  return channel.type !== ChannelType.GuildForum && channel.type !== ChannelType.GuildMedia && channel.type !== ChannelType.GuildCategory;
}

export function guildCreate(args: {
  id: string;
  ownerId: string;
  joinedAt: string;
  channels: GatewayGuildCreateDispatchData['channels'];
  threads: GatewayGuildCreateDispatchData['threads'];
  members: APIGuildMember[];
}): GatewayGuildCreateDispatchData {
  return {
    id: args.id,
    name: 'Fake Guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: args.ownerId,
    region: 'japan',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: [everyoneRole(args.id)],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: args.joinedAt,
    large: false,
    unavailable: false,
    member_count: args.members.length,
    voice_states: [],
    members: args.members,
    channels: args.channels,
    threads: args.threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
