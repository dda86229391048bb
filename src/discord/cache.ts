import { Options, type CacheFactory, type SweeperOptions } from 'discord.js';

/**
 * What discord.js keeps in memory. The bot answers from each event's own data and keeps only what it looks up:
 * servers, their channels and threads (a message in an uncached channel is never delivered), and its own user and
 * member. Messages are kept only briefly (nothing reads them back); members, users, presences, reactions, emojis,
 * stickers, voice states, invites, bans, scheduled events and application commands are not kept at all.
 */
export function cacheFactory(): CacheFactory {
  const self = <T extends { id: string; client: { user: { id: string } | null } }>(item: T) => item.id === item.client.user?.id;
  return Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    MessageManager: 25,
    GuildMemberManager: { maxSize: 0, keepOverLimit: self },
    UserManager: { maxSize: 0, keepOverLimit: self },
    ThreadMemberManager: 0,
    PresenceManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    GuildEmojiManager: 0,
    GuildStickerManager: 0,
    BaseGuildEmojiManager: 0,
    VoiceStateManager: 0,
    GuildInviteManager: 0,
    GuildBanManager: 0,
    GuildScheduledEventManager: 0,
    StageInstanceManager: 0,
    AutoModerationRuleManager: 0,
    ApplicationCommandManager: 0,
  });
}

/** Periodic sweeps (seconds): messages older than 15 minutes, and threads archived more than an hour ago. */
export const SWEEPERS: SweeperOptions = {
  ...Options.DefaultSweeperSettings,
  messages: { interval: 300, lifetime: 900 },
  threads: { interval: 3600, lifetime: 3600 },
};
