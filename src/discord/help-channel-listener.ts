import { ChannelType, DiscordAPIError, RESTJSONErrorCodes, type Client, type Message } from 'discord.js';
import type { BotContext } from './context.js';
import { LIMITS, truncate } from './limits.js';
import { answerMessage, textMessage } from './render.js';

const MENTION = /<@[!&]?\d+>/g;
const QUESTION_WORD = /^(how|what|when|where|why|who|which|can|could|should|shall|is|are|am|do|does|did|will|would|may|might|any(one|body)?)\b/i;

/** Only messages phrased as questions may cost an LLM call; "thanks, that helped" never does. */
export function looksLikeQuestion(text: string): boolean {
  return /[?？]/.test(text) || QUESTION_WORD.test(text.trim()) || /(ですか|ますか|でしょうか|かな|の？|か。)\s*$/.test(text.trim());
}

/**
 * Answers questions posted in help channels: a message in a text help channel gets its answer in a new thread; a new
 * post in a forum help channel gets it in the post. Only confident answers are posted there — chatter gets nothing —
 * but a message that mentions the bot, anywhere, always gets an answer or the honest "not in my guides".
 * Bots (itself included), webhooks and system messages are ignored; threads route by their parent channel.
 */
export function createHelpChannelListener(ctx: BotContext, client: Client) {
  const cooldowns = ctx.store.namespace<number>('cooldown');

  return async function onMessage(message: Message): Promise<void> {
    if (message.author.bot || message.system || message.webhookId || !message.inGuild() || !client.user) return;
    const channel = message.channel;
    const mentioned = message.mentions.users.has(client.user.id);
    const parentId = channel.isThread() ? channel.parentId : channel.id;
    const inHelp = parentId !== null && (await ctx.helpChannels.isHelpChannel(message.guildId, parentId));
    const forumPost = channel.isThread() && channel.parent?.type === ChannelType.GuildForum && message.id === channel.id;
    const channelPost = inHelp && !channel.isThread();
    if (!mentioned && !(inHelp && (channelPost || forumPost))) return;

    const log = ctx.logger.child({ messageId: message.id, channelId: channel.id, guildId: message.guildId, userId: message.author.id, mentioned });
    const text = message.content.replace(MENTION, ' ').trim();
    const question = forumPost && channel.isThread() ? `${channel.name}\n${text}` : text;
    const cooldownKey = `${message.guildId}:${message.author.id}`;
    if (await cooldowns.get(cooldownKey)) return log.debug('member is in the help-channel cooldown');

    const context = { origin: 'help-channel' as const, userId: message.author.id, guildId: message.guildId, allowDraft: mentioned || looksLikeQuestion(question) };
    const result = await ctx.knowledge().ask.ask(question, context, {
      beforeDraft: () => channel.sendTyping(),
    });
    if (!result.ok) {
      if (mentioned) await message.reply(textMessage(text ? result.message : 'Ask me a question after the mention, e.g. "@bot how do I ask for a raise?"'));
      return;
    }
    if (!result.view.answered && !mentioned) return log.debug({ confidence: result.view.confidence }, 'not confident; staying quiet');
    if (ctx.config.discord.helpCooldownSeconds > 0) await cooldowns.set(cooldownKey, Date.now(), ctx.config.discord.helpCooldownSeconds * 1000);

    const payload = answerMessage(result.view, question);
    if (channel.isThread() || !inHelp) {
      if (channel.isThread()) await channel.send(payload);
      else await message.reply(payload);
    } else {
      try {
        const thread = await message.startThread({ name: truncate(text.replace(/\s+/g, ' ') || 'Question', LIMITS.threadName) });
        await thread.send(payload);
      } catch (err) {
        if (!(err instanceof DiscordAPIError && Number(err.code) === RESTJSONErrorCodes.MissingPermissions)) throw err;
        log.warn('cannot create threads here; replying in the channel instead');
        await message.reply(payload);
      }
    }
    if (!result.view.answered) await ctx.queue.add(message.guildId, { kind: 'unanswered', question });
    log.info({ answered: result.view.answered, mode: result.view.mode }, 'help-channel question answered');
  };
}
