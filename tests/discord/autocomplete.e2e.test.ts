import { InteractionResponseType, Locale, type APICommandAutocompleteInteractionResponseCallbackData } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { SentInteraction } from '../fakes/discord.js';
import { useTestBot } from '../support/bot.js';

const t = useTestBot();

const VISA = { status: 'instructor', 'current-work': 'language-teaching-school' };

/** The type-8 autocomplete result: at most 25 choices, names and values within Discord's limits (the fake checks). */
async function choices(i: SentInteraction): Promise<NonNullable<APICommandAutocompleteInteractionResponseCallbackData['choices']>> {
  const response = await t.fake.waitForResponse(i.id);
  expect(response.type).toBe(8);
  const list = response.type === InteractionResponseType.ApplicationCommandAutocompleteResult ? (response.data.choices ?? []) : [];
  expect(list.length).toBeLessThanOrEqual(25);
  return list;
}

describe('/visa-check duties', () => {
  it('GIVEN "teach" typed in new-work WHEN autocompleting THEN the two language-teaching duties come first', async () => {
    const list = await choices(t.fake.autocomplete('visa-check', { ...VISA, 'new-work': 'teach' }, { focused: 'new-work' }));
    expect(list.slice(0, 2).map((c) => c.value)).toEqual(['language-teaching-school', 'language-teaching-private']);
  });

  it('GIVEN "sys" typed WHEN autocompleting THEN a value-prefix match ranks above a word match', async () => {
    const list = await choices(t.fake.autocomplete('visa-check', { 'current-work': 'sys' }));
    expect(list[0]).toEqual({ name: 'System development', value: 'system-development' });
  });

  it('GIVEN nothing typed yet WHEN autocompleting THEN every duty is offered in its own order', async () => {
    const list = await choices(t.fake.autocomplete('visa-check', { 'current-work': '' }));
    expect(list).toHaveLength(14);
    expect(list[0]?.value).toBe('system-development');
  });

  it('GIVEN a Japanese client and Japanese text WHEN autocompleting THEN Japanese names are matched and shown', async () => {
    const list = await choices(t.fake.autocomplete('visa-check', { 'current-work': '翻訳' }, { locale: Locale.Japanese }));
    expect(list[0]).toEqual({ name: '翻訳・通訳', value: 'translation-interpretation' });
  });

  it('GIVEN text matching no duty WHEN autocompleting THEN no choices', async () => {
    expect(await choices(t.fake.autocomplete('visa-check', { 'current-work': 'zzzz' }))).toEqual([]);
  });
});

describe('/topics', () => {
  it('GIVEN "vis" typed in topic WHEN autocompleting THEN the visa topic is offered by its id', async () => {
    const list = await choices(t.fake.autocomplete('topics', { topic: 'vis' }));
    expect(list[0]).toEqual({ name: 'Work visas, job changes and filings', value: 'visa' });
  });

  it('GIVEN a search typed in entry WHEN autocompleting THEN matching entries are offered by id, best first', async () => {
    const list = await choices(t.fake.autocomplete('topics', { entry: 'ask for a raise' }));
    expect(list.length).toBeGreaterThan(0);
    expect(list[0]?.name).toContain('How to ask for a promotion');
    const ids = new Set(t.bot.ctx.knowledge().kb.entries.map((e) => e.id));
    for (const c of list) expect(ids.has(String(c.value))).toBe(true);
  });

  it("GIVEN a topic chosen and the entry empty WHEN autocompleting THEN only that topic's entries are offered", async () => {
    const list = await choices(t.fake.autocomplete('topics', { topic: 'residency', entry: '' }, { focused: 'entry' }));
    const residency = t.bot.ctx
      .knowledge()
      .kb.entries.filter((e) => e.topic === 'residency')
      .map((e) => e.id);
    expect(list.map((c) => c.value)).toEqual(residency.slice(0, 25));
  });
});

describe('commands without autocomplete', () => {
  it('GIVEN a command with no autocomplete handler WHEN Discord asks anyway THEN an empty list, in time', async () => {
    expect(await choices(t.fake.autocomplete('ask', { question: 'visa' }))).toEqual([]);
  });
});
