import { ChannelType, type AnyThreadChannel } from 'discord.js';
import type { AskOutcome } from '../answer/service.js';
import { givesAnswer } from '../answer/view.js';

const MENTION = /<@[!&]?\d+>/g;

/** The member's words without mentions of the bot or anyone else. */
export const withoutMentions = (text: string) => text.replace(MENTION, ' ').trim();

/**
 * The question that opened a thread, when the same member asked it: the message the bot opened the thread on, or a
 * forum post's title and first message. Undefined when someone else opened it, or its first message is gone or
 * cannot be read.
 */
export async function openingQuestion(thread: AnyThreadChannel, authorId: string): Promise<string | undefined> {
  const starter = await thread.fetchStarterMessage().catch(() => null);
  if (starter?.author.id !== authorId) return undefined;
  const text = withoutMentions(starter.content);
  const forum = thread.parent?.type === ChannelType.GuildForum;
  return (forum ? `${thread.name}\n${text}` : text).trim() || undefined;
}

const helps = (r: AskOutcome) => r.ok && givesAnswer(r.view);

/**
 * Asks a follow-up in a thread. Read alone first: a follow-up that names its own subject is answered as it stands.
 * One that the guides do not answer alone ("and the deadline for that?", "plus the FE exam, still not 70?") is read
 * again after the question that opened the thread, and that answer is used when it is one.
 */
export async function askFollowUp(
  ask: (question: string) => Promise<AskOutcome>,
  followUp: string,
  opening: () => Promise<string | undefined>,
): Promise<{ result: AskOutcome; withOpening: boolean }> {
  const alone = await ask(followUp);
  if (helps(alone) || !alone.ok) return { result: alone, withOpening: false };
  const first = await opening();
  if (first === undefined) return { result: alone, withOpening: false };
  const together = await ask(`${first}\n${followUp}`);
  return helps(together) ? { result: together, withOpening: true } : { result: alone, withOpening: false };
}
