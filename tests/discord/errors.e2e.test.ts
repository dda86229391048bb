import Keyv from 'keyv';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { storeFromKeyv, type Namespace, type Store } from '../../src/store/store.js';
import type { SentInteraction } from '../fakes/discord.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { customIdsOf, handled, isEphemeral, replyTo, settle, until } from './helpers.js';

/** An in-memory store whose namespaces listed in `broken` throw on every read and write, like a store that went down. */
function breakableStore(broken: Set<string>): Store {
  const inner = storeFromKeyv(new Keyv());
  const fail = (name: string) => {
    if (broken.has(name)) throw new Error(`store is down (test): ${name}`);
  };
  return {
    namespace<T>(name: string): Namespace<T> {
      const ns = inner.namespace<T>(name);
      return {
        get: async (key) => (fail(name), ns.get(key)),
        set: async (key, value, ttl) => (fail(name), ns.set(key, value, ttl)),
        delete: async (key) => (fail(name), ns.delete(key)),
      };
    },
    close: () => inner.close(),
  };
}

const QUESTION = 'how do I ask for a raise without seeming pushy?';
const broken = new Set<string>();
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ store: breakableStore(broken) });
});
/** Violations a test provokes on purpose; every other new violation fails the test. */
let expectedViolations: RegExp[] = [];
let checkedViolations = 0;
afterEach(() => {
  broken.clear();
  const fresh = t.fake.violations.slice(checkedViolations);
  checkedViolations += fresh.length;
  const unexpected = fresh.filter((v) => !expectedViolations.some((re) => re.test(v)));
  expectedViolations = [];
  expect(unexpected).toEqual([]);
});
afterAll(async () => {
  await t?.close();
});

const GENERIC = (id: string) => `Something went wrong on my side and I couldn't answer. If it keeps happening, tell a moderator the reference \`${id}\`.`;
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

describe('unexpected errors', () => {
  it('GIVEN the store fails WHEN a member rates an answer THEN a generic private message with the interaction id, and the error logged in full', async () => {
    const [up] = customIdsOf(await replyTo(t, t.fake.slash('ask', { question: QUESTION })));
    broken.add('vote');
    const click = t.fake.button(up ?? '');
    const data = await replyTo(t, click);
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe(GENERIC(click.id));
    const line = await logged('unexpected error while handling an interaction', { reference: click.id });
    expect(line.level).toBe(50);
    const err = line.err as { message: string; stack: string };
    expect(err.message).toBe('store is down (test): vote');
    expect(err.stack).toContain('feedback');
  });

  it('GIVEN the queue fails after an unanswered /ask was replied to THEN the member keeps the answer, gets no error, and the failure is logged', async () => {
    broken.add('queue');
    const i = t.fake.slash('ask', { question: 'what is the best ramen in osaka' });
    expect((await replyTo(t, i)).embeds?.[0]?.title).toBe('Not in my guides');
    expect((await logged('could not queue the unanswered question', { interactionId: i.id })).err).toMatchObject({ message: 'store is down (test): queue' });
    await settle(t);
    expect(t.fake.interactions.get(i.id)?.followUps).toEqual([]);
    broken.clear();
    await stillAnswers();
  });

  it('GIVEN the store fails WHEN a help-channel question arrives THEN the failure is logged and the next question is answered', async () => {
    broken.add('cooldown');
    const first = t.fake.userMessage(t.fake.channels.help.id, QUESTION);
    expect((await logged('help-channel message failed', { messageId: first.id })).err).toMatchObject({ message: 'store is down (test): cooldown' });
    broken.clear();
    const second = t.fake.userMessage(t.fake.channels.help.id, QUESTION);
    await t.fake.waitForThread(t.fake.channels.help.id, (th) => th.id === second.id);
    await handled(t, second.id);
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
    expect(response?.type === 4 ? response.data?.content : undefined).toBe(GENERIC(i.id));
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
