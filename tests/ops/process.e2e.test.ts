/**
 * `npm start` with HTTP_PORT, the way an operator runs it: the endpoint comes up with the process, /readyz turns 200
 * once the gateway is ready, /metrics carries the standard process metrics and the bot's own; a port already in use
 * or a bad HTTP_HOST stops start-up with a clear message; without HTTP_PORT nothing listens.
 */
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEntry, workDir, type RunningProcess } from '../discord/process.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { freePort } from '../support/ports.js';
import { parsePrometheus } from '../support/prometheus.js';

let fake: FakeDiscord;
const dir = workDir();
const running: RunningProcess[] = [];
beforeAll(async () => {
  fake = await startFakeDiscord({ waitTimeoutMs: 15_000 });
});
afterAll(async () => {
  for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGKILL');
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

const start = (env: Record<string, string>) => {
  const run = runEntry('src/index.ts', {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.api,
    STORE_URL: `sqlite://${path.join(dir, 'bot.sqlite')}`,
    LOG_LEVEL: 'info',
    ...env,
  });
  running.push(run);
  return run;
};

async function poll(url: string, until: (status: number) => boolean, timeoutMs = 20_000): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(url).then(
      async (r) => ({ status: r.status, body: await r.text() }),
      () => ({ status: 0, body: '' }),
    );
    if (until(res.status) || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start with HTTP_PORT', () => {
  it('GIVEN HTTP_PORT THEN /healthz answers, /readyz turns 200 once connected, and /metrics has process and bot metrics; SIGTERM closes it', async () => {
    const port = await freePort();
    const run = start({ HTTP_PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    expect((await poll(`${base}/healthz`, (s) => s === 200)).status).toBe(200);
    expect(await poll(`${base}/readyz`, (s) => s === 200)).toEqual({ status: 200, body: 'ready\n' });
    const i = fake.slash('help', {});
    await fake.waitForResponse(i.id);
    const metrics = parsePrometheus((await poll(`${base}/metrics`, (s) => s === 200)).body);
    expect(metrics.value('process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(metrics.types.get('nodejs_heap_size_used_bytes')).toBe('gauge');
    expect(metrics.value('helpbot_interactions_total', { type: 'command', command: 'help', outcome: 'answered' })).toBe(1);
    expect(metrics.value('helpbot_gateway_shard_ready', { shard: '0' })).toBe(1);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect((await poll(`${base}/healthz`, (s) => s === 0, 2_000)).status).toBe(0);
  }, 40_000);

  it('GIVEN HTTP_PORT already in use THEN start-up stops with exit 1 and says so', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const run = start({ HTTP_PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toContain(`Cannot start: HTTP_HOST:HTTP_PORT 127.0.0.1:${port} is already in use.`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 30_000);

  it('GIVEN an invalid HTTP_PORT or HTTP_HOST THEN the environment problems are listed', async () => {
    const run = start({ HTTP_PORT: 'ninety', HTTP_HOST: 'not a host' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain('HTTP_PORT: must be a port number');
    expect(run.stderr()).toContain('HTTP_HOST: must be an IP address or a host name');
  });
});
