import { ChannelType, type ButtonInteraction } from 'discord.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { BotContext } from './context.js';

/** A forum tag's name is at most this long on Discord. */
export const TAG_NAME_MAX = 20;

/**
 * The server's solved tag, by name (forum tags belong to each forum channel; the name picks the tag in whichever
 * forum the post is in, ignoring case). Set by a moderator with `/config solved-tag`: one writer, a plain value.
 */
export function solvedTags(store: Store) {
  const settings = store.namespace<string>('solved-tag');
  return {
    get: (guildId: string) => settings.get(guildId),
    set: (guildId: string, name: string | undefined) => (name === undefined ? settings.delete(guildId) : settings.set(guildId, name)),
  };
}

/**
 * When the 👍 comes from the author of the forum post the answer is in, and the server has a solved tag that the
 * post's forum offers, adds it to the post (also on a repeated 👍, e.g. after the tag was configured). True when
 * this call added it. Anything else: nothing happens.
 */
export async function markSolvedIfAuthor(interaction: ButtonInteraction, ctx: BotContext, log: Logger): Promise<boolean> {
  const post = interaction.channel;
  if (!interaction.guildId || !post?.isThread() || post.parent?.type !== ChannelType.GuildForum || post.ownerId !== interaction.user.id)
    return false;
  const name = await solvedTags(ctx.store)
    .get(interaction.guildId)
    .catch(() => undefined); // the store's monitor reports the fault; the 👍 itself is saved
  const tag = name === undefined ? undefined : post.parent.availableTags.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (!tag) return false;
  if (post.appliedTags.includes(tag.id)) return false;
  if (post.appliedTags.length >= 5) return false; // Discord allows five tags per post
  try {
    await post.setAppliedTags([...post.appliedTags, tag.id]);
    log.info({ channelId: post.id }, 'forum post marked solved');
    return true;
  } catch (error) {
    log.warn({ channelId: post.id, code: (error as { code?: unknown }).code }, 'could not apply the solved tag');
    return false;
  }
}
