/**
 * Protocol-level tests of the fake Discord without discord.js: a raw `ws` gateway client and
 * `fetch`, so each rule (intents, MESSAGE_CONTENT, resume replay, deadlines, token life, limits)
 * is pinned down precisely and quickly.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFakeDiscord, type FakeDiscord } from './discord.js';

const GUILDS = 1;
const GUILD_MESSAGES = 1 << 9;
const MESSAGE_CONTENT = 1 << 15;
const SAFE = { allowed_mentions: { parse: [] } };

interface Frame {
  op: number;
  t?: string | null;
  s?: number | null;
  d?: unknown;
}

/** A minimal gateway client that keeps every frame and lets the test await one. */
class RawGateway {
  readonly frames: Frame[] = [];
  closeCode: number | undefined;
  readonly #socket: WebSocket;
  #waiters: (() => void)[] = [];

  constructor(url: string) {
    this.#socket = new WebSocket(`${url}/?v=10&encoding=json`);
    this.#socket.on('message', (raw: Buffer) => {
      this.frames.push(JSON.parse(raw.toString('utf8')) as Frame);
      this.#wake();
    });
    this.#socket.on('close', (code: number) => {
      this.closeCode = code;
      this.#wake();
    });
  }

  #wake(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }

  send(op: number, d: unknown): void {
    this.#socket.send(JSON.stringify({ op, d }));
  }

  async next(predicate: (f: Frame) => boolean, timeoutMs = 2000): Promise<Frame> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.frames.find(predicate);
      if (hit) return hit;
      if (Date.now() > end) throw new Error(`no matching frame; got ${JSON.stringify(this.frames.map((f) => f.t ?? f.op))}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async closed(): Promise<number | undefined> {
    await this.next(() => this.closeCode !== undefined).catch(() => undefined);
    return this.closeCode;
  }

  close(): void {
    this.#socket.close();
  }
}

async function identify(fake: FakeDiscord, intents: number): Promise<RawGateway> {
  const gw = new RawGateway(fake.wsUrl);
  await gw.next((f) => f.op === 10);
  gw.send(2, { token: fake.token, intents, properties: { os: 'linux', browser: 'raw', device: 'raw' } });
  await gw.next((f) => f.t === 'GUILD_CREATE');
  return gw;
}

const content = (f: Frame): unknown => (f.d as { content?: unknown }).content;

let fake: FakeDiscord;
const sockets: RawGateway[] = [];
beforeEach(async () => {
  fake = await startFakeDiscord();
});
afterEach(async () => {
  for (const gw of sockets.splice(0)) gw.close();
  await fake.close();
});

async function call(method: string, path: string, body?: unknown, auth = true): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${fake.api}/v10${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bot ${fake.token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

describe('gateway', () => {
  it('acks heartbeats and closes 4004 on a wrong token', async () => {
    const gw = new RawGateway(fake.wsUrl);
    sockets.push(gw);
    expect(await gw.next((f) => f.op === 10)).toMatchObject({ d: { heartbeat_interval: 45_000 } });
    gw.send(1, null);
    await gw.next((f) => f.op === 11);
    gw.send(2, { token: 'wrong', intents: GUILDS });
    expect(await gw.closed()).toBe(4004);
  });

  it('blanks content without the MESSAGE_CONTENT intent unless the bot is mentioned or authored it', async () => {
    const gw = await identify(fake, GUILDS | GUILD_MESSAGES);
    sockets.push(gw);
    expect(gw.frames.filter((f) => f.op === 0).map((f) => [f.t, f.s])).toEqual([
      ['READY', 1],
      ['GUILD_CREATE', 2],
    ]);
    const plain = fake.userMessage(fake.channels.help.id, 'secret text');
    const mention = fake.userMessage(fake.channels.help.id, 'hello', { mentionBot: true });
    await call('POST', `/channels/${fake.channels.help.id}/messages`, { content: 'bot text', ...SAFE });
    const created = async (id: string | undefined) =>
      content(await gw.next((f) => f.t === 'MESSAGE_CREATE' && (id === undefined || (f.d as { id: string }).id === id)));
    expect(await created(plain.id)).toBe('');
    expect(await created(mention.id)).toBe(`<@${fake.botUser.id}> hello`);
    const own = await gw.next((f) => f.t === 'MESSAGE_CREATE' && (f.d as { author: { id: string } }).author.id === fake.botUser.id);
    expect(content(own)).toBe('bot text');
  });

  it('drops guild MESSAGE_CREATE without the GuildMessages intent', async () => {
    const gw = await identify(fake, GUILDS | MESSAGE_CONTENT);
    sockets.push(gw);
    fake.userMessage(fake.channels.help.id, 'unseen');
    expect(fake.gateway.dropped).toEqual(['MESSAGE_CREATE without GuildMessages intent']);
  });

  it('replays events queued while disconnected on RESUME, and invalidates unknown sessions', async () => {
    const gw = await identify(fake, GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT);
    sockets.push(gw);
    const ready = gw.frames.find((f) => f.t === 'READY')?.d as { session_id: string; resume_gateway_url: string };
    fake.kick(4000);
    expect(await gw.closed()).toBe(4000);
    const queued = fake.userMessage(fake.channels.general.id, 'while you were away');
    const again = new RawGateway(ready.resume_gateway_url);
    sockets.push(again);
    await again.next((f) => f.op === 10);
    again.send(6, { token: fake.token, session_id: ready.session_id, seq: 2 });
    const replayed = await again.next((f) => f.t === 'MESSAGE_CREATE');
    expect(replayed).toMatchObject({ s: 3, d: { id: queued.id, content: 'while you were away' } });
    expect(await again.next((f) => f.t === 'RESUMED')).toMatchObject({ s: 4 });
    expect(fake.gateway.resumes).toBe(1);

    const stranger = new RawGateway(fake.wsUrl);
    sockets.push(stranger);
    await stranger.next((f) => f.op === 10);
    stranger.send(6, { token: fake.token, session_id: 'nope', seq: 1 });
    expect(await stranger.next((f) => f.op === 9)).toMatchObject({ d: false });
  });
});

describe('REST enforcement', () => {
  beforeEach(async () => {
    sockets.push(await identify(fake, GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT));
  });

  it('accepts one initial response and rejects a second (40060), a late one (10062) and with_response=true (not modelled)', async () => {
    const i = fake.slash('ping');
    expect(
      await call(
        'POST',
        `/interactions/${i.id}/${i.token}/callback?with_response=false`,
        { type: 4, data: { content: 'pong', ...SAFE } },
        false,
      ),
    ).toMatchObject({ status: 204 });
    const second = await call('POST', `/interactions/${i.id}/${i.token}/callback`, { type: 4, data: { content: 'again', ...SAFE } }, false);
    expect(second).toMatchObject({ status: 400, json: { code: 40060 } });
    const late = fake.slash('slow');
    fake.advance(3_001);
    expect(
      await call('POST', `/interactions/${late.id}/${late.token}/callback`, { type: 4, data: { content: 'late', ...SAFE } }, false),
    ).toMatchObject({ status: 404, json: { code: 10062 } });
    const withResponse = fake.slash('ping');
    expect(
      (await call('POST', `/interactions/${withResponse.id}/${withResponse.token}/callback?with_response=true`, { type: 5 }, false)).status,
    ).toBe(400);
    expect(fake.violations).toEqual([
      `/ping (${i.id}): acknowledged twice`,
      expect.stringMatching(new RegExp(`^/slow \\(${late.id}\\): initial response after 30\\d\\d ms \\(deadline 3000 ms\\)$`)),
      '/ping: with_response=true is not modelled by the fake',
    ]);
  });

  it('flags an unanswered interaction once the deadline passes', () => {
    const i = fake.slash('ignored');
    expect(fake.violations).toEqual([]);
    fake.advance(3_001);
    expect(fake.violations).toEqual([`/ignored (${i.id}): no initial response within 3000 ms`]);
  });

  it('enforces the webhook rules: follow-up before response, application id, 15-minute token', async () => {
    const i = fake.slash('ask');
    const early = await call('POST', `/webhooks/${fake.applicationId}/${i.token}?wait=true`, { content: 'x', ...SAFE }, false);
    expect(early).toMatchObject({ status: 404, json: { code: 10015 } });
    await call('POST', `/interactions/${i.id}/${i.token}/callback`, { type: 5 }, false);
    const wrongApp = await call('PATCH', `/webhooks/${fake.botUser.id}/${i.token}/messages/%40original`, { content: 'x', ...SAFE }, false);
    expect(wrongApp.status).toBe(404);
    const edited = await call(
      'PATCH',
      `/webhooks/${fake.applicationId}/${i.token}/messages/%40original`,
      { content: 'done', ...SAFE },
      false,
    );
    expect(edited).toMatchObject({ status: 200, json: { content: 'done', flags: 0 } });
    fake.advance(15 * 60_000 + 1);
    const late = await call(
      'PATCH',
      `/webhooks/${fake.applicationId}/${i.token}/messages/%40original`,
      { content: 'later', ...SAFE },
      false,
    );
    expect(late).toMatchObject({ status: 401, json: { code: 50027 } });
    expect(fake.violations).toHaveLength(3);
  });

  it('rejects oversize autocomplete results and the wrong callback type', async () => {
    const ac = fake.autocomplete('ask', { topic: 'v' });
    const choices = Array.from({ length: 26 }, (_, n) => ({ name: `c${n}`, value: `v${n}` }));
    const res = await call('POST', `/interactions/${ac.id}/${ac.token}/callback`, { type: 8, data: { choices } }, false);
    expect(res).toMatchObject({
      status: 400,
      json: { code: 50035, errors: { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
    });
    const slash = fake.slash('ask');
    const wrong = await call('POST', `/interactions/${slash.id}/${slash.token}/callback`, { type: 8, data: { choices: [] } }, false);
    expect(wrong.status).toBe(400);
  });

  it('validates channel messages: embed total, rows, buttons, empty, non-text channel, allowed_mentions', async () => {
    const help = `/channels/${fake.channels.help.id}/messages`;
    const embeds = [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2001) }];
    expect(await call('POST', help, { embeds, ...SAFE })).toMatchObject({
      status: 400,
      json: { errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } },
    });
    const button = (n: number) => ({ type: 2, style: 1, custom_id: `b${n}`, label: 'x' });
    const rows = Array.from({ length: 6 }, (_, r) => ({ type: 1, components: [button(r)] }));
    expect((await call('POST', help, { content: 'x', components: rows, ...SAFE })).status).toBe(400);
    const wide = [{ type: 1, components: Array.from({ length: 6 }, (_, n) => button(n)) }];
    expect((await call('POST', help, { content: 'x', components: wide, ...SAFE })).status).toBe(400);
    const longId = [{ type: 1, components: [{ ...button(0), custom_id: 'x'.repeat(101), label: 'y'.repeat(81) }] }];
    const ids = await call('POST', help, { content: 'x', components: longId, ...SAFE });
    expect(ids.json).toMatchObject({ errors: { components: { 0: { components: { 0: { custom_id: {}, label: {} } } } } } });
    expect(await call('POST', help, { ...SAFE })).toMatchObject({ status: 400, json: { code: 50006 } });
    const text = await call('POST', help, { content: '𝐚'.repeat(2001), ...SAFE }); // 2,001 code points, 4,002 UTF-16 units
    expect(text).toMatchObject({
      status: 400,
      json: { code: 50035, errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    expect(await call('POST', `/channels/${fake.channels.forum.id}/messages`, { content: 'x', ...SAFE })).toMatchObject({
      json: { code: 50008 },
    });
    expect((await call('POST', help, { content: 'ping', allowed_mentions: { parse: ['users'] } })).status).toBe(200);
    expect(fake.violations.at(-1)).toBe('message to #help: allowed_mentions.parse must be [] (got ["users"])');
  });

  it('404s unmodelled routes and refuses a call without the bot token', async () => {
    expect(await call('GET', '/guilds/1/bans')).toMatchObject({ status: 404, json: { message: 'Unknown route (fake)' } });
    expect(await call('GET', '/applications/@me', undefined, false)).toMatchObject({ status: 401 });
    expect(fake.violations).toEqual([
      'unmodelled route: GET /guilds/1/bans',
      'GET /applications/@me: missing or wrong Authorization header',
    ]);
  });
});
