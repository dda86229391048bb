import { ChannelType, DiscordAPIError, RESTJSONErrorCodes, type Client, type Message } from 'discord.js';
import type { AskOutcome } from '../answer/service.js';
import { givesAnswer } from '../answer/view.js';
import { unansweredRecord } from '../curation/queue.js';
import type { Logger } from '../logger.js';
import type { BotContext } from './context.js';
import { createCooldown, waitText } from './cooldown.js';
import { LIMITS, truncate } from './limits.js';
import { answerMessage, textMessage } from './render.js';
import { askFollowUp, openingQuestion, withoutMentions } from './thread-opening.js';

const QUESTION_WORD =
  /^(how|what|when|where|why|who|which|can|could|should|shall|is|are|am|do|does|did|will|would|may|might|any(one|body)?)\b/i;
const NO_PERMISSION = new Set<number>([RESTJSONErrorCodes.MissingPermissions, RESTJSONErrorCodes.MissingAccess]);
const isPermissionError = (err: unknown) => err instanceof DiscordAPIError && NO_PERMISSION.has(Number(err.code));

/** Only messages phrased as questions may cost an LLM call; "thanks, that helped" never does. */
export function looksLikeQuestion(text: string): boolean {
  return /[?？]/.test(text) || QUESTION_WORD.test(text.trim()) || /(ですか|ますか|でしょうか|かな|の？|か。)\s*$/.test(text.trim());
}

type Payload = ReturnType<typeof answerMessage> & { content?: string };

/** Said above an answer to a follow-up that was read together with the thread's first question. */
const READ_WITH_OPENING = '↪️ Read together with your question that opened this thread.';
const noted = (payload: Payload, withOpening: boolean): Payload => (withOpening ? { ...payload, content: READ_WITH_OPENING } : payload);

/**
 * Posts the answer: in the thread or forum post the question is in, as a reply outside help channels, or in a new
 * thread on the question. A new thread whose answer could not be sent is deleted again (no empty threads); without
 * permission to create or post in threads, the answer goes in the channel.
 */
async function deliver(message: Message<true>, payload: Payload, threadName: string, inHelp: boolean, log: Logger): Promise<void> {
  const channel = message.channel;
  if (channel.isThread()) return void (await channel.send(payload));
  if (!inHelp) return void (await message.reply(payload));
  let thread;
  try {
    thread = await message.startThread({ name: truncate(threadName.replace(/\s+/g, ' ') || 'Question', LIMITS.threadName) });
  } catch (err) {
    if (!isPermissionError(err)) throw err;
    log.warn('cannot create threads here; replying in the channel instead');
    return void (await message.reply(payload));
  }
  try {
    await thread.send(payload);
  } catch (err) {
    await thread.delete().catch((deleteErr: unknown) => log.warn({ err: deleteErr }, 'could not delete the thread whose answer failed'));
    if (!isPermissionError(err)) throw err;
    log.warn('cannot post in the new thread; replying in the channel instead');
    await message.reply(payload);
  }
}

/** A message is considered when it mentions the bot (anywhere), or is a message or new forum post in a help channel. */
async function consider(message: Message<true>, ctx: BotContext, botId: string) {
  const channel = message.channel;
  const mentioned = message.mentions.users.has(botId);
  const parentId = channel.isThread() ? channel.parentId : channel.id;
  const inHelp = parentId !== null && (await ctx.helpChannels.isHelpChannel(message.guildId, parentId));
  const forumPost = channel.isThread() && channel.parent?.type === ChannelType.GuildForum && message.id === channel.id;
  return { mentioned, inHelp, forumPost, considered: mentioned || (inHelp && (!channel.isThread() || forumPost)) };
}

/** Asks; a mention inside a thread (past a forum post's first message) is often a follow-up to its opening question. */
function askIn(message: Message<true>, forumPost: boolean, ask: (q: string) => Promise<AskOutcome>, question: string) {
  const channel = message.channel;
  return channel.isThread() && !forumPost
    ? askFollowUp(ask, question, () => openingQuestion(channel, message.author.id))
    : ask(question).then((result) => ({ result, withOpening: false }));
}

/**
 * Answers questions posted in help channels: a message in a text help channel gets its answer in a new thread; a new
 * post in a forum help channel gets it in the post. Only confident answers are posted there — chatter gets nothing —
 * but a message that mentions the bot, anywhere, always gets a reply: the answer, the honest "not in my guides", or
 * when the member asked a moment ago (in any server), when they can ask again. The member's cooldown turn is taken atomically before
 * answering and given back when nothing could be sent; a follow-up mention in a thread takes a turn of that thread's own,
 * so it is answered right after the question that opened it. Bots, webhooks and system messages are ignored.
 */
export function createHelpChannelListener(ctx: BotContext, client: Client) {
  const cooldown = createCooldown(ctx.store, ctx.config.discord.helpCooldownSeconds);

  return async function onMessage(message: Message): Promise<void> {
    if (message.author.bot || message.system || message.webhookId || !message.inGuild() || !client.user) return;
    const channel = message.channel;
    const { mentioned, inHelp, forumPost, considered } = await consider(message, ctx, client.user.id);
    if (!considered) return;

    const log = ctx.logger.child({
      messageId: message.id,
      channelId: channel.id,
      guildId: message.guildId,
      userId: message.author.id,
      mentioned,
    });
    // A mention inside a thread (past a forum post's first message) is a follow-up there: its own turn per thread.
    const turn = await cooldown.take(message.author.id, channel.isThread() && !forumPost ? channel.id : undefined);
    if (!turn.ok) {
      ctx.metrics.helpMessage('cooldown');
      if (mentioned) await message.reply(textMessage(`You asked me a moment ago — you can ask again in ${waitText(turn.remainingMs)}.`));
      return log.debug({ remainingMs: turn.remainingMs }, 'member is in the help-channel cooldown');
    }
    let sent = false;
    try {
      const text = withoutMentions(message.content);
      const question = forumPost && channel.isThread() ? `${channel.name}\n${text}` : text;
      const context = {
        origin: 'help-channel' as const,
        userId: message.author.id,
        guildId: message.guildId,
        allowDraft: mentioned || looksLikeQuestion(question),
      };
      const service = ctx.knowledge().ask;
      const ask = (q: string) => service.ask(q, context, { beforeDraft: () => channel.sendTyping() });
      const { result, withOpening } = await askIn(message, forumPost, ask, question);
      if (!result.ok) {
        ctx.metrics.helpMessage('invalid');
        if (mentioned)
          await message.reply(
            textMessage(text ? result.message : 'Ask me a question after the mention, e.g. "@bot how do I ask for a raise?"'),
          );
        return;
      }
      // A question read as a command's request is answered even with a fact missing: the reply says how to give it.
      const unanswered = !givesAnswer(result.view);
      if (unanswered && !mentioned) {
        ctx.metrics.helpMessage('not_confident');
        return log.debug({ confidence: result.view.confidence }, 'not confident; staying quiet');
      }
      await deliver(message, noted(answerMessage(result.view, question, service.kb), withOpening), text, inHelp, log);
      sent = true;
      ctx.metrics.helpMessage(result.view.answered ? 'answered' : 'no_answer');
      ctx.metrics.answer('help_channel', result.view.mode);
      // The member has the answer: a failed queue write is the store monitor's to report.
      if (unanswered)
        await ctx.queue
          .add(message.guildId, unansweredRecord(question, result.view))
          .catch(() => log.debug('unanswered question not queued'));
      log.info({ answered: result.view.answered, mode: result.view.mode, withOpening }, 'help-channel question answered');
    } finally {
      if (!sent) await turn.release();
    }
  };
}
