import { describe, expect, it } from 'vitest';
import { useTestBot } from '../support/bot.js';
import { replyTo, until } from './helpers.js';

const QUESTION = 'how do I ask for a raise without seeming pushy?';

const t = useTestBot();

describe('gateway resume', () => {
  it('GIVEN the gateway drops the connection (4000) WHEN a member runs /ask at that moment THEN the bot resumes and answers it in time', async () => {
    t.fake.kick(4000);
    const i = t.fake.slash('ask', { question: QUESTION }); // queued by the gateway while the bot is disconnected
    const data = await replyTo(t, i);
    expect(data.embeds?.[0]?.title).toContain('How to ask for a promotion');
    expect(t.fake.gateway.resumes).toBe(1);
    expect(t.fake.gateway.identifies).toHaveLength(1); // resumed the session, no new IDENTIFY
    await until(() => t.logs.lines().some((l) => l.msg === 'gateway session resumed'), 'the resume to be logged');
  });

  it('GIVEN a second drop WHEN a member posts in the help channel THEN the question is still answered in a thread', async () => {
    t.fake.kick(4000);
    const message = t.fake.userMessage(t.fake.channels.help.id, QUESTION);
    const thread = await t.fake.waitForThread(t.fake.channels.help.id, (th) => th.id === message.id);
    expect((await t.fake.waitForChannelMessage(thread.id)).embeds[0]?.title).toContain('How to ask for a promotion');
    expect(await t.fake.waitForResume(2)).toBe(2);
  });

  it('GIVEN a resumed session WHEN the next /ask comes THEN it is answered normally', async () => {
    await t.fake.waitForResume(2);
    expect((await replyTo(t, t.fake.slash('ask', { question: QUESTION }))).embeds?.[0]?.title).toContain('How to ask for a promotion');
  });
});
