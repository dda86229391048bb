import { describe, expect, it } from 'vitest';
import { useTestBot } from '../support/bot.js';
import { configChannel } from './helpers.js';

const OPENING = 'how many days do I have to notify immigration after quitting?';
/** Names no subject: alone it is not in the guides (the bot's honest "not in my guides"). */
const FOLLOW_UP = "and if I don't file it?";
const NOTICE_TITLE = 'Changing jobs on a work visa';

const t = useTestBot();

const member = () => t.fake.user(`member-${Math.random().toString(36).slice(2, 8)}`);
const botMessagesIn = (channelId: string) => t.fake.messagesIn(channelId).filter((m) => m.author.id === t.fake.botUser.id);

/** A member's question in the help channel, and the thread the bot answered it in. */
async function openThread(author: ReturnType<typeof member>) {
  const message = t.fake.userMessage(t.fake.channels.help.id, OPENING, { author });
  const thread = await t.fake.waitForThread(t.fake.channels.help.id, (th) => th.id === message.id);
  await t.fake.waitForChannelMessage(thread.id);
  return thread;
}

describe('follow-ups in a thread', () => {
  it('GIVEN a member’s answered question WHEN they mention the bot in its thread with a follow-up that names no subject THEN it is answered read together with their opening question, and says so', async () => {
    const asker = member();
    const thread = await openThread(asker);
    t.fake.userMessage(thread.id, FOLLOW_UP, { author: asker, mentionBot: true });
    const reply = await t.fake.waitForChannelMessage(thread.id, (m) => botMessagesIn(thread.id).indexOf(m) === 1);
    expect(reply.content).toContain('Read together with your question that opened this thread');
    expect(reply.embeds[0]?.title).toContain(NOTICE_TITLE);
    expect(reply.embeds[0]?.author?.name).toBe(`❓ ${FOLLOW_UP}`);
  });

  it('GIVEN a thread another member opened WHEN someone mentions the bot there with the same follow-up THEN it is read alone: "not in my guides"', async () => {
    const thread = await openThread(member());
    t.fake.userMessage(thread.id, FOLLOW_UP, { author: member(), mentionBot: true });
    const reply = await t.fake.waitForChannelMessage(thread.id, (m) => botMessagesIn(thread.id).indexOf(m) === 1);
    expect(reply.embeds[0]?.title).toBe('Not in my guides');
    expect(reply.content ?? '').toBe('');
  });

  it('GIVEN the member deleted their opening message WHEN they mention the bot in the thread with a follow-up THEN it is read alone, with no error', async () => {
    const asker = member();
    const message = t.fake.userMessage(t.fake.channels.help.id, OPENING, { author: asker });
    const thread = await t.fake.waitForThread(t.fake.channels.help.id, (th) => th.id === message.id);
    await t.fake.waitForChannelMessage(thread.id);
    t.fake.deleteUserMessage(message);
    t.fake.userMessage(thread.id, FOLLOW_UP, { author: asker, mentionBot: true });
    const reply = await t.fake.waitForChannelMessage(thread.id, (m) => botMessagesIn(thread.id).indexOf(m) === 1);
    expect(reply.embeds[0]?.title).toBe('Not in my guides');
    // Out of discord.js's cache, the starter was asked for and is gone (Unknown Message).
    expect(t.fake.requests).toContainEqual(
      expect.objectContaining({ method: 'GET', path: `/channels/${t.fake.channels.help.id}/messages/${message.id}`, status: 404 }),
    );
  });

  it('GIVEN a member’s forum post WHEN they mention the bot in it with a follow-up THEN it is read with the post’s title and first message', async () => {
    await configChannel(t, 'add-help-channel', t.fake.channels.forum.id);
    const asker = member();
    const { thread } = t.fake.forumPost(t.fake.channels.forum.id, 'Quitting', OPENING, { author: asker });
    await t.fake.waitForChannelMessage(thread.id);
    t.fake.userMessage(thread.id, FOLLOW_UP, { author: asker, mentionBot: true });
    const reply = await t.fake.waitForChannelMessage(thread.id, (m) => botMessagesIn(thread.id).indexOf(m) === 1);
    expect(reply.content).toContain('Read together with your question that opened this thread');
    expect(reply.embeds[0]?.title).toContain(NOTICE_TITLE);
  });

  it('GIVEN a follow-up that names its own subject WHEN the asker mentions the bot in the thread THEN it is answered as it stands', async () => {
    const asker = member();
    const thread = await openThread(asker);
    t.fake.userMessage(thread.id, 'also how do I ask for a raise without seeming pushy?', { author: asker, mentionBot: true });
    const reply = await t.fake.waitForChannelMessage(thread.id, (m) => botMessagesIn(thread.id).indexOf(m) === 1);
    expect(reply.embeds[0]?.title).toContain('How to ask for a promotion');
    expect(reply.content ?? '').toBe('');
  });
});
