/**
 * Tests of the fake Discord itself, driven by the REAL discord.js Client. One Client per file:
 * a second IDENTIFY on the same manager waits 5 s in discord.js's identify throttler.
 */
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ClientEvents,
  type Message,
  type ModalSubmitInteraction,
} from 'discord.js';
import { FakePermissions, startFakeDiscord, type FakeDiscord } from './discord.js';

const safe = { allowedMentions: { parse: [] } } as const;

/** Polls `probe` until it returns a value (for state the Client's handlers record). */
async function until<T>(probe: () => T | undefined, what: string, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Resolves with the next `event` whose arguments satisfy `predicate`. */
function nextEvent<K extends keyof ClientEvents>(client: Client, event: K, predicate: (...args: ClientEvents[K]) => boolean): Promise<ClientEvents[K]> {
  return new Promise((resolve) => {
    const listener = (...args: ClientEvents[K]): void => {
      if (!predicate(...args)) return;
      client.off(event, listener);
      resolve(args);
    };
    client.on(event, listener);
  });
}

type Handler<I> = (i: I) => Promise<unknown>;
const commands = new Map<string, Handler<ChatInputCommandInteraction>>();
const completions = new Map<string, Handler<AutocompleteInteraction>>();
const buttons = new Map<string, Handler<ButtonInteraction>>();
const modals = new Map<string, Handler<ModalSubmitInteraction>>();
/** Errors thrown by handlers, keyed by interaction or message id. */
const failures = new Map<string, unknown>();
const seenMessages: Message[] = [];

let fake: FakeDiscord;
let client: Client;

function errorCode(id: string): Promise<number | string> {
  return until(() => {
    const error = failures.get(id);
    return error instanceof DiscordAPIError ? error.code : undefined;
  }, `a DiscordAPIError for ${id}`);
}

beforeAll(async () => {
  fake = await startFakeDiscord();
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent],
    rest: { api: fake.api },
  });
  client.on(Events.InteractionCreate, (i) => {
    const run = async (): Promise<unknown> => {
      if (i.isChatInputCommand()) return commands.get(i.commandName)?.(i);
      if (i.isAutocomplete()) return completions.get(i.commandName)?.(i);
      if (i.isButton()) return buttons.get(i.customId)?.(i);
      if (i.isModalSubmit()) return modals.get(i.customId)?.(i);
      return undefined;
    };
    run().catch((error: unknown) => failures.set(i.id, error));
  });
  client.on(Events.MessageCreate, (msg) => {
    seenMessages.push(msg);
    if (msg.author.bot || msg.channelId !== fake.channels.help.id) return;
    void (async () => {
      const thread = await msg.startThread({ name: `Help: ${msg.content.slice(0, 40)}` });
      await thread.send({ content: `Answer to: ${msg.content}`, ...safe });
    })().catch((error: unknown) => failures.set(msg.id, error));
  });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

describe('fake Discord with the real discord.js Client', () => {
  it('logs in: READY + GUILD_CREATE populate the cache and IDENTIFY intents are recorded', () => {
    expect(client.user?.id).toBe(fake.botUser.id);
    expect(client.application?.id).toBe(fake.applicationId);
    expect(client.channels.cache.get(fake.channels.forum.id)?.type).toBe(15);
    expect(fake.gateway.identifies.map((x) => x.intents)).toEqual([1 | (1 << 9) | (1 << 15)]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /gateway/bot');
  });

  it('records a slash reply with embeds, buttons and allowed_mentions', async () => {
    commands.set('ping', (i) =>
      i.reply({
        content: `pong ${i.options.getString('echo') ?? ''}`,
        embeds: [new EmbedBuilder().setTitle('Pong')],
        components: [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('ping:again').setLabel('Again').setStyle(ButtonStyle.Primary))],
        ...safe,
      }),
    );
    const sent = fake.slash('ping', { echo: 'hi' });
    const response = await fake.waitForResponse(sent.id);
    expect(response).toMatchObject({ type: 4, data: { content: 'pong hi', embeds: [{ title: 'Pong' }], allowed_mentions: { parse: [] } } });
    const call = fake.requests.find((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(call).toMatchObject({ method: 'POST', status: 204, query: { with_response: 'false' } });
    expect(fake.violations).toEqual([]);
  });

  it('passes member permissions through for Manage Server gating', async () => {
    commands.set('admin', (i) => i.reply({ content: i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ? 'allowed' : 'denied', ...safe }));
    const member = fake.slash('admin');
    const manager = fake.slash('admin', {}, { permissions: FakePermissions.manageGuild });
    expect(await fake.waitForResponse(member.id)).toMatchObject({ data: { content: 'denied' } });
    expect(await fake.waitForResponse(manager.id)).toMatchObject({ data: { content: 'allowed' } });
  });

  it('records a deferred reply, its edit and a follow-up', async () => {
    commands.set('slow', async (i) => {
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await i.editReply({ content: 'done', ...safe });
      await i.followUp({ content: 'more', ...safe });
    });
    const sent = fake.slash('slow');
    expect(await fake.waitForResponse(sent.id)).toEqual({ type: 5, data: { flags: 64 } });
    expect(await fake.waitForEdit(sent.id)).toMatchObject({ content: 'done', allowed_mentions: { parse: [] } });
    expect(await fake.waitForFollowUp(sent.id)).toMatchObject({ content: 'more' });
    expect(fake.violations).toEqual([]);
  });

  it('answers autocomplete with respond()', async () => {
    completions.set('ask', (i) => {
      const typed = i.options.getFocused();
      return i.respond(['visa', 'visit', 'tax'].filter((t) => t.startsWith(typed)).map((t) => ({ name: t, value: t })));
    });
    const sent = fake.autocomplete('ask', { topic: 'vi' });
    expect(await fake.waitForResponse(sent.id)).toEqual({ type: 8, data: { choices: [{ name: 'visa', value: 'visa' }, { name: 'visit', value: 'visit' }] } });
  });

  it('updates the message carrying a clicked button', async () => {
    commands.set('menu', (i) =>
      i.reply({
        content: 'page 1',
        components: [new ActionRowBuilder<ButtonBuilder>().addComponents(new ButtonBuilder().setCustomId('menu:next').setLabel('Next').setStyle(ButtonStyle.Secondary))],
        ...safe,
      }),
    );
    buttons.set('menu:next', (i) => i.update({ content: `page 2 (from ${i.message.id})`, components: [], ...safe }));
    const menu = fake.slash('menu');
    await fake.waitForResponse(menu.id);
    const original = fake.interactions.get(menu.id)?.original;
    const click = fake.button('menu:next');
    expect(await fake.waitForResponse(click.id)).toMatchObject({ type: 7, data: { content: `page 2 (from ${original?.id})`, components: [] } });
    expect(fake.messagesIn(fake.channels.general.id).find((m) => m.id === original?.id)?.content).toBe(`page 2 (from ${original?.id})`);
  });

  it('shows a modal from a button and answers its submission with withResponse', async () => {
    const input = new TextInputBuilder().setCustomId('text').setLabel('Feedback').setStyle(TextInputStyle.Paragraph);
    buttons.set('feedback:open', (i) =>
      i.showModal(new ModalBuilder().setCustomId('feedback').setTitle('Feedback').addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input))),
    );
    let messageId: string | undefined;
    modals.set('feedback', async (i) => {
      const res = await i.reply({ content: `thanks: ${i.fields.getTextInputValue('text')}`, withResponse: true, ...safe });
      messageId = res.resource?.message?.id;
    });
    const open = fake.button('feedback:open');
    expect(await fake.waitForResponse(open.id)).toMatchObject({ type: 9, data: { custom_id: 'feedback', title: 'Feedback' } });
    const submit = fake.modalSubmit('feedback', { text: 'great bot' });
    expect(await fake.waitForResponse(submit.id)).toMatchObject({ type: 4, data: { content: 'thanks: great bot' } });
    expect(await until(() => messageId, 'the callback response message')).toBe(fake.interactions.get(submit.id)?.original?.id);
    expect(fake.violations).toEqual([]);
  });

  it('answers a help-channel message in a thread, and echoes the bot message with author.bot', async () => {
    const echoed = nextEvent(client, Events.MessageCreate, (m) => m.author.id === fake.botUser.id && m.channel.isThread());
    const question = fake.userMessage(fake.channels.help.id, 'How do I renew my visa?');
    const thread = await fake.waitForThread(fake.channels.help.id);
    expect(thread).toMatchObject({ id: question.id, type: 11, parent_id: fake.channels.help.id });
    const answer = await fake.waitForChannelMessage(thread.id);
    expect(answer.content).toBe('Answer to: How do I renew my visa?');
    const [own] = await echoed;
    expect(own.author.bot).toBe(true);
    expect(own.channelId).toBe(thread.id);
    expect(seenMessages.find((m) => m.id === question.id)?.content).toBe('How do I renew my visa?');
    expect(fake.violations).toEqual([]);
  });

  it('delivers a forum post as THREAD_CREATE plus a starter message with the thread id', async () => {
    const starter = nextEvent(client, Events.MessageCreate, (m) => m.channel.isThread() && m.channel.parentId === fake.channels.forum.id);
    const { thread, message } = fake.forumPost(fake.channels.forum.id, 'Visa question', 'Can I switch employers?');
    const [msg] = await starter;
    expect(msg.id).toBe(thread.id);
    expect(msg.id).toBe(message.id);
    expect(msg.content).toBe('Can I switch employers?');
  });

  it('rejects a reply sent after the 3-second deadline and records it', async () => {
    commands.set('late', (i) => {
      fake.advance(3_001);
      return i.reply({ content: 'too late', ...safe });
    });
    const sent = fake.slash('late');
    expect(await errorCode(sent.id)).toBe(10062);
    expect(await fake.waitForViolation(sent.id)).toMatch(/^\/late \(\d+\): initial response after 30\d\d ms \(deadline 3000 ms\)$/);
  });

  it('rejects content of 2,001 characters with Invalid Form Body', async () => {
    commands.set('long', (i) => i.reply({ content: 'x'.repeat(2001), ...safe }));
    const sent = fake.slash('long');
    await expect(fake.waitForResponse(sent.id)).rejects.toThrow(/rejected with 400/);
    expect(await errorCode(sent.id)).toBe(50035);
    expect(fake.violations.filter((v) => v.startsWith('/long'))).toEqual(['/long callback type 4 rejected: data.content: Must be 2000 or fewer in length.']);
  });

  it('records a reply without allowedMentions as a violation (Discord accepts it)', async () => {
    commands.set('unsafe', (i) => i.reply({ content: 'hello' }));
    const sent = fake.slash('unsafe');
    expect(await fake.waitForResponse(sent.id)).toMatchObject({ type: 4 });
    expect(fake.violations).toContain('/unsafe callback type 4: allowed_mentions missing (Discord would parse mentions)');
  });

  it('resumes after the gateway is kicked (4000) and replays the queued interaction', async () => {
    const resumed = once(client, Events.ShardResume);
    fake.kick(4000);
    const sent = fake.slash('ping'); // dispatched while disconnected: queued, replayed on RESUME
    await fake.waitForResume(1);
    await resumed;
    expect(await fake.waitForResponse(sent.id)).toMatchObject({ type: 4, data: { content: 'pong ' } });
    expect(fake.gateway.identifies).toHaveLength(1);
  });

  it('stores valid commands with ids and rejects an invalid name with 50035', async () => {
    const app = client.application;
    if (!app) throw new Error('no application');
    const stored = await app.commands.set([{ name: 'ask', description: 'Ask a question', options: [{ type: 3, name: 'topic', description: 'Topic', required: true, autocomplete: true }] }]);
    expect(fake.commands().map((c) => [c.name, c.id])).toEqual([...stored.values()].map((c) => [c.name, c.id]));
    commands.set('ask', (i) => i.reply({ content: `command ${i.commandId}`, ...safe }));
    const asked = fake.slash('ask', { topic: 'visa' });
    expect(await fake.waitForResponse(asked.id)).toMatchObject({ data: { content: `command ${stored.first()?.id}` } });
    await expect(app.commands.set([{ name: 'Bad Name', description: 'x' }], fake.guild.id)).rejects.toMatchObject({ code: 50035 });
    expect(fake.violations.some((v) => v.includes('PUT guild commands rejected') && v.includes('Command name is invalid'))).toBe(true);
  });

  it('injects a 403 on thread creation and waits out an injected 429', async () => {
    fake.failNext('POST /channels/:channel/messages/:message/threads', 403, { code: 50013, message: 'Missing Permissions' });
    const msg = fake.userMessage(fake.channels.help.id, 'second question');
    expect(await errorCode(msg.id)).toBe(50013);
    fake.failNext(/\/typing$/, 429, undefined, { retryAfter: 0.05 });
    const channel = client.channels.cache.get(fake.channels.general.id);
    if (!channel?.isSendable()) throw new Error('general is not sendable');
    await channel.sendTyping();
    expect(fake.requests.filter((r) => r.path.endsWith('/typing')).map((r) => r.status)).toEqual([429, 204]);
  });
});
