import { spawn } from 'node:child_process';
import { InteractionResponseType } from 'discord-api-types/v10';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from '../../src/paths.js';
import { startFakeDiscord, type FakeDiscord, type InteractionRecord } from '../fakes/discord.js';

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

async function waitUntilAnswering(fake: FakeDiscord, shards = 1): Promise<void> {
  for (const guild of fake.guilds.slice(0, shards)) {
    let up = false;
    for (let attempt = 0; attempt < 240 && !up; attempt++) {
      if (fake.gateway.identifies.length < shards) {
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      const i = fake.slash('help', {}, { channelId: guild.channels.general.id });
      up = await fake.waitForResponse(i.id, 500).then(
        () => true,
        () => false,
      );
      if (!up) await new Promise((r) => setTimeout(r, 250));
    }
    if (!up) throw new Error('the bot did not come up');
  }
}

/** The Node flags of the production start the README gives (`node --max-semi-space-size=4 --liftoff-only dist/src/index.js`). */
export const PRODUCTION_NODE_FLAGS = ['--max-semi-space-size=4', '--liftoff-only'];

export interface BurstOptions {
  total?: number;
  ratePerSecond?: number;
  /** Every how many interactions one is an /ask (default 4); the others are the deterministic commands. */
  askEvery?: number;
  /** How many of the /ask questions are ones the guides do not cover (the first ones sent). */
  unanswered?: number;
  /** Discord's 3-second deadline (a test about data, not speed, may relax it on a loaded machine). */
  deadlineMs?: number;
  /** Send every interaction in one gateway read (`fake.together`) instead of at `ratePerSecond`. */
  oneTick?: boolean;
  /** Shards (and as many guilds, one per shard) for `npm run start:sharded` instead of `npm start`. */
  shards?: number;
  /** Run the compiled build (`npm run build`, then `node dist/src/index.js`: the production start) instead of TypeScript through tsx. */
  compiled?: boolean;
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
 * point, or the compiled build's; SQLite store in a temporary folder), dispatched at `ratePerSecond`, and waits for
 * every response.
 */
export async function runBurst(options: BurstOptions, report: (r: BurstResult) => string[] = () => []): Promise<string[]> {
  const { shards = 1, compiled = false } = options;
  const entry = shards > 1 ? 'shard' : 'index';
  const fake = await startFakeDiscord({
    waitTimeoutMs: Math.max(20_000, options.deadlineMs ?? 0),
    ...(options.deadlineMs !== undefined && { deadlineMs: options.deadlineMs }),
    ...(shards > 1 && { shards, guilds: shards }),
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-'));
  const storeFile = path.join(dir, 'bench.sqlite');
  const bot = spawn(
    process.execPath,
    compiled ? [...PRODUCTION_NODE_FLAGS, `dist/src/${entry}.js`] : ['--import', 'tsx', `src/${entry}.ts`],
    {
      cwd: ROOT_DIR,
      env: {
        ...process.env,
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.api,
        STORE_URL: `sqlite://${storeFile}`,
        LOG_LEVEL: 'warn',
        OPENAI_API_KEY: '',
        OPENAI_BASE_URL: '',
        ...(shards > 1 && { SHARD_COUNT: String(shards) }),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    await waitUntilAnswering(fake, shards);
    const sent = options.oneTick ? fake.together(() => send(fake, options)) : await sendPaced(fake, options);
    if (options.oneTick) await settled(fake, sent);
    else for (const s of sent) await fake.waitForResponse(s.id); // one waiter at a time: a thousand would make every fake request check them all
    await options.afterResponses?.({ fake, storeFile });
    const pids = [bot.pid!, ...(await childPids(bot.pid!))];
    const peaks = await Promise.all(pids.map(peakRss));
    return report({ sent, fake, peak: Math.max(...peaks.filter((p) => !Number.isNaN(p))) });
  } finally {
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The interaction sent as number `n` of a burst: mostly the deterministic commands, every `askEvery`th an /ask. */
function interaction(fake: FakeDiscord, options: BurstOptions, n: number, asked: { count: number }): BurstResult['sent'][number] {
  const { askEvery = 4, unanswered = 0 } = options;
  const [name, values] = n % askEvery === askEvery - 1 ? ASK : DETERMINISTIC[n % 3]!;
  const chosen = name === 'ask' && asked.count < unanswered ? { question: unansweredQuestion(asked.count) } : values;
  if (name === 'ask') asked.count++;
  const guild = fake.guilds[n % fake.guilds.length]!; // several shards: spread over their guilds
  return { id: fake.slash(name, chosen, { channelId: guild.channels.general.id }).id, kind: name === 'ask' ? 'ask' : 'deterministic' };
}

function send(fake: FakeDiscord, options: BurstOptions): BurstResult['sent'] {
  const asked = { count: 0 };
  return Array.from({ length: options.total ?? 1000 }, (_, n) => interaction(fake, options, n, asked));
}

async function sendPaced(fake: FakeDiscord, options: BurstOptions): Promise<BurstResult['sent']> {
  const { total = 1000, ratePerSecond = 200 } = options;
  const asked = { count: 0 };
  const sent: BurstResult['sent'] = [];
  for (let n = 0; n < total; n++) {
    sent.push(interaction(fake, options, n, asked));
    if (n % 10 === 9) await new Promise((r) => setTimeout(r, (10 * 1000) / ratePerSecond));
  }
  return sent;
}

/** How long a burst waits for the edits that follow early deferrals before it counts the rest as never edited. */
export const EDIT_WAIT_CAP_MS = 180_000;

const deferred = (r: InteractionRecord | undefined) => r?.response?.type === InteractionResponseType.DeferredChannelMessageWithSource;

/**
 * Waits until every interaction has its first response or is past its deadline with a margin (dropped or late), then
 * until every early deferral has been edited with its answer (at most `EDIT_WAIT_CAP_MS`).
 */
async function settled(fake: FakeDiscord, sent: BurstResult['sent']): Promise<void> {
  const open = () =>
    sent.filter((s) => fake.interactions.get(s.id)?.response === undefined && fake.now() - fake.interactions.get(s.id)!.createdAt < 6_000);
  while (open().length > 0) await new Promise((r) => setTimeout(r, 250));
  const unedited = () => sent.filter((s) => deferred(fake.interactions.get(s.id)) && fake.interactions.get(s.id)!.edits.length === 0);
  for (let waited = 0; unedited().length > 0 && waited < EDIT_WAIT_CAP_MS; waited += 250) await new Promise((r) => setTimeout(r, 250));
}

/** The processes started by `pid` (the shards of a ShardingManager). */
async function childPids(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return children.split(/\s+/).filter(Boolean).map(Number);
}
