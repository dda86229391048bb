/**
 * `npm run start:sharded` with SHARD_COUNT=2 against one Redis: two shard processes, two guilds on different shards.
 * Both answer; a /config reload on one shard is followed by the other; the per-member LLM limit and the help-channel
 * cooldown taken through one shard hold on the other; each shard serves its own /metrics on HTTP_PORT + shard id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/paths.js';
import { FakePermissions, startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai.js';
import { twoFreePorts } from '../support/ports.js';
import { parsePrometheus, type Exposition } from '../support/prometheus.js';
import { describeWithRedis } from '../support/redis.js';
import { TWO_ENTRY_QUESTION } from '../support/questions.js';

async function metricsOf(port: number, until: (m: Exposition) => boolean, timeoutMs = 20_000): Promise<Exposition> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await fetch(`http://127.0.0.1:${port}/metrics`).then(
      (r) => (r.ok ? r.text() : ''),
      () => '',
    );
    const m = parsePrometheus(text);
    if ((text !== '' && until(m)) || Date.now() > deadline) return m;
    await new Promise((r) => setTimeout(r, 200));
  }
}

const ready = (m: Exposition) =>
  m.value('helpbot_gateway_shard_ready', {
    shard: String(m.samples.find((s) => s.name === 'helpbot_gateway_shard_ready')?.labels.shard),
  }) === 1;

describeWithRedis('two shards in two processes sharing Redis', (redis) => {
  let fake: FakeDiscord;
  let openai: FakeOpenAI;
  let manager: ChildProcess | undefined;
  let port: number;
  let output = '';
  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2, guilds: 2, waitTimeoutMs: 15_000 });
    openai = await startFakeOpenAI();
    port = await twoFreePorts();
    manager = spawn(process.execPath, ['--import', 'tsx', 'src/shard.ts'], {
      cwd: ROOT_DIR,
      env: {
        PATH: process.env.PATH ?? '',
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.api,
        SHARD_COUNT: '2',
        STORE_URL: redis.url,
        HTTP_PORT: String(port),
        HELP_CHANNEL_IDS: fake.guilds.map((g) => g.channels.help.id).join(','),
        OPENAI_BASE_URL: openai.baseURL,
        OPENAI_API_KEY: 'sk-test',
        OPENAI_MAX_RETRIES: '0',
        LLM_USER_LIMIT_PER_DAY: '1',
        HELP_COOLDOWN_SECONDS: '60',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    manager.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    manager.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    for (const p of [port, port + 1]) expect(ready(await metricsOf(p, ready, 40_000)), `shard on ${p} ready\n${output}`).toBe(true);
  }, 60_000);
  afterAll(async () => {
    if (manager?.exitCode === null) {
      const exited = new Promise((resolve) => manager?.once('exit', resolve));
      manager.kill('SIGTERM');
      await exited;
    }
    await openai?.close();
    await fake?.close();
  });

  it('GIVEN two guilds on different shards THEN each shard process identified with its id and both answer', async () => {
    expect(fake.gateway.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const guild of fake.guilds) {
      const i = fake.slash('help', {}, { channelId: guild.channels.general.id });
      expect((await fake.waitForResponse(i.id, 10_000)).type).toBe(4);
    }
    expect(
      (await metricsOf(port, () => true)).value('helpbot_interactions_total', { type: 'command', command: 'help', outcome: 'answered' }),
    ).toBe(1);
    expect(
      (await metricsOf(port + 1, () => true)).value('helpbot_interactions_total', {
        type: 'command',
        command: 'help',
        outcome: 'answered',
      }),
    ).toBe(1);
    expect(fake.violations).toEqual([]);
  }, 30_000);

  it('GIVEN /config reload on the shard of guild 1 THEN the shard of guild 2 reloads too', async () => {
    const i = fake.slash(
      'config',
      {},
      { subcommand: 'reload', permissions: FakePermissions.manageGuild, channelId: fake.guilds[0]!.channels.general.id },
    );
    expect((await fake.waitForEdit(i.id, undefined, 10_000)).content).toMatch(/^Knowledge base reloaded/);
    const reloads = (m: Exposition) => m.value('helpbot_knowledge_reloads_total', { origin: 'shard', result: 'ok' }) ?? 0;
    expect(reloads(await metricsOf(port + 1, (m) => reloads(m) === 1))).toBe(1);
    expect(reloads(await metricsOf(port, () => true))).toBe(0);
    expect((await metricsOf(port, () => true)).value('helpbot_knowledge_reloads_total', { origin: 'command', result: 'ok' })).toBe(1);
    expect(fake.violations).toEqual([]);
  }, 30_000);

  it('GIVEN a member used their one daily LLM draft through shard 0 THEN shard 1 does not call the model for them', async () => {
    const first = fake.slash('ask', { question: TWO_ENTRY_QUESTION }, { channelId: fake.guilds[0]!.channels.general.id });
    await fake.waitForEdit(first.id, undefined, 10_000);
    expect(openai.requests).toHaveLength(1); // unscripted: the model fails, but the member's draft is spent
    const second = fake.slash(
      'ask',
      { question: 'would moving from eikaiwa to IT support make sense with N3 and some helpdesk experience back home?' },
      { channelId: fake.guilds[1]!.channels.general.id },
    );
    await fake.waitForEdit(second.id, undefined, 10_000);
    expect(openai.requests).toHaveLength(1);
    const skipped = await metricsOf(port + 1, (m) => m.sum('helpbot_llm_skipped_total') > 0);
    expect(skipped.sum('helpbot_llm_skipped_total', { reason: 'limit' })).toBe(1);
    expect(fake.violations).toEqual([]);
  }, 30_000);

  it('GIVEN a member answered in the help channel of guild 1 (shard 0) THEN in guild 2 (shard 1) they are in the cooldown, another member is not', async () => {
    const [one, two] = [fake.guilds[0]!.channels.help.id, fake.guilds[1]!.channels.help.id];
    const member = fake.user('cross-poster');
    const first = fake.userMessage(one, 'how do I ask for a raise without seeming pushy?', { author: member });
    const thread = await fake.waitForThread(one, (th) => th.id === first.id, 10_000);
    expect((await fake.waitForChannelMessage(thread.id, undefined, 10_000)).embeds[0]?.title).toContain('How to ask for a promotion');

    const again = fake.userMessage(two, 'how do I ask for a raise without seeming pushy?', { author: member, mentionBot: true });
    const reply = await fake.waitForChannelMessage(two, (m) => m.message_reference?.message_id === again.id, 10_000);
    expect(reply.content).toMatch(/^You asked me a moment ago — you can ask again in \d+ s\.$/);

    const other = fake.userMessage(two, 'how do I ask for a raise without seeming pushy?', { author: fake.user('someone-else') });
    const otherThread = await fake.waitForThread(two, (th) => th.id === other.id, 10_000);
    expect((await fake.waitForChannelMessage(otherThread.id, undefined, 10_000)).embeds[0]?.title).toContain('How to ask for a promotion');
    expect(fake.messagesIn(again.id)).toEqual([]); // no thread was opened on the cross-post

    const outcome = (m: Exposition, o: string) => m.value('helpbot_help_channel_messages_total', { outcome: o }) ?? 0;
    const shard1 = await metricsOf(port + 1, (m) => outcome(m, 'answered') === 1);
    expect([outcome(shard1, 'cooldown'), outcome(shard1, 'answered')]).toEqual([1, 1]);
    const shard0 = await metricsOf(port, () => true);
    expect([outcome(shard0, 'cooldown'), outcome(shard0, 'answered')]).toEqual([0, 1]);
    expect(fake.violations).toEqual([]);
  }, 30_000);
});
