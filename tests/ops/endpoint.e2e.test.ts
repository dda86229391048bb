/**
 * The operations endpoint in front of the real bot (fake Discord, in-memory store that can fail): /healthz, /readyz
 * before and after the gateway is ready and with the store down, and /metrics as Prometheus text whose counters move
 * with the interactions and messages of the run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadiness } from '../../src/discord/readiness.js';
import { exposition, startOpsServer, type OpsServer } from '../../src/ops/http.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { configChannel, handled, replyTo, until } from '../discord/helpers.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { faultyStore, type FaultyStore } from '../support/faulty-store.js';
import { memoryLogger } from '../support/logger.js';
import { parsePrometheus } from '../support/prometheus.js';
import { FakePermissions } from '../fakes/discord.js';

let faulty: FaultyStore;
let metrics: ReturnType<typeof createMetrics>;
let ops: OpsServer;
let t: TestBot | undefined;
const readiness = () => createReadiness(faulty.store, { storeTimeoutMs: 500 });
let ready: ReturnType<typeof readiness>;

beforeAll(async () => {
  faulty = faultyStore();
  metrics = createMetrics({ processMetrics: true });
  ready = readiness();
  ops = await startOpsServer(
    { host: '127.0.0.1', port: 0 },
    { readiness: () => ready.check(), metrics: () => exposition(metrics.registry) },
    memoryLogger('silent').logger,
  );
});
afterAll(async () => {
  await t?.close();
  await ops?.close();
});

const get = async (path: string, method = 'GET') => {
  const res = await fetch(`${ops.url}${path}`, { method });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};
const scrape = async () => {
  const res = await get('/metrics');
  expect(res.status).toBe(200);
  expect(res.type).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parsePrometheus(res.body);
};

describe('/healthz and /readyz', () => {
  it('GIVEN the bot has not connected to the gateway yet THEN /healthz is 200 and /readyz is 503 saying so', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, body: 'ok\n' });
    expect(await get('/readyz')).toMatchObject({ status: 503, body: 'not ready:\n- gateway: not connected yet\n' });
  });

  it('GIVEN the gateway is ready and the store answers THEN /readyz is 200', async () => {
    t = await startTestBot({ store: faulty.store, metrics, readiness: ready });
    expect(await get('/readyz')).toMatchObject({ status: 200, body: 'ready\n' });
  });

  it('GIVEN the store is down THEN /readyz is 503 naming the store, and 200 again once it recovers', async () => {
    faulty.fail('');
    try {
      expect(await get('/readyz')).toMatchObject({ status: 503, body: 'not ready:\n- store: not answering (TEST_STORE_DOWN)\n' });
    } finally {
      faulty.heal();
    }
    expect((await get('/readyz')).status).toBe(200);
  });

  it('GIVEN a store that stops answering (hangs) THEN /readyz is 503 after the probe times out', async () => {
    const hanging = createReadiness({ ...faulty.store, namespace: () => ({ get: () => new Promise(() => undefined) }) } as never, {
      storeTimeoutMs: 50,
    });
    hanging.attach(t!.bot.client);
    expect(await hanging.check()).toEqual({ ready: false, reasons: ['store: no answer within 50 ms'] });
  });

  it('GIVEN an unknown path or a POST THEN 404 and 405', async () => {
    expect((await get('/admin')).status).toBe(404);
    expect((await get('/metrics', 'POST')).status).toBe(405);
    expect(await get('/healthz', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });
});

describe('/metrics', () => {
  const MARKER = 'zanzibar-marker-question';
  it('GIVEN interactions and help-channel messages THEN the Prometheus text parses and the counters move with them; no member content appears', async () => {
    const bot = t!;
    const before = await scrape();
    expect(before.types.get('process_resident_memory_bytes')).toBe('gauge');
    expect(before.types.get('helpbot_interaction_first_response_seconds')).toBe('histogram');
    expect(before.value('helpbot_knowledge_base_info', { version: bot.bot.ctx.knowledge().kb.version })).toBe(1);

    await replyTo(bot, bot.fake.slash('help', {}));
    const answered = bot.fake.slash('ask', { question: 'how do I ask for a raise without seeming pushy?' });
    await replyTo(bot, answered);
    const unanswered = bot.fake.slash('ask', { question: `${MARKER} what is the best ramen in osaka` });
    await replyTo(bot, unanswered);
    await handled(bot, unanswered.id); // queued after the reply
    await replyTo(bot, bot.fake.slash('career-path', { jlpt: 'N2', background: 'alt' }));
    await replyTo(bot, bot.fake.slash('ask', { question: "hsp? 30, master's, 5 yrs exp, 7.5M, N2 — do i make 70?" })); // mode rules
    await replyTo(bot, bot.fake.slash('config', {}, { group: 'queue', subcommand: 'show', permissions: FakePermissions.member })); // refused
    const message = bot.fake.userMessage(bot.fake.channels.help.id, 'how do I ask for a raise without seeming pushy?');
    await bot.fake.waitForThread(bot.fake.channels.help.id, (th) => th.id === message.id);
    await handled(bot, message.id);
    const calc = bot.fake.userMessage(bot.fake.channels.help.id, "hsp? 30, master's, 5 yrs exp, 7.5M, N2 — do i make 70?", {
      author: bot.fake.user('calc'),
    });
    await bot.fake.waitForThread(bot.fake.channels.help.id, (th) => th.id === calc.id);
    await handled(bot, calc.id);
    const quiet = bot.fake.userMessage(bot.fake.channels.help.id, `${MARKER} lol same`, { author: bot.fake.user('chatty') });
    await until(
      () => bot.logs.lines().some((l) => l.messageId === quiet.id && l.msg === 'not confident; staying quiet'),
      'the bot to stay quiet',
    );
    await configChannel(bot, 'add-help-channel', bot.fake.channels.general.id);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string> = {}) => after.sum(name, labels) - before.sum(name, labels);
    expect(delta('helpbot_interactions_total', { type: 'command', command: 'help', outcome: 'answered' })).toBe(1);
    expect(delta('helpbot_interactions_total', { type: 'command', command: 'ask', outcome: 'answered' })).toBe(3);
    expect(delta('helpbot_interactions_total', { type: 'command', command: 'config', outcome: 'refused' })).toBe(1);
    expect(delta('helpbot_interactions_total', { type: 'command', command: 'config', outcome: 'answered' })).toBe(1);
    expect(delta('helpbot_interaction_refusals_total', { reason: 'missing-permission' })).toBe(1);
    expect(delta('helpbot_answers_total', { surface: 'slash', mode: 'knowledge' })).toBe(1);
    expect(delta('helpbot_answers_total', { surface: 'slash', mode: 'none' })).toBe(1);
    expect(delta('helpbot_answers_total', { surface: 'slash', mode: 'rules' })).toBe(2);
    expect(delta('helpbot_answers_total', { surface: 'help_channel', mode: 'knowledge' })).toBe(1);
    expect(delta('helpbot_answers_total', { surface: 'help_channel', mode: 'rules' })).toBe(1);
    expect(delta('helpbot_help_channel_messages_total', { outcome: 'answered' })).toBe(2);
    expect(delta('helpbot_help_channel_messages_total', { outcome: 'not_confident' })).toBe(1);
    expect(delta('helpbot_queue_records_total', { kind: 'unanswered' })).toBe(1);
    expect(delta('helpbot_interaction_first_response_seconds_count', { type: 'command' })).toBe(7);
    expect(after.value('helpbot_gateway_shard_ready', { shard: '0' })).toBe(1);
    expect(delta('helpbot_store_errors_total')).toBe(0);

    const text = (await get('/metrics')).body;
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain('ramen');
    expect(text).not.toContain(bot.fake.memberUser.id);
  });

  it('GIVEN the store fails THEN store errors are counted by operation', async () => {
    const before = await scrape();
    faulty.fail('help-channels');
    try {
      await t!.store
        .namespace('help-channels')
        .get('x')
        .catch(() => undefined);
    } finally {
      faulty.heal();
    }
    const after = await scrape();
    expect(after.sum('helpbot_store_errors_total', { op: 'get' }) - before.sum('helpbot_store_errors_total', { op: 'get' })).toBe(1);
  });
});
