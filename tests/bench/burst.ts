import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../../src/paths.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord.js';
import { line, mib, ms, percentile } from './stats.js';

const DETERMINISTIC: [string, Record<string, string | number | boolean>][] = [
  ['career-path', { jlpt: 'N2', background: 'alt', technical: true }],
  ['visa-check', { status: 'engineer-specialist', 'current-work': 'system-development', 'new-work': 'marketing', employer: 'same' }],
  ['hsp-points', { age: 28, degree: 'bachelor', experience: 3, salary: 6_500_000, jlpt: 'N1', 'japanese-degree': true }],
];
const ASK: [string, Record<string, string>] = ['ask', { question: 'how do I ask for a raise without seeming pushy?' }];
/** A question the guides do not cover (each different): it goes to the curator queue. */
export const unansweredQuestion = (n: number) => `what does the blue parrot number ${n + 1} eat for breakfast`;

async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : Number.NaN;
}

async function waitUntilAnswering(fake: FakeDiscord): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (fake.gateway.identifies.length === 0) {
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    const i = fake.slash('help', {});
    try {
      await fake.waitForResponse(i.id, 500);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error('the bot did not come up');
}

export interface BurstOptions {
  total?: number;
  ratePerSecond?: number;
  /** Every how many interactions one is an /ask (default 4); the others are the deterministic commands. */
  askEvery?: number;
  /** How many of the /ask questions are ones the guides do not cover (the first ones sent). */
  unanswered?: number;
  /** Discord's 3-second deadline (a test about data, not speed, may relax it on a loaded machine). */
  deadlineMs?: number;
  /** Called once every interaction has its response, while the bot and its store are still there. */
  afterResponses?: (run: { fake: FakeDiscord; storeFile: string }) => Promise<void>;
}

export interface BurstResult {
  sent: { id: string; kind: 'deterministic' | 'ask' }[];
  fake: FakeDiscord;
  peak: number;
}

/**
 * Sends `total` interactions through the fake Discord to the bot running as its own process (`npm start`'s entry
 * point, SQLite store in a temporary folder), dispatched at `ratePerSecond`, and waits for every response.
 */
export async function runBurst(options: BurstOptions, report: (r: BurstResult) => string[] = () => []): Promise<string[]> {
  const { total = 1000, ratePerSecond = 200, unanswered = 0, askEvery = 4 } = options;
  const fake = await startFakeDiscord({ waitTimeoutMs: Math.max(20_000, options.deadlineMs ?? 0), ...(options.deadlineMs !== undefined && { deadlineMs: options.deadlineMs }) });
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-'));
  const storeFile = path.join(dir, 'bench.sqlite');
  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: ROOT_DIR,
    env: { ...process.env, DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.api, STORE_URL: `sqlite://${storeFile}`, LOG_LEVEL: 'warn', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUntilAnswering(fake);
    const sent: BurstResult['sent'] = [];
    let asked = 0;
    for (let n = 0; n < total; n++) {
      const [name, options] = n % askEvery === askEvery - 1 ? ASK : DETERMINISTIC[n % 3]!;
      const values = name === 'ask' && asked < unanswered ? { question: unansweredQuestion(asked) } : options;
      if (name === 'ask') asked++;
      sent.push({ id: fake.slash(name, values).id, kind: name === 'ask' ? 'ask' : 'deterministic' });
      if (n % 10 === 9) await new Promise((r) => setTimeout(r, (10 * 1000) / ratePerSecond));
    }
    for (const s of sent) await fake.waitForResponse(s.id); // one waiter at a time: a thousand would make every fake request check them all
    await options.afterResponses?.({ fake, storeFile });
    return report({ sent, fake, peak: await peakRss(bot.pid!) });
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** `npm run bench`'s burst: time from dispatch to the bot's response, and the bot process's peak memory. */
export function benchBurst(total = 1000, ratePerSecond = 200): Promise<string[]> {
  return runBurst({ total, ratePerSecond }, ({ sent, fake, peak }) => {
    const latency = (kind: string) =>
      sent.filter((s) => s.kind === kind).map((s) => {
        const r = fake.interactions.get(s.id)!;
        return r.respondedAt! - r.createdAt;
      });
    const det = latency('deterministic');
    const ask = latency('ask');
    const late = fake.violations.filter((v) => /3 s|deadline|10062/i.test(v)).length;
    return [
      `Discord burst: ${total} interactions at ~${ratePerSecond}/s through the fake Discord to the bot process`,
      line('deterministic commands: p50 dispatch → response', ms(percentile(det, 50))),
      line('deterministic commands: p99', ms(percentile(det, 99)), '< 50 ms'),
      line('/ask (knowledge base): p50', ms(percentile(ask, 50))),
      line('/ask (knowledge base): p99', ms(percentile(ask, 99))),
      line('bot process peak memory (VmHWM)', mib(peak)),
      line('responses after the 3-second deadline', String(late)),
    ];
  });
}
