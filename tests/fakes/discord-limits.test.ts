/** Unit tests of the fake's limit checks (pure functions, no server). */
import { describe, expect, it } from 'vitest';
import { checkCommands } from './discord-limits-commands.js';
import { allowedMentionsBreach, checkAutocomplete, checkMessage } from './discord-limits.js';

const option = (name: string, extra: Record<string, unknown> = {}) => ({ type: 3, name, description: `The ${name}`, ...extra });
const command = (extra: Record<string, unknown> = {}) => ({ name: 'ask', description: 'Ask a question', ...extra });
const lines = (body: unknown) => checkCommands(body).lines;

describe('checkCommands', () => {
  it('accepts a realistic command set, including localizations and subcommands', () => {
    expect(
      lines([
        command({
          options: [
            option('topic', { required: true, autocomplete: true }),
            option('lang', { choices: [{ name: 'English', value: 'en' }] }),
          ],
        }),
        command({
          name: 'kb',
          description: 'Knowledge base',
          name_localizations: { ja: 'ナレッジ' },
          options: [
            { type: 1, name: 'reload', description: 'Reload', options: [] },
            { type: 2, name: 'tags', description: 'Tags', options: [{ type: 1, name: 'list', description: 'List' }] },
          ],
        }),
      ]),
    ).toEqual([]);
  });

  it.each([
    ['an uppercase name', [command({ name: 'Ask' })], '0.name: Command name is invalid ("Ask")'],
    ['a space in the name', [command({ name: 'ask me' })], '0.name: Command name is invalid ("ask me")'],
    ['a 33-character name', [command({ name: 'a'.repeat(33) })], `0.name: Command name is invalid ("${'a'.repeat(33)}")`],
    ['an empty description', [command({ description: '' })], '0.description: Must be between 1 and 100 in length.'],
    [
      'a bad localized description',
      [command({ description_localizations: { ja: 'x'.repeat(101) } })],
      '0.description_localizations.ja: Must be between 1 and 100 in length.',
    ],
    [
      'an unknown locale',
      [command({ name_localizations: { xx: 'ask' } })],
      '0.name_localizations.xx: Value "xx" is not a valid enum value.',
    ],
    [
      'required after optional',
      [command({ options: [option('a'), option('b', { required: true })] })],
      '0.options.1.required: Required options must be placed before non-required options',
    ],
    [
      'autocomplete with choices',
      [command({ options: [option('a', { autocomplete: true, choices: [{ name: 'x', value: 'x' }] })] })],
      '0.options.0.autocomplete: Autocomplete cannot be set with choices',
    ],
    [
      '26 choices',
      [command({ options: [option('a', { choices: Array.from({ length: 26 }, (_, n) => ({ name: `c${n}`, value: `${n}` })) })] })],
      '0.options.0.choices: Must be 25 or fewer in length.',
    ],
    [
      'a 101-character choice value',
      [command({ options: [option('a', { choices: [{ name: 'x', value: 'v'.repeat(101) }] })] })],
      '0.options.0.choices.0.value: Must be 100 or fewer in length.',
    ],
    [
      '26 options',
      [command({ options: Array.from({ length: 26 }, (_, n) => option(`o${n}`)) })],
      '0.options: Must be 25 or fewer in length.',
    ],
    [
      'max_length 6001',
      [command({ options: [option('a', { max_length: 6001 })] })],
      '0.options.0.max_length: Must be an integer between 1 and 6000.',
    ],
    ['duplicate names', [command(), command()], '1.name: Application command names must be unique (ask)'],
    ['a context-menu command (not modelled)', [{ type: 2, name: 'Report' }], '0.type: only chat-input commands are modelled by the fake'],
  ])('rejects %s', (_label, body, expected) => {
    expect(lines(body)).toContain(expected);
  });

  it('counts the 8,000-character text budget per command', () => {
    const options = Array.from({ length: 25 }, (_, n) =>
      option(`o${n}`, {
        description: 'd'.repeat(100),
        choices: Array.from({ length: 25 }, (_, c) => ({ name: 'n'.repeat(100), value: `${n}-${c}` })),
      }),
    );
    expect(lines([command({ options })]).some((l) => l.startsWith('0: Command exceeds maximum size (8000)'))).toBe(true);
    expect(lines([command({ options: options.slice(0, 2) })])).toEqual([]);
  });

  it('limits chat input commands to 100 per scope', () => {
    const many = Array.from({ length: 101 }, (_, n) => command({ name: `c${n}` }));
    expect(lines(many)).toEqual(['(body): Maximum number of type 1 application commands reached (100)']);
  });
});

describe('message checks', () => {
  it('counts code points, not UTF-16 units, for content', () => {
    expect(checkMessage({ content: '🙂'.repeat(2000) }, true).errors.empty).toBe(true);
    expect(checkMessage({ content: '🙂'.repeat(2001) }, true).errors.lines).toEqual(['content: Must be 2000 or fewer in length.']);
  });

  it('checks per-field embed limits and at most 10 embeds', () => {
    const embed = {
      title: 't'.repeat(257),
      fields: [{ name: '', value: 'v'.repeat(1025) }],
      footer: { text: 'f'.repeat(2049) },
      author: { name: 'a'.repeat(257) },
    };
    expect(checkMessage({ embeds: [embed] }, true).errors.lines).toEqual([
      'embeds.0.title: Must be 256 or fewer in length.',
      'embeds.0.footer.text: Must be 2048 or fewer in length.',
      'embeds.0.author.name: Must be 256 or fewer in length.',
      'embeds.0.fields.0.name: Must be 1 or more in length.',
      'embeds.0.fields.0.value: Must be 1024 or fewer in length.',
    ]);
    expect(checkMessage({ embeds: Array.from({ length: 11 }, () => ({ title: 'x' })) }, true).errors.lines).toEqual([
      'embeds: Must be 10 or fewer in length.',
    ]);
  });

  it('rejects duplicate custom_ids and a select menu sharing a row', () => {
    const button = { type: 2, style: 1, custom_id: 'same', label: 'x' };
    const select = { type: 3, custom_id: 'pick', options: [{ label: 'a', value: 'a' }] };
    const result = checkMessage(
      {
        content: 'x',
        components: [
          { type: 1, components: [button, button] },
          { type: 1, components: [select, { ...button, custom_id: 'other' }] },
        ],
      },
      true,
    );
    expect(result.errors.lines).toEqual([
      'components.0.components.1.custom_id: Component custom id cannot be duplicated',
      'components.1.components: The specified component exceeds the maximum width',
    ]);
  });

  it('requires allowed_mentions with an empty parse list', () => {
    expect(allowedMentionsBreach({ content: 'x' })).toBe('allowed_mentions missing (Discord would parse mentions)');
    expect(allowedMentionsBreach({ content: 'x', allowed_mentions: { parse: ['everyone'] } })).toBe(
      'allowed_mentions.parse must be [] (got ["everyone"])',
    );
    expect(allowedMentionsBreach({ content: 'x', allowed_mentions: { parse: [], users: ['1'] } })).toBeUndefined();
  });

  it('checks autocomplete choice names and values', () => {
    expect(
      checkAutocomplete({
        choices: [
          { name: '', value: 'x' },
          { name: 'ok', value: 'v'.repeat(101) },
          { name: 'n', value: 3 },
        ],
      }).lines,
    ).toEqual(['data.choices.0.name: Must be 1 or more in length.', 'data.choices.1.value: Must be 100 or fewer in length.']);
  });
});
