import {
  ApplicationCommandOptionType,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { commandProblems } from '../../src/discord/definition-limits.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { runEntry } from './process.js';

const payload = commands.map((c) => c.data);
const NAMES = ['ask', 'career-path', 'visa-check', 'hsp-points', 'topics', 'help', 'profile', 'remind', 'config'];

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await startFakeDiscord();
});
afterEach(() => {
  expect(fake.violations).toEqual([]);
});
afterAll(async () => {
  await fake?.close();
});

/** Every option at any depth, with its path. */
function allOptions(c: RESTPostAPIChatInputApplicationCommandsJSONBody): { at: string; option: APIApplicationCommandOption }[] {
  const walk = (at: string, options: readonly APIApplicationCommandOption[] = []): { at: string; option: APIApplicationCommandOption }[] =>
    options.flatMap((o) => [
      { at: `${at} ${o.name}`, option: o },
      ...('options' in o ? walk(`${at} ${o.name}`, o.options as APIApplicationCommandOption[]) : []),
    ]);
  return walk(`/${c.name}`, c.options);
}

describe('the command definitions', () => {
  it("GIVEN the registry WHEN checked against Discord's rules THEN there is no problem", () => {
    expect(payload.map((c) => c.name)).toEqual(NAMES);
    expect(commandProblems(payload)).toEqual([]);
  });

  it('GIVEN every command and option WHEN read by a Japanese client THEN each has a Japanese description, and every choice a Japanese name', () => {
    const missing: string[] = [];
    for (const c of payload) {
      if (!c.description_localizations?.ja) missing.push(`/${c.name}`);
      for (const { at, option } of allOptions(c)) {
        if (!option.description_localizations?.ja) missing.push(at);
        for (const choice of 'choices' in option ? (option.choices ?? []) : [])
          if (!choice.name_localizations?.ja) missing.push(`${at} › ${choice.value}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('GIVEN every enumerated string option WHEN offered THEN it has at most 25 choices or autocomplete', () => {
    const freeText = new Set(['/ask question', '/remind set left', '/remind set joined', '/remind set expiry', '/config solved-tag tag']); // free text, dates and a forum tag's name
    const strings = payload.flatMap(allOptions).filter(({ option }) => option.type === ApplicationCommandOptionType.String);
    for (const { at, option } of strings) {
      if (freeText.has(at) || option.type !== ApplicationCommandOptionType.String) continue;
      const offered = option.autocomplete === true || (option.choices?.length ?? 0) > 0;
      expect(offered, at).toBe(true);
      if (!option.autocomplete) expect(option.choices?.length ?? 0, at).toBeLessThanOrEqual(25);
    }
  });

  it('GIVEN broken definitions WHEN checked THEN each broken rule is reported', () => {
    const choices = Array.from({ length: 26 }, (_, n) => ({ name: `Choice ${n}`, value: `c${n}` }));
    const broken: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
      { name: 'Ask', description: 'Uppercase name' },
      {
        name: 'pick',
        description: 'x'.repeat(101),
        options: [
          { type: ApplicationCommandOptionType.String, name: 'flavour', description: 'Too many choices', choices },
          {
            type: ApplicationCommandOptionType.String,
            name: 'topping',
            description: 'Required after optional',
            required: true,
            autocomplete: true,
          },
        ],
      },
    ];
    const problems = commandProblems(broken);
    expect(problems).toContainEqual('/Ask: name "Ask" must be 1–32 lowercase letters, digits, - or _');
    expect(problems).toContainEqual('/pick: description must be 1–100 characters (has 101)');
    expect(problems).toContainEqual('/pick › flavour: at most 25 choices (has 26)');
    expect(problems).toContainEqual('/pick › topping: required options must come before optional ones');
  });
});

describe('npm run deploy-commands', () => {
  const env = () => ({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.api, LOG_LEVEL: 'silent' });

  it('GIVEN DISCORD_GUILD_ID WHEN deploying THEN the fake accepts the commands in that server and the script says so', async () => {
    const run = runEntry('src/deploy-commands.ts', { ...env(), DISCORD_GUILD_ID: fake.guild.id });
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toBe(`Registered ${NAMES.length} commands in server ${fake.guild.id}: ${NAMES.map((n) => `/${n}`).join(', ')}\n`);
    expect(fake.commands(fake.guild.id).map((c) => c.name)).toEqual(NAMES);
    expect(fake.commands(fake.guild.id).find((c) => c.name === 'config')?.default_member_permissions).toBe('32');
    expect(run.stderr()).not.toContain(fake.token);
  });

  it('GIVEN no DISCORD_GUILD_ID WHEN deploying THEN the commands are registered globally', async () => {
    const run = runEntry('src/deploy-commands.ts', env());
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain(`Registered ${NAMES.length} commands globally`);
    expect(fake.commands().map((c) => c.name)).toEqual(NAMES);
    // User install: member commands in both installations and every context; /config only where a server added the app.
    for (const c of fake.commands()) {
      const admin = c.name === 'config';
      expect([c.name, c.integration_types], c.name).toEqual([c.name, admin ? [0] : [0, 1]]);
      expect([c.name, c.contexts], c.name).toEqual([c.name, admin ? [0] : [0, 1, 2]]);
    }
  });
});
