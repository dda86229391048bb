/**
 * The production start the README gives, compiled: `npm run build` (tsconfig.build.json), then from the checkout
 * `node <the README's flags> dist/src/index.js`, and `dist/src/shard.js` with SHARD_COUNT=2 — without tsx, with
 * knowledge/ found from dist/ — against the fake Discord. It comes up, /readyz says ready, /ask answers from the
 * knowledge base and /hsp-points computes; the shard manager passes its Node flags on to both shards; SIGTERM stops
 * every process. The build goes into a temporary folder laid out like a checkout (tests/support/build.ts).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InteractionResponseType, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/paths.js';
import { PRODUCTION_NODE_FLAGS } from '../bench/burst.js';
import { runNode, type RunningProcess } from '../discord/process.js';
import { startFakeDiscord, type FakeDiscord, type SentInteraction } from '../fakes/discord.js';
import { buildProduction, type ProductionBuild } from '../support/build.js';
import { alive, childPids } from '../support/processes.js';
import { twoFreePorts } from '../support/ports.js';

const START = (entry: 'index' | 'shard') => [...PRODUCTION_NODE_FLAGS, `dist/src/${entry}.js`];
const HSP = { age: 28, degree: 'bachelor', experience: 3, salary: 6_500_000, jlpt: 'N1', 'japanese-degree': true } as const;
const RAISE = 'how do I ask for a raise without seeming pushy?';

let build: ProductionBuild | undefined;
const running: RunningProcess[] = [];
beforeAll(async () => {
  build = await buildProduction();
}, 120_000);
afterAll(async () => {
  for (const r of running) r.killAll();
  await build?.remove();
});

/** Starts the compiled entry from the build's root (the checkout), as its own process group (the manager and its shards). */
function start(entry: 'index' | 'shard', fake: FakeDiscord, env: Record<string, string>): RunningProcess {
  const run = runNode(
    START(entry),
    {
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.api,
      STORE_URL: `sqlite://${build!.root}/data/${entry}.sqlite`,
      LOG_LEVEL: 'info',
      ...env,
    },
    { cwd: build!.root, group: true },
  );
  running.push(run);
  return run;
}

async function readyz(port: number, timeoutMs = 40_000): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      async (r) => ({ status: r.status, body: await r.text() }),
      () => ({ status: 0, body: '' }),
    );
    if (res.status === 200 || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The answer's embeds: the immediate reply, or the edit after an early deferral (a loaded machine). */
async function embedsOf(fake: FakeDiscord, i: SentInteraction): Promise<APIEmbed[]> {
  const response = await fake.waitForResponse(i.id, 15_000);
  if (response.type === InteractionResponseType.DeferredChannelMessageWithSource)
    return (await fake.waitForEdit(i.id, undefined, 15_000)).embeds ?? [];
  if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`not an answer: ${JSON.stringify(response)}`);
  return response.data.embeds ?? [];
}

/** Linux: a process's command line. */
const cmdline = async (pid: number) => (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);

it('GIVEN the README THEN its production start is the one this file runs', () => {
  const readme = readFileSync(path.join(ROOT_DIR, 'README.md'), 'utf8');
  expect(readme).toContain('`npm run build`');
  for (const entry of ['index', 'shard'] as const) expect(readme).toContain(`\`node ${START(entry).join(' ')}\``);
});

describe(`compiled: node ${START('index').join(' ')}`, () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ waitTimeoutMs: 15_000 });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('GIVEN the build and HTTP_PORT THEN it connects, /readyz is 200, /ask answers from knowledge/, /hsp-points computes; SIGTERM exits 0', async () => {
    const port = await twoFreePorts();
    const run = start('index', fake, { HTTP_PORT: String(port) });
    await run.waitForOutput('connected to Discord', 30_000);
    expect(await readyz(port)).toEqual({ status: 200, body: 'ready\n' });
    expect((await embedsOf(fake, fake.slash('ask', { question: RAISE })))[0]?.title).toContain('How to ask for a promotion');
    const hsp = (await embedsOf(fake, fake.slash('hsp-points', HSP)))[0];
    expect(hsp?.title).toBe('Highly Skilled Professional points');
    expect(hsp?.description).toContain('Highly Skilled Professional (i)(b) points: 75**');
    expect(fake.violations).toEqual([]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.stderr() + run.stdout()).not.toContain(fake.token);
  }, 60_000);
});

describe(`compiled, sharded: node ${START('shard').join(' ')} with SHARD_COUNT=2`, () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ shards: 2, guilds: 2, waitTimeoutMs: 15_000 });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it('GIVEN two guilds on two shards THEN both shard processes run the build with the flags, are ready and answer; SIGTERM stops all three', async () => {
    const port = await twoFreePorts();
    const run = start('shard', fake, { SHARD_COUNT: '2', HTTP_PORT: String(port), LOG_LEVEL: 'warn' });
    for (const p of [port, port + 1]) expect(await readyz(p), `shard on ${p}\n${run.stderr()}`).toEqual({ status: 200, body: 'ready\n' });
    expect(fake.gateway.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const shards = await childPids(run.child.pid!);
    expect(shards).toHaveLength(2);
    for (const pid of shards) {
      const args = await cmdline(pid);
      expect(args.slice(1, -1)).toEqual(PRODUCTION_NODE_FLAGS);
      expect(args.at(-1)).toBe(path.join(build!.root, 'dist/src/index.js'));
    }
    for (const guild of fake.guilds) {
      const ask = fake.slash('ask', { question: RAISE }, { channelId: guild.channels.general.id });
      expect((await embedsOf(fake, ask))[0]?.title).toContain('How to ask for a promotion');
    }
    expect(fake.violations).toEqual([]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    for (let waited = 0; waited < 10_000 && (await Promise.all(shards.map(alive))).some(Boolean); waited += 100)
      await new Promise((r) => setTimeout(r, 100));
    expect(await Promise.all(shards.map(alive))).toEqual([false, false]);
  }, 90_000);
});
