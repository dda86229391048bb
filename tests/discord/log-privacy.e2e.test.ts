/**
 * Logs carry no member content above debug. One whole run with faults — Discord rejecting or expiring replies,
 * the store failing, the LLM failing, bad input — and then every log line at info level or above is searched for
 * every question, private value and reply text that went through the bot.
 */
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLlmFallback } from '../../src/llm/fallback.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { faultyStore } from '../support/faulty-store.js';
import { API_KEY } from '../llm/helpers.js';
import { customIdsOf, handled, replyTo, until } from './helpers.js';
import { TWO_ENTRY_QUESTION } from '../support/questions.js';

const AGE = 43;
const SALARY = 7_654_321;
const VISA_SALARY = 2_345_678;
/** Every question carries a word that appears nowhere else, so any echo of it is found. */
const QUESTIONS = {
  answered: 'how do I ask for a raise without seeming pushy zanzibar?',
  unanswered: 'what does the quokka named zanzibar eat for breakfast',
  private: 'how do I change jobs on an engineer visa, asks zanzibar?',
  help: 'how do I ask for a raise without seeming pushy, zanzibar asks?',
  helpFailing: 'how do I ask for a raise without seeming pushy? zanzibar wonders',
  rejected: 'how do I ask for a promotion zanzibar',
  // The LLM questions carry a number as their marker: a made-up word would make them look outside the domain.
  llm: `${TWO_ENTRY_QUESTION} 4821397`,
  llmFailing: 'would moving from eikaiwa to IT support make sense with N3 and some helpdesk experience back home 4821398',
};
const LONG_VALUE = `zanzibar-topic ${'x'.repeat(5_980)}`;
const MODAL_TEXT = 'my private zanzibar note';

let openai: FakeOpenAI;
let t: TestBot;
const faults = faultyStore();
beforeAll(async () => {
  openai = await startFakeOpenAI();
  t = await startTestBot({
    store: faults.store,
    env: {
      HELP_COOLDOWN_SECONDS: '30',
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_API_KEY: API_KEY,
      OPENAI_MODEL: 'fake-model',
      OPENAI_TIMEOUT_MS: '1000',
      OPENAI_MAX_RETRIES: '0',
    },
    llm: (config, logger, store) => createLlmFallback(config.llm!, logger, store),
  });
});
afterAll(async () => {
  await t?.close();
  await openai?.close();
});

const finished = (id: string) =>
  until(
    () => t.fake.interactions.get(id)?.response ?? t.logs.lines().find((l) => l.interactionId === id && Number(l.level) >= 40),
    `interaction ${id} to be done`,
  );

/** Every line of text the bot sent, long enough to be content rather than a stock phrase. */
function replyLines(): string[] {
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') texts.push(...v.split('\n'));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v))
        if (
          ['content', 'description', 'title', 'value', 'name', 'data', 'embeds', 'fields', 'author', 'json'].includes(k) ||
          typeof x === 'object'
        )
          walk(x);
  };
  for (const r of t.fake.requests) walk(r.body);
  return [...new Set(texts.map((s) => s.trim()).filter((s) => s.length >= 30 && s.includes(' ')))]; // not ids (select values)
}

it('GIVEN a whole run with Discord, store and LLM faults and bad input THEN no log line above debug holds a question, a private value or a reply', async () => {
  // Answers, public and private, and a question for the curators.
  const asked = [QUESTIONS.answered, QUESTIONS.unanswered].map((question) => t.fake.slash('ask', { question }));
  asked.push(t.fake.slash('ask', { question: QUESTIONS.private, private: true }));
  for (const i of asked) await handled(t, i.id);

  // A private /hsp-points reply that reaches Discord after the deadline (its error carries the reply: age, salary).
  const hsp = t.fake.slash('hsp-points', { age: AGE, degree: 'master', experience: 5, salary: SALARY });
  t.fake.advance(3_500);
  await until(
    () =>
      t.logs
        .lines()
        .find((l) => l.interactionId === hsp.id && l.msg === 'interaction expired or was already answered; nothing more can be sent'),
    'the expired reply',
  );
  await handled(
    t,
    t.fake.slash('visa-check', {
      status: 'engineer-specialist',
      'current-work': 'system-development',
      'new-work': 'system-development',
      employer: 'new',
      salary: VISA_SALARY,
    }).id,
  );

  // Discord rejects an answer (400) and fails the answer in a help thread (500s).
  const rejected = t.fake.slash('ask', { question: QUESTIONS.rejected });
  t.fake.failNext(`POST /interactions/${rejected.id}/${rejected.token}/callback`, 400, {
    code: 50035,
    message: 'Invalid Form Body',
    errors: {},
  });
  await finished(rejected.id);
  const help = t.fake.userMessage(t.fake.channels.help.id, QUESTIONS.help);
  await t.fake.waitForThread(t.fake.channels.help.id, (th) => th.id === help.id);
  const failing = t.fake.userMessage(t.fake.channels.help.id, QUESTIONS.helpFailing, { author: t.fake.user('other'), mentionBot: true }); // a mention is always answered
  t.fake.failNext(`POST /channels/${failing.id}/messages`, 500, undefined, { times: 4 });
  await until(
    () => t.logs.lines().find((l) => l.messageId === failing.id && l.msg === 'help-channel message failed'),
    'the failed help answer',
  );

  // The store fails while members vote and ask.
  const [up, down] = customIdsOf(await replyTo(t, asked[0]!));
  faults.fail('');
  for (const id of [up!, down!]) await finished(t.fake.button(id).id);
  await handled(t, t.fake.slash('ask', { question: `${QUESTIONS.unanswered} again` }).id);
  faults.heal();

  // The LLM drafts once, then fails.
  openai.enqueue({
    kind: 'json',
    content: {
      answer: 'IT support is a common first step out of teaching, zanzibar or not.',
      cited_ids: ['after-alt-it-tech'],
      context_sufficient: true,
    },
  });
  openai.enqueue({ kind: 'status', status: 500, body: { error: { message: `model crashed on ${QUESTIONS.llmFailing}` } } });
  for (const question of [QUESTIONS.llm, QUESTIONS.llmFailing]) await handled(t, t.fake.slash('ask', { question }).id);

  // Bad input: an oversized value, a wrong option type, a forged feedback id, a form.
  await finished(t.fake.slash('topics', { topic: LONG_VALUE }).id);
  await finished(t.fake.slash('hsp-points', [{ name: 'age', type: ApplicationCommandOptionType.String, value: `${AGE} zanzibar` }]).id);
  await finished(t.fake.button('fb:down:k:zanzibar-made-up').id);
  await finished(t.fake.modalSubmit('note:zanzibar', { note: MODAL_TEXT }).id);

  const lines = t.logs.text().split('\n').filter(Boolean);
  const above = lines.filter((l) => Number((JSON.parse(l) as { level: number }).level) > 20);
  const secrets = [
    ...Object.values(QUESTIONS),
    'zanzibar',
    '4821397',
    '4821398',
    MODAL_TEXT,
    String(SALARY),
    SALARY.toLocaleString('en-US'),
    String(VISA_SALARY),
    VISA_SALARY.toLocaleString('en-US'),
    `Age (${AGE})`,
    `"age":${AGE}`,
    ...replyLines(),
  ];
  const leaks = above.flatMap((l) => secrets.filter((s) => l.includes(s)).map((s) => `${s.slice(0, 60)} in: ${l.slice(0, 200)}`));
  expect(leaks).toEqual([]);
  expect(above.length).toBeGreaterThan(20);
  expect(openai.pending()).toBe(0); // both model calls were made
  expect(replyLines().some((l) => l.includes(`¥${SALARY.toLocaleString('en-US')}`))).toBe(true); // the private values did go through
});
