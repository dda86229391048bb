/**
 * Every interaction the bot receives gets exactly one response, whatever a client sends: unknown commands and
 * context-menu commands, components of every type (of an older version, forged, or of the wrong kind), forms,
 * options of the wrong type or missing, forged feedback ids. Member input never earns "Something went wrong".
 */
import { ApplicationCommandOptionType as O, ComponentType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { FakePermissions, type SentInteraction } from '../fakes/discord.js';
import type { RawOptions } from '../fakes/discord-interactions.js';
import { useTestBot } from '../support/bot.js';
import { isEphemeral, messageOf, until } from './helpers.js';

const t = useTestBot();

const EXPIRED = 'This button has expired. Run the command again to get a fresh one.';
const UNKNOWN_COMMAND = 'I no longer know that command. A moderator may need to run `npm run deploy-commands`.';
const ENTRY = 'how-to-ask-for-promotion';

/** Waits until the bot is done with `i`, then checks it answered exactly once, privately, without an error. */
async function onlyResponse(i: SentInteraction): Promise<string> {
  await t.fake.waitForResponse(i.id);
  await until(
    () => t.logs.lines().find((l) => l.interactionId === i.id && (l.msg === 'interaction refused' || l.msg === 'interaction handled')),
    `the bot to finish ${i.id}`,
  );
  const rec = t.fake.interactions.get(i.id)!;
  const callbacks = t.fake.requests.filter((r) => r.path === `/interactions/${i.id}/${i.token}/callback`);
  expect(callbacks.map((r) => r.status)).toEqual([204]);
  expect(rec.followUps).toEqual([]);
  expect(rec.edits).toEqual([]);
  const data = messageOf(rec.response!);
  expect(isEphemeral(data)).toBe(true);
  expect(data.content).not.toMatch(/Something went wrong/);
  expect(t.logs.lines().filter((l) => l.interactionId === i.id && Number(l.level) >= 50)).toEqual([]);
  return data.content ?? '';
}

describe('commands the bot does not have', () => {
  it.each([
    ['an unknown slash command', () => t.fake.slash('no-such-command', {})],
    ['a user context-menu command', () => t.fake.contextMenu('Ask about', 'user', t.fake.memberUser.id)],
    ['a message context-menu command', () => t.fake.contextMenu('Answer this', 'message', '123456789012345678')],
  ])('GIVEN %s THEN one private reply says the command is unknown', async (_, send) => {
    expect(await onlyResponse(send())).toBe(UNKNOWN_COMMAND);
  });

  it('GIVEN autocomplete for an unknown command THEN one empty list of choices', async () => {
    const i = t.fake.autocomplete('no-such-command', { query: 'x' });
    expect(await t.fake.waitForResponse(i.id)).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('components and forms', () => {
  it.each([
    ['a button of an older version', () => t.fake.button('legacy:rate:1')],
    ['a button carrying a select menu id', () => t.fake.button('topics:entry')],
    [
      'a string select carrying a button id',
      () =>
        t.fake.select(`fb:up:k:${ENTRY}`, [ENTRY], {
          componentType: ComponentType.StringSelect,
          message: t.fake.messagesIn(t.fake.channels.general.id).at(-1),
        }),
    ],
    ['a user select', () => t.fake.select('topics:entry', [t.fake.memberUser.id], { componentType: ComponentType.UserSelect })],
    ['a role select', () => t.fake.select('topics:entry', ['123456789012345678'], { componentType: ComponentType.RoleSelect })],
    [
      'a mentionable select',
      () => t.fake.select('topics:entry', ['123456789012345678'], { componentType: ComponentType.MentionableSelect }),
    ],
    ['a channel select', () => t.fake.select('topics:entry', [t.fake.channels.general.id], { componentType: ComponentType.ChannelSelect })],
  ])('GIVEN %s THEN one private "this button has expired"', async (_, send) => {
    expect(await onlyResponse(send())).toBe(EXPIRED);
  });

  it('GIVEN a modal submit THEN one private "this form has expired"', async () => {
    expect(await onlyResponse(t.fake.modalSubmit('note:1', { note: 'hello' }))).toBe('This form has expired. Run the command again.');
  });

  it.each([
    `fb:down:k:made-up-entry`,
    'fb:sideways:k:how-to-ask-for-promotion',
    'fb:down:x:how-to-ask-for-promotion',
    'fb:down:k:',
    'fb:down:k:../../etc',
  ])('GIVEN a forged feedback id "%s" THEN "expired", and nothing reaches the curator queue', async (customId) => {
    expect(await onlyResponse(t.fake.button(customId))).toBe(EXPIRED);
    expect((await t.bot.ctx.queue.list(t.fake.guild.id)).filter((i) => i.kind === 'downvoted')).toEqual([]);
  });
});

describe('options of the wrong type or missing', () => {
  const wrong = (value: unknown, type: O) => [{ name: 'age', type, value }] as unknown as RawOptions;
  it.each([
    ['/ask without question', () => t.fake.slash('ask', {}), 'The `question` option is missing. Run the command again and fill it in.'],
    [
      '/ask with question as a number',
      () => t.fake.slash('ask', [{ name: 'question', type: O.Integer, value: 42 }] as RawOptions),
      'The `question` option must be text.',
    ],
    [
      '/hsp-points with age as text',
      () => t.fake.slash('hsp-points', wrong('forty', O.String)),
      'The `age` option must be a whole number.',
    ],
    [
      '/hsp-points with an integer age sent as a string',
      () => t.fake.slash('hsp-points', wrong('37', O.Integer)),
      'The `age` option must be a whole number.',
    ],
    ['/hsp-points with age 37.5', () => t.fake.slash('hsp-points', wrong(37.5, O.Integer)), 'The `age` option must be a whole number.'],
    [
      '/career-path with technical as text',
      () => t.fake.slash('career-path', [{ name: 'technical', type: O.String, value: 'yes' }] as RawOptions),
      'The `technical` option must be True or False.',
    ],
    [
      '/config without a subcommand',
      () => t.fake.slash('config', {}, { permissions: FakePermissions.manageGuild }),
      'Pick what `/config` should do: `/config add-help-channel`',
    ],
    [
      '/config with an unknown subcommand',
      () => t.fake.slash('config', {}, { subcommand: 'delete-everything', permissions: FakePermissions.manageGuild }),
      'Pick what `/config` should do:',
    ],
    [
      '/config add-help-channel with the channel as text',
      () =>
        t.fake.slash('config', [{ name: 'channel', type: O.String, value: 'general' }] as RawOptions, {
          subcommand: 'add-help-channel',
          permissions: FakePermissions.manageGuild,
        }),
      'The `channel` option must be a channel.',
    ],
  ])('GIVEN %s THEN one private message naming the option', async (_, send, expected) => {
    expect(await onlyResponse(send())).toContain(expected);
  });

  it('GIVEN an option refused THEN its log line names the option and the reason, never the value, and carries no stack', async () => {
    const i = t.fake.slash('hsp-points', wrong('forty-two-and-a-half', O.String));
    await onlyResponse(i);
    const line = t.logs.lines().find((l) => l.interactionId === i.id && l.msg === 'interaction refused')!;
    expect(line).toMatchObject({ level: 30, reason: 'invalid-option', option: 'age' });
    expect(JSON.stringify(line)).not.toContain('forty-two');
    expect(line.err).toBeUndefined();
  });
});
