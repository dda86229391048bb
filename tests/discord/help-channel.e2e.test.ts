import { MessageType, type APIMessage } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBot } from '../support/bot.js';
import { configChannel, customIdsOf, reactionsTo, settle, textOf, until } from './helpers.js';

const QUESTION = 'how do I ask for a raise without seeming pushy?';
const VISA_QUESTION = 'how many days do I have to notify immigration after quitting?';

const t = useTestBot({ env: { HELP_COOLDOWN_SECONDS: '60' } });
let help: string;
let general: string;
beforeAll(() => {
  help = t.fake.channels.help.id;
  general = t.fake.channels.general.id;
});

/** A member who has not asked anything yet (the cooldown is per member). */
const member = () => t.fake.user(`member-${Math.random().toString(36).slice(2, 8)}`);

/** Posts in a text help channel and returns the thread the bot opened on the message and its answer there. */
async function askInChannel(channelId: string, content: string) {
  const message = t.fake.userMessage(channelId, content, { author: member() });
  const thread = await t.fake.waitForThread(channelId, (th) => th.id === message.id);
  const answer = await t.fake.waitForChannelMessage(thread.id);
  return { message, thread, answer };
}

async function expectNoReaction(message: APIMessage): Promise<void> {
  await settle(t);
  expect(reactionsTo(t, message.id)).toEqual([]);
}

describe('text help channel', () => {
  it('GIVEN a question the guides cover WHEN posted in the help channel THEN the answer, sources and 👍/👎 come in a thread on it', async () => {
    const { thread, answer } = await askInChannel(help, QUESTION);
    expect(thread.name).toBe(QUESTION);
    expect(answer.embeds[0]?.author?.name).toBe(`❓ ${QUESTION}`);
    expect(answer.embeds[0]?.title).toContain('How to ask for a promotion');
    expect(answer.embeds[0]?.fields?.some((f) => f.name === 'Sources')).toBe(true);
    expect(customIdsOf(answer).map((id) => id.slice(0, 7))).toEqual(['fb:up:k', 'fb:down']);
    await settle(t);
    expect(t.fake.messagesIn(thread.id).filter((m) => m.author.id === t.fake.botUser.id)).toHaveLength(1); // its own echo is ignored
  });

  it.each(['lol same', 'thanks!'])('GIVEN chatter "%s" WHEN posted in the help channel THEN the bot stays quiet', async (chatter) => {
    await expectNoReaction(t.fake.userMessage(help, chatter, { author: member() }));
  });

  it('GIVEN a question mentioning @everyone and a user WHEN answered THEN every bot request parses no mentions', async () => {
    const { message } = await askInChannel(help, `@everyone <@123456789012345678> ${VISA_QUESTION}`);
    const sent = reactionsTo(t, message.id).filter((r) => r.path.endsWith('/messages'));
    expect(sent.length).toBeGreaterThan(0);
    for (const r of sent) expect((r.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN the bot may not create threads WHEN a question is posted THEN it answers with a reply instead', async () => {
    t.fake.failNext('POST /channels/:channel/messages/:message/threads', 403, { code: 50013, message: 'Missing Permissions' });
    const message = t.fake.userMessage(help, QUESTION, { author: member() });
    const reply = await t.fake.waitForChannelMessage(help, (m) => m.message_reference?.message_id === message.id);
    expect(reply.embeds[0]?.title).toContain('How to ask for a promotion');
    expect(t.fake.messagesIn(message.id)).toEqual([]); // no thread was opened on it
  });

  it('GIVEN HELP_COOLDOWN_SECONDS=60 WHEN the same member asks twice THEN only the first question is answered', async () => {
    const author = member();
    const first = t.fake.userMessage(help, QUESTION, { author });
    await t.fake.waitForThread(help, (th) => th.id === first.id);
    await expectNoReaction(t.fake.userMessage(help, VISA_QUESTION, { author }));
  });

  it('GIVEN a member in the cooldown WHEN they mention the bot THEN it says when they can ask again', async () => {
    const author = member();
    const first = t.fake.userMessage(help, QUESTION, { author });
    await t.fake.waitForThread(help, (th) => th.id === first.id);
    const mention = t.fake.userMessage(general, VISA_QUESTION, { author, mentionBot: true });
    const reply = await t.fake.waitForChannelMessage(general, (m) => m.message_reference?.message_id === mention.id);
    expect(reply.content).toMatch(/^You asked me a moment ago — you can ask again in (60|59|58) s\.$/);
  });

  it('GIVEN a member just answered in a thread WHEN they mention the bot there with a follow-up THEN it is answered, and a second mention there within the cooldown is told to wait', async () => {
    const author = member();
    const first = t.fake.userMessage(help, VISA_QUESTION, { author });
    const thread = await t.fake.waitForThread(help, (th) => th.id === first.id);
    await t.fake.waitForChannelMessage(thread.id);
    const botIn = () => t.fake.messagesIn(thread.id).filter((m) => m.author.id === t.fake.botUser.id);
    t.fake.userMessage(thread.id, QUESTION, { author, mentionBot: true });
    const followUp = await t.fake.waitForChannelMessage(thread.id, (m) => botIn().indexOf(m) === 1);
    expect(followUp.embeds[0]?.title).toContain('How to ask for a promotion');
    const again = t.fake.userMessage(thread.id, 'and how do I ask for a transfer?', { author, mentionBot: true });
    const wait = await t.fake.waitForChannelMessage(thread.id, (m) => m.message_reference?.message_id === again.id);
    expect(wait.content).toMatch(/^You asked me a moment ago — you can ask again in (60|59|58) s\.$/);
  });

  it('GIVEN Discord fails (500) to take the answer in the new thread THEN the empty thread is deleted and the member can ask again at once', async () => {
    const author = member();
    const first = t.fake.userMessage(help, QUESTION, { author });
    // The thread opened on a message has the message's id: its answer fails, first try and discord.js's 3 retries.
    t.fake.failNext(`POST /channels/${first.id}/messages`, 500, undefined, { times: 4 });
    await t.fake.waitForRequest((r) => r.method === 'DELETE' && r.path === `/channels/${first.id}` && r.status === 200, 15_000); // the thread on it
    expect(t.fake.messagesIn(first.id)).toEqual([]);
    await until(
      () => t.logs.lines().find((l) => l.messageId === first.id && l.msg === 'help-channel message failed'),
      'the failure to be logged',
    );
    const again = t.fake.userMessage(help, QUESTION, { author });
    const retried = await t.fake.waitForThread(help, (th) => th.id === again.id);
    expect((await t.fake.waitForChannelMessage(retried.id)).embeds[0]?.title).toContain('How to ask for a promotion');
  });
});

describe('threads of a help channel', () => {
  it('GIVEN a thread of the help channel WHEN a member replies without a mention THEN it is conversation and nothing is posted', async () => {
    const { thread } = await askInChannel(help, VISA_QUESTION);
    await expectNoReaction(t.fake.userMessage(thread.id, 'How do I change jobs on my visa?', { author: member() }));
    expect(t.fake.messagesIn(thread.id).filter((m) => m.author.id === t.fake.botUser.id)).toHaveLength(1);
  });

  it('GIVEN a thread of the help channel WHEN a member mentions the bot with a question THEN the answer is posted in the thread', async () => {
    const { thread } = await askInChannel(help, VISA_QUESTION);
    t.fake.userMessage(thread.id, QUESTION, { author: member(), mentionBot: true });
    const answer = await t.fake.waitForChannelMessage(
      thread.id,
      (m) => m.embeds[0]?.title?.includes('How to ask for a promotion') === true,
    );
    expect(answer.message_reference).toBeUndefined();
  });
});

describe('mentions', () => {
  it('GIVEN a channel that is not a help channel WHEN a member mentions the bot with a question THEN it replies with the answer', async () => {
    const message = t.fake.userMessage(general, QUESTION, { author: member(), mentionBot: true });
    const reply = await t.fake.waitForChannelMessage(general, (m) => m.message_reference?.message_id === message.id);
    expect(reply.embeds[0]?.title).toContain('How to ask for a promotion');
    expect(reply.embeds[0]?.author?.name).toBe(`❓ ${QUESTION}`);
  });

  it('GIVEN a question outside the guides WHEN the bot is mentioned THEN it replies honestly "not in my guides"', async () => {
    const message = t.fake.userMessage(general, 'what is the best ramen in osaka', { author: member(), mentionBot: true });
    const reply = await t.fake.waitForChannelMessage(general, (m) => m.message_reference?.message_id === message.id);
    expect(reply.embeds[0]?.title).toBe('Not in my guides');
    expect(customIdsOf(reply).filter((id) => id.startsWith('fb:'))).toEqual([]);
  });

  it('GIVEN a bare mention WHEN posted THEN the bot explains how to ask', async () => {
    const message = t.fake.userMessage(general, '', { author: member(), mentionBot: true });
    const reply = await t.fake.waitForChannelMessage(general, (m) => m.message_reference?.message_id === message.id);
    expect(textOf(reply)).toContain('Ask me a question after the mention');
  });

  it('GIVEN a question without a mention WHEN posted outside help channels THEN nothing', async () => {
    await expectNoReaction(t.fake.userMessage(general, QUESTION, { author: member() }));
  });
});

describe('ignored authors', () => {
  it('GIVEN another bot WHEN it mentions the bot with a question in the help channel THEN it is ignored', async () => {
    await expectNoReaction(t.fake.userMessage(help, QUESTION, { author: t.fake.user('other-bot', true), mentionBot: true }));
  });

  it('GIVEN a message authored by the bot itself WHEN it arrives in the help channel THEN it is ignored', async () => {
    await expectNoReaction(t.fake.userMessage(help, QUESTION, { author: t.fake.botUser }));
  });

  it('GIVEN a system message WHEN it arrives in the help channel THEN it is ignored', async () => {
    await expectNoReaction(t.fake.userMessage(help, QUESTION, { author: member(), type: MessageType.UserJoin }));
  });

  it('GIVEN a webhook message WHEN it arrives in the help channel THEN it is ignored', async () => {
    await expectNoReaction(t.fake.userMessage(help, QUESTION, { author: member(), webhookId: '123456789012345678' }));
  });
});

describe('help channels added with /config', () => {
  it('GIVEN #general added with /config add-help-channel WHEN a question is posted there THEN it is answered without a restart', async () => {
    await expectNoReaction(t.fake.userMessage(general, VISA_QUESTION, { author: member() }));
    expect((await configChannel(t, 'add-help-channel', general)).content).toBe(`I'll answer questions posted in <#${general}>.`);
    const { answer } = await askInChannel(general, VISA_QUESTION);
    expect(answer.embeds[0]?.title).toMatch(/visa/i);
    expect((await configChannel(t, 'remove-help-channel', general)).content).toBe(`I'll stop answering in <#${general}>.`);
    await expectNoReaction(t.fake.userMessage(general, VISA_QUESTION, { author: member() }));
  });
});

describe('forum help channel', () => {
  beforeAll(async () => {
    expect((await configChannel(t, 'add-help-channel', t.fake.channels.forum.id)).content).toContain("I'll answer questions posted in");
  });

  it('GIVEN a forum help channel WHEN a member opens a post THEN the answer comes in the post itself', async () => {
    const forum = t.fake.channels.forum.id;
    const { thread } = t.fake.forumPost(forum, 'Raise', QUESTION, { author: member() });
    const answer = await t.fake.waitForChannelMessage(thread.id);
    expect(answer.embeds[0]?.title).toContain('How to ask for a promotion');
    expect(answer.embeds[0]?.author?.name).toBe(`❓ Raise ${QUESTION}`);
    expect(t.fake.requests.filter((r) => r.path.endsWith('/threads'))).not.toContainEqual(
      expect.objectContaining({ path: expect.stringContaining(forum) as string }),
    );
  });

  it('GIVEN a forum help post WHEN a member replies in it without a mention THEN it is conversation and nothing is posted', async () => {
    const { thread } = t.fake.forumPost(t.fake.channels.forum.id, 'Visa', VISA_QUESTION, { author: member() });
    await t.fake.waitForChannelMessage(thread.id);
    await expectNoReaction(t.fake.userMessage(thread.id, QUESTION, { author: member() }));
    expect(t.fake.messagesIn(thread.id).filter((m) => m.author.id === t.fake.botUser.id)).toHaveLength(1);
  });

  it('GIVEN a forum help channel WHEN a post is chatter THEN nothing is posted in it', async () => {
    const { message } = t.fake.forumPost(t.fake.channels.forum.id, 'hello', 'lol same', { author: member() });
    await expectNoReaction(message);
  });
});
