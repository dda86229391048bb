import { describe, expect, it } from 'vitest';
import type { AskOutcome } from '../../src/answer/service.js';
import type { AnswerView } from '../../src/answer/view.js';
import { askFollowUp } from '../../src/discord/thread-opening.js';

/** A reply as the ask service gives it: answered from an entry, declined, or a command's request. */
const reply = (title: string, answered: boolean, mode: AnswerView['mode'] = answered ? 'knowledge' : 'none'): AskOutcome => ({
  ok: true,
  view: { title, answered, mode } as AnswerView,
});

/** A fake ask service answering from a table of questions; records what it was asked. */
function fakeAsk(table: Record<string, AskOutcome>) {
  const asked: string[] = [];
  const ask = (q: string) => {
    asked.push(q);
    return Promise.resolve(table[q] ?? reply('Not in my guides', false));
  };
  return { ask, asked };
}

const OPENING = 'how many days do I have to notify immigration after quitting?';
const opening = () => Promise.resolve<string | undefined>(OPENING);

describe('askFollowUp', () => {
  it('answers a follow-up that names its own subject as it stands, without reading the opening question', async () => {
    const { ask, asked } = fakeAsk({ 'how do I ask for a raise?': reply('How to ask for a promotion', true) });
    const out = await askFollowUp(ask, 'how do I ask for a raise?', opening);
    expect(out.withOpening).toBe(false);
    expect(out.result.ok && out.result.view.title).toBe('How to ask for a promotion');
    expect(asked).toEqual(['how do I ask for a raise?']);
  });

  it('reads a follow-up the guides do not answer alone after the opening question, and uses that answer', async () => {
    const { ask, asked } = fakeAsk({ [`${OPENING}\nand if I don't file it?`]: reply('The 14-day notification', true) });
    const out = await askFollowUp(ask, "and if I don't file it?", opening);
    expect(out.withOpening).toBe(true);
    expect(out.result.ok && out.result.view.title).toBe('The 14-day notification');
    expect(asked).toEqual(["and if I don't file it?", `${OPENING}\nand if I don't file it?`]);
  });

  it('counts a command’s request read from both messages as an answer (it asks for what is still missing)', async () => {
    const { ask } = fakeAsk({ [`${OPENING}\nplus the FE exam?`]: reply('HSP points', false, 'rules') });
    expect((await askFollowUp(ask, 'plus the FE exam?', opening)).withOpening).toBe(true);
  });

  it('keeps the message’s own reply when reading it with the opening question answers nothing either', async () => {
    const { ask, asked } = fakeAsk({});
    const out = await askFollowUp(ask, 'what about it?', opening);
    expect(out.withOpening).toBe(false);
    expect(out.result.ok && out.result.view.title).toBe('Not in my guides');
    expect(asked).toHaveLength(2);
  });

  it('reads the message alone when the thread has no opening question of the same member', async () => {
    const { ask, asked } = fakeAsk({});
    const out = await askFollowUp(ask, 'and the deadline?', () => Promise.resolve(undefined));
    expect(out.withOpening).toBe(false);
    expect(asked).toEqual(['and the deadline?']);
  });

  it('returns bad input’s message as it is, never asking again', async () => {
    const bad: AskOutcome = { ok: false, message: 'That question is too long.' };
    const asked: string[] = [];
    const out = await askFollowUp((q) => (asked.push(q), Promise.resolve(bad)), 'x'.repeat(5000), opening);
    expect(out.result).toEqual(bad);
    expect(asked).toHaveLength(1);
  });
});
