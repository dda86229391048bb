import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBot } from '../support/bot.js';
import { customIdsOf, isEphemeral, replyTo, textOf } from './helpers.js';

/** Issue 9: free-form questions that carry a command's facts get the command's answer, in help channels and /ask. */
const FULL = "hsp? 30, master's, 5 yrs exp, 7.5M, N2 — do i make 70?";
const NO_SALARY = "hsp? 30, master's, 5 yrs exp, N2 — do i make 70?";
const HSP = { age: 30, degree: 'master', experience: 5, salary: 7_500_000, jlpt: 'N2' } as const;

const t = useTestBot();
let help: string;
beforeAll(() => {
  help = t.fake.channels.help.id;
});

const member = () => t.fake.user(`member-${Math.random().toString(36).slice(2, 8)}`);

async function askInChannel(content: string) {
  const message = t.fake.userMessage(help, content, { author: member() });
  const thread = await t.fake.waitForThread(help, (th) => th.id === message.id);
  const answer = await t.fake.waitForChannelMessage(thread.id);
  const request = t.fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${thread.id}/messages`);
  return { thread, answer, request };
}

/** The /hsp-points embed for the same inputs, as the slash command itself shows it. */
async function ownEmbed() {
  const own = await replyTo(t, t.fake.slash('hsp-points', HSP));
  return own.embeds?.[0];
}

describe('a help-channel question with every HSP fact', () => {
  it('GIVEN age, degree, experience, salary and JLPT in the question THEN the points breakdown of /hsp-points comes in a thread, after "I read: …", with 👍/👎', async () => {
    const { thread, answer, request } = await askInChannel(FULL);
    expect(thread.name).toBe(FULL);
    const embed = answer.embeds[0]!;
    expect(embed.author?.name).toBe(`❓ ${FULL}`);
    expect(embed.description?.startsWith("*I read: age 30 · master's · 5 years · ¥7,500,000 · N2*")).toBe(true);
    const own = await ownEmbed();
    expect(embed.title).toBe(own?.title);
    expect(embed.description).toContain(own?.description ?? '(no description)');
    expect(textOf(answer)).toMatch(/75/);
    expect(customIdsOf(answer)).toEqual(['fb:up:r:hsp-points', 'fb:down:r:hsp-points']);
    expect((request?.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN 👍 on that answer THEN the member is thanked privately', async () => {
    const { answer } = await askInChannel(FULL);
    const thanks = await replyTo(t, t.fake.button('fb:up:r:hsp-points', { message: answer }));
    expect(thanks.content).toBe('Thanks! Glad it helped.');
  });
});

describe('a help-channel question with a fact missing', () => {
  it('GIVEN no salary THEN the reply in the thread says "missing: salary", what was read, and the command to run with the rest filled in', async () => {
    const { answer } = await askInChannel(NO_SALARY);
    // The reply itself, or (when the guides answer the question confidently) a field under the guides' answer.
    const text = textOf(answer);
    expect(text).toContain('/hsp-points — missing: salary');
    expect(text).toContain("I read: age 30 · master's · 5 years · N2");
    expect(text).toContain('• salary: your expected annual salary in yen');
    expect(text).toContain('/hsp-points age:30 degree:master experience:5 jlpt:N2 salary:');
    expect(text).not.toMatch(/points: \d+ —/); // no total was guessed
    expect(customIdsOf(answer).some((id) => id.startsWith('fb:up:r:'))).toBe(false);
  });

  it('GIVEN a monthly salary only (月給) THEN it is not read as a year’s pay: salary is asked for, with the reason', async () => {
    const { answer } = await askInChannel('高度専門職のポイントは？30歳、修士、実務経験5年、月給40万、N2');
    expect(textOf(answer)).toContain('/hsp-points — missing: salary');
    expect(textOf(answer)).toContain('“40万” is a monthly salary');
  });
});

describe('the form that completes a question', () => {
  it('GIVEN a missing-facts reply WHEN the member presses "Fill in and calculate" THEN a form opens prefilled with what was read; submitting it gives the /hsp-points answer privately', async () => {
    const data = await replyTo(t, t.fake.slash('ask', { question: 'HSP calc: 34yo, PhD, 8 years exp, N1' }));
    // The reply itself, or (when the guides answer the question confidently, as the HSP entry does here since "34yo"
    // counts as a number) a field under the guides' answer; the button is there either way.
    expect(textOf(data)).toContain('/hsp-points — missing: salary');
    expect(textOf(data)).toContain('Or press **Fill in and calculate**');
    const fill = customIdsOf(data).find((id) => id.startsWith('fill:'));
    expect(fill).toMatch(/^fill:h:/);
    const message = t.fake.messagesIn(t.fake.channels.general.id).at(-1)!;
    const click = t.fake.button(fill!, { message });
    const form = await t.fake.waitForResponse(click.id);
    expect(form.type).toBe(9);
    const modal = (
      form as {
        data: {
          custom_id: string;
          title: string;
          components: { components: { custom_id: string; value?: string; required?: boolean }[] }[];
        };
      }
    ).data;
    expect(modal.title).toBe('/hsp-points');
    const fields = modal.components.map((r) => r.components[0]!);
    expect(Object.fromEntries(fields.map((f) => [f.custom_id, f.value]))).toEqual({
      age: '34',
      degree: 'doctorate',
      experience: '8',
      salary: undefined,
      jlpt: 'N1',
    });
    expect(fields.filter((f) => f.required).map((f) => f.custom_id)).toEqual(['age', 'degree', 'experience', 'salary']);

    const submitted = await replyTo(
      t,
      t.fake.modalSubmit(modal.custom_id, { age: '34', degree: 'doctorate', experience: '8', salary: '920万', jlpt: 'N1' }, { message }),
    );
    expect(isEphemeral(submitted)).toBe(true);
    const own = await replyTo(
      t,
      t.fake.slash('hsp-points', { age: 34, degree: 'doctorate', experience: 8, salary: 9_200_000, jlpt: 'N1' }),
    );
    expect(submitted.embeds?.[0]?.description?.startsWith('*I read: age 34 · doctorate · 8 years · ¥9,200,000 · N1*')).toBe(true);
    expect(submitted.embeds?.[0]?.description).toContain(own.embeds?.[0]?.description ?? '(none)');
    expect(customIdsOf(submitted)).toEqual(['fb:up:r:hsp-points', 'fb:down:r:hsp-points']);
  });

  it('GIVEN a form submitted with a value the command does not accept THEN the reply names it and offers the form again, nothing guessed', async () => {
    const submitted = await replyTo(
      t,
      t.fake.modalSubmit('fill-form:h:y.2.8..5...', { age: 'thirty', degree: 'doctorate', experience: '8', salary: '9.2M', jlpt: 'N1' }),
    );
    expect(isEphemeral(submitted)).toBe(true);
    expect(submitted.embeds?.[0]?.title).toBe('/hsp-points — missing: age');
    expect(customIdsOf(submitted)[0]).toMatch(/^fill:h:/);
  });

  it('GIVEN a forged form id THEN the member is told the form has expired', async () => {
    const submitted = await replyTo(t, t.fake.modalSubmit('fill-form:q:zz', { age: '30' }));
    expect(isEphemeral(submitted)).toBe(true);
    expect(submitted.content).toMatch(/expired/i);
  });
});

describe('/ask', () => {
  it('GIVEN a question with every HSP fact WHEN /ask THEN the /hsp-points embed after "I read: …" with 👍/👎, nobody pinged', async () => {
    const data = await replyTo(t, t.fake.slash('ask', { question: FULL }));
    const embed = data.embeds?.[0];
    expect(embed?.author?.name).toBe(`❓ ${FULL}`);
    expect(embed?.description?.startsWith('*I read: age 30')).toBe(true);
    expect(embed?.title).toBe((await ownEmbed())?.title);
    expect(customIdsOf(data)).toEqual(['fb:up:r:hsp-points', 'fb:down:r:hsp-points']);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a Japanese visa question with every fact WHEN /ask THEN the /visa-check verdict', async () => {
    const data = await replyTo(t, t.fake.slash('ask', { question: '技人国で開発からマーケに異動になったけどビザ大丈夫？' }));
    const text = textOf(data);
    expect(text).toContain('I read: Engineer/Specialist (技人国) · System development → Marketing · same employer');
    expect(text).toContain('Verdict: Needs review');
  });

  it('GIVEN a question the guides answer that also carries some HSP facts WHEN /ask THEN the entry answers and what /hsp-points still needs follows', async () => {
    const data = await replyTo(
      t,
      t.fake.slash('ask', { question: "what actually gets you points in the HSP system? i'm 29 with a master's making 7.5M a year" }),
    );
    const embed = data.embeds?.[0];
    expect(embed?.title).toContain('HSP');
    const offer = embed?.fields?.find((f) => f.name === '/hsp-points — missing: experience');
    expect(offer?.value).toContain("I read: age 29 · master's · ¥7,500,000");
    expect(offer?.value).toContain('• experience: ');
    expect(customIdsOf(data)[0]).toMatch(/^fb:up:k:/);
  });

  it('GIVEN a question one entry answers that also carries every /career-path fact WHEN /ask THEN the entry answers and the command is offered for the member’s own case', async () => {
    const data = await replyTo(t, t.fake.slash('ask', { question: 'does N1 basically guarantee a good job after ALT?' }));
    const embed = data.embeds?.[0];
    expect(embed?.title).toContain('N1');
    const offer = embed?.fields?.find((f) => f.name === '/career-path for your own case');
    expect(offer?.value).toContain('I read: N1 · ALT / English teaching');
    expect(offer?.value).toContain('Run `/career-path jlpt:N1 background:alt` to see it worked out for what you wrote.');
    const ids = customIdsOf(data);
    expect(ids[0]).toMatch(/^fb:up:k:/);
    expect(ids.at(-1)).toMatch(/^fill:/);
    expect(ids.some((id) => id.startsWith('fb:up:r:'))).toBe(false);
    expect(data.allowed_mentions).toEqual({ parse: [] });

    // The offer's button opens the command's form with what was read; submitting it gives the report privately.
    const message = t.fake.messagesIn(t.fake.channels.general.id).at(-1)!;
    const form = await t.fake.waitForResponse(t.fake.button(ids.at(-1)!, { message }).id);
    expect(form.type).toBe(9);
    const modal = (
      form as { data: { custom_id: string; title: string; components: { components: { custom_id: string; value?: string }[] }[] } }
    ).data;
    expect(modal.title).toBe('/career-path');
    const values = Object.fromEntries(modal.components.map((r) => [r.components[0]!.custom_id, r.components[0]!.value]));
    expect(values).toMatchObject({ jlpt: 'N1', background: 'alt' });
    const submitted = await replyTo(t, t.fake.modalSubmit(modal.custom_id, { jlpt: 'N1', background: 'alt' }, { message }));
    expect(isEphemeral(submitted)).toBe(true);
    expect(submitted.embeds?.[0]?.description?.startsWith('*I read: N1 · ALT / English teaching*')).toBe(true);
    expect(customIdsOf(submitted)).toEqual(['fb:up:r:career-path', 'fb:down:r:career-path']);
  });

  it('GIVEN "what is HSP?" WHEN /ask THEN the knowledge entry answers, not a command', async () => {
    const data = await replyTo(t, t.fake.slash('ask', { question: 'what is HSP?' }));
    expect(data.embeds?.[0]?.title).toContain('Highly Skilled Professional');
    expect(customIdsOf(data)[0]).toMatch(/^fb:up:k:/);
  });
});
