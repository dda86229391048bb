import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLlmFallback } from '../../src/llm/fallback.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { settle } from '../discord/helpers.js';
import { API_KEY } from './helpers.js';
import { TWO_ENTRY_QUESTION } from '../support/questions.js';

let openai: FakeOpenAI;
let t: TestBot;
beforeAll(async () => {
  openai = await startFakeOpenAI();
  t = await startTestBot({
    env: {
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_API_KEY: API_KEY,
      OPENAI_MODEL: 'fake-model',
      OPENAI_TIMEOUT_MS: '1000',
      OPENAI_MAX_RETRIES: '0',
    },
    llm: (config, logger, store) => createLlmFallback(config.llm!, logger, store),
  });
});
afterEach(() => {
  expect(t.fake.violations).toEqual([]);
  expect(openai.pending()).toBe(0);
  openai.requests.length = 0;
});
afterAll(async () => {
  await t?.close();
  await openai?.close();
});

const grounded = {
  kind: 'json' as const,
  content: { answer: 'IT support is a common first step out of teaching.', cited_ids: ['after-alt-it-tech'], context_sufficient: true },
};
interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}
const embedOf = (body: unknown) =>
  ((body as { embeds?: Embed[]; data?: { embeds?: Embed[] } }).embeds ?? (body as { data?: { embeds?: Embed[] } }).data?.embeds ?? [])[0]!;

describe('/ask with the LLM fallback, end to end', () => {
  it('GIVEN a question search cannot answer confidently THEN the bot defers, drafts from the guides, and shows the AI label and sources', async () => {
    openai.enqueue(grounded);
    const i = t.fake.slash('ask', {
      question: TWO_ENTRY_QUESTION,
    });
    expect((await t.fake.waitForResponse(i.id)).type).toBe(5);
    const embed = embedOf(await t.fake.waitForEdit(i.id));
    expect(embed.description).toContain('AI-drafted from the guides — check the sources');
    expect(embed.description).toContain('IT support is a common first step out of teaching.');
    expect(embed.fields?.find((f) => f.name === 'Sources')?.value).toContain('Jobs and Industries for ALT Alumni');
    const sent = openai.requests[0]!;
    expect(sent.raw).toContain('after-alt-it-tech');
    expect(sent.raw).not.toContain(t.fake.token);
    expect(sent.raw).not.toContain(t.fake.memberUser.id);
  });

  it('GIVEN the model times out THEN the member gets the honest no-answer, not an error', async () => {
    openai.enqueue({ ...grounded, delayMs: 2_500 });
    const i = t.fake.slash('ask', {
      question: 'would moving from eikaiwa to IT support make sense with N3 and some helpdesk experience back home?',
    });
    expect((await t.fake.waitForResponse(i.id)).type).toBe(5);
    const embed = embedOf(await t.fake.waitForEdit(i.id, undefined, 10_000));
    expect(embed.title).toBe('Not in my guides');
    expect(embed.description).toMatch(/Did you mean[\s\S]*N3/);
  });

  it('GIVEN a question the guides answer confidently THEN no model call is made', async () => {
    const i = t.fake.slash('ask', { question: 'how do I ask for a raise without seeming pushy?' });
    expect((await t.fake.waitForResponse(i.id)).type).toBe(4);
    expect(openai.requests).toHaveLength(0);
  });

  it('GIVEN a help-channel question search cannot answer THEN the AI-drafted answer goes into a thread', async () => {
    openai.enqueue({ ...grounded, content: { ...grounded.content, answer: 'Helpdesk experience counts for IT support roles.' } });
    t.fake.userMessage(t.fake.channels.help.id, 'thinking of leaving eikaiwa for IT support, N3 and some helpdesk back home, good idea?');
    const thread = await t.fake.waitForThread(t.fake.channels.help.id);
    const embed = embedOf(await t.fake.waitForChannelMessage(thread.id));
    expect(embed.description).toContain('AI-drafted from the guides');
    expect(embed.description).toContain('Helpdesk experience counts for IT support roles.');
  });
});

describe('help-channel cost control', () => {
  it('GIVEN chatter that is not phrased as a question THEN no model call is made and the bot stays quiet', async () => {
    const m = t.fake.userMessage(
      t.fake.channels.help.id,
      'i switched from eikaiwa to IT support with N3 after doing some helpdesk back home',
    );
    await settle(t);
    expect(openai.requests).toHaveLength(0);
    expect(t.fake.messagesIn(t.fake.channels.help.id).filter((x) => x.message_reference?.message_id === m.id)).toEqual([]);
  });
});
