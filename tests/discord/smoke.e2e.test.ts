import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t?.close();
});

describe('smoke', () => {
  it('answers /ask with an embed and feedback buttons', async () => {
    const i = t.fake.slash('ask', { question: 'how do I ask for a raise without seeming pushy?' });
    const r = await t.fake.waitForResponse(i.id);
    expect(r.type).toBe(4);
    expect(JSON.stringify(r)).toContain('How to ask for a promotion');
    expect(t.fake.violations).toEqual([]);
  });
});
