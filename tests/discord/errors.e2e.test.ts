import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SentInteraction } from '../fakes/discord.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { faultyStore } from '../support/faulty-store.js';
import { customIdsOf, DOWNVOTE_FORM_TITLE, formFrom, handled, isEphemeral, replyTo, settle, until } from './helpers.js';

const QUESTION = 'how do I ask for a raise without seeming pushy?';
const faults = faultyStore();
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ store: faults.store });
});
/** Violations a test provokes on purpose; every other new violation fails the test. */
let expectedViolations: RegExp[] = [];
let checkedViolations = 0;
afterEach(() => {
  faults.heal();
  const fresh = t.fake.violations.slice(checkedViolations);
  checkedViolations += fresh.length;
  const unexpected = fresh.filter((v) => !expectedViolations.some((re) => re.test(v)));
  expectedViolations = [];
  expect(unexpected).toEqual([]);
});
afterAll(async () => {
  await t?.close();
});

const GENERIC = (id: string) =>
  `Something went wrong on my side and I couldn't answer. If it keeps happening, tell a moderator the reference \`${id}\`.`;
const logged = (msg: string, where: Record<string, unknown>) =>
  until(() => t.logs.lines().find((l) => l.msg === msg && Object.entries(where).every(([k, v]) => l[k] === v)), `the log line "${msg}"`);

/** The bot is still fine: a fresh /ask is answered at once. */
async function stillAnswers(): Promise<void> {
  expect((await replyTo(t, t.fake.slash('ask', { question: QUESTION }))).embeds?.[0]?.title).toContain('How to ask for a promotion');
}

/** The first initial response the fake accepted (earlier attempts were failed on purpose). */
async function acceptedResponse(i: SentInteraction) {
  await t.fake.waitForRequest((r) => r.path === `/interactions/${i.id}/${i.token}/callback` && r.status < 300);
  return t.fake.interactions.get(i.id)?.response;
}

describe('expected errors', () => {
  it('GIVEN a question with control characters WHEN /ask THEN the reason is shown as it is, privately, and not logged as an error', async () => {
    const i = t.fake.slash('ask', { question: 'raise\u0007please' });
    const data = await replyTo(t, i);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe('The question contains control characters (invisible formatting codes). Please send it as plain text.');
    await logged('interaction refused', { interactionId: i.id });
    expect(t.logs.lines().filter((l) => l.interactionId === i.id && Number(l.level) >= 50)).toEqual([]);
  });
});

const storeFault = (op: string) =>
  logged('store operation failed; members still get answers, but what it would have saved is lost until the store recovers', { op });

describe('store faults: members still get their answers, and the fault is logged once with its cause', () => {
  it('GIVEN the store fails WHEN a member rates an answer THEN they are thanked and told it was not saved, with no error', async () => {
    const [up] = customIdsOf(await replyTo(t, t.fake.slash('ask', { question: QUESTION })));
    faults.fail('vote:');
    const click = t.fake.button(up ?? '');
    const data = await replyTo(t, click);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe("Thanks! I couldn't save your rating just now; please try again in a while.");
    const line = await storeFault('exchange');
    expect(line.level).toBe(50);
    expect(line.err).toMatchObject({ message: 'store is down (test): vote', code: 'TEST_STORE_DOWN' });
    expect(t.logs.lines().filter((l) => l.interactionId === click.id && Number(l.level) >= 50)).toEqual([]);
    faults.heal();
    const [, down] = customIdsOf(await replyTo(t, t.fake.slash('ask', { question: QUESTION })));
    expect((await formFrom(t, t.fake.button(down ?? ''))).title).toBe(DOWNVOTE_FORM_TITLE);
    expect((await logged('store writable again', {})).failures).toBe(1);
  });

  it('GIVEN the queue fails after an unanswered /ask was replied to THEN the member keeps the answer, gets no error, and the failure is logged once', async () => {
    faults.fail('queue:');
    const asked = [
      t.fake.slash('ask', { question: 'what is the best ramen in osaka' }),
      t.fake.slash('ask', { question: 'what is the best sushi in osaka' }),
    ];
    for (const i of asked) expect((await replyTo(t, i)).embeds?.[0]?.title).toBe('Not in my guides');
    for (const i of asked) await handled(t, i.id);
    await settle(t);
    for (const i of asked) expect(t.fake.interactions.get(i.id)?.followUps).toEqual([]);
    const failures = t.logs
      .lines()
      .filter(
        (l) => l.msg === 'store operation failed; members still get answers, but what it would have saved is lost until the store recovers',
      );
    expect(failures.filter((l) => l.op === 'append')).toHaveLength(1);
    faults.heal();
    await stillAnswers();
    const after = t.fake.slash('ask', { question: 'what is the best tempura in osaka' });
    await replyTo(t, after);
    await handled(t, after.id);
    expect(t.logs.lines().filter((l) => l.msg === 'store writable again')).toHaveLength(2);
  });

  it('GIVEN the store fails WHEN a help-channel question arrives THEN it is still answered in its thread', async () => {
    faults.fail('');
    const first = t.fake.userMessage(t.fake.channels.help.id, QUESTION);
    await t.fake.waitForThread(t.fake.channels.help.id, (th) => th.id === first.id);
    await handled(t, first.id);
    expect(t.logs.lines().filter((l) => l.messageId === first.id && Number(l.level) >= 50)).toEqual([]);
  });
});

describe('Discord API errors', () => {
  it('GIVEN the interaction expired before the reply reached Discord WHEN Discord answers 10062 THEN the bot logs a warning, sends nothing more, and keeps working', async () => {
    const i = t.fake.slash('ask', { question: QUESTION });
    t.fake.advance(3_500); // Discord's clock passes the 3-second deadline before the reply arrives
    expectedViolations = [/initial response after \d+ ms \(deadline 3000 ms\)/];
    expect((await logged('interaction expired or was already answered; nothing more can be sent', { interactionId: i.id })).level).toBe(40);
    await stillAnswers();
    expect(t.fake.requests.filter((r) => r.path.includes(i.token)).map((r) => r.status)).toEqual([404]);
    expect(t.fake.violations).toContainEqual(expect.stringContaining(`/ask (${i.id}): initial response after`));
  });

  it('GIVEN Discord rejects the reply WHEN the bot answers THEN the member gets the generic message with the reference', async () => {
    const i = t.fake.slash('ask', { question: QUESTION });
    t.fake.failNext(`POST /interactions/${i.id}/${i.token}/callback`, 400, { code: 50035, message: 'Invalid Form Body', errors: {} });
    const response = await acceptedResponse(i);
    expect(response?.type).toBe(4);
    expect(response?.type === InteractionResponseType.ChannelMessageWithSource ? response.data?.content : undefined).toBe(GENERIC(i.id));
    await stillAnswers();
  });

  it('GIVEN Discord keeps failing with 500 WHEN the bot posts in a help thread THEN it retries, logs the failure and keeps working', async () => {
    t.fake.failNext(/^POST \/channels\/\d+\/messages$/, 500, undefined, { times: 4 });
    const message = t.fake.userMessage(t.fake.channels.help.id, QUESTION, { author: t.fake.user('dave') });
    expect((await logged('help-channel message failed', { messageId: message.id })).level).toBe(50);
    expect(t.fake.requests.filter((r) => r.route === '/channels/:channel/messages' && r.status === 500)).toHaveLength(4);
    await stillAnswers();
  });
});
