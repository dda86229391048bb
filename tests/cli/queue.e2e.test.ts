/**
 * `queue --guild ID [--json]` reads the bot's store: its JSON is byte for byte the file `/config queue export`
 * attaches, on SQLite and on Redis.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runQueue } from '../../src/cli/queue.js';
import { createStore } from '../../src/store/store.js';
import { customIdsOf, formFrom, handled, replyTo } from '../discord/helpers.js';
import { FakePermissions } from '../fakes/discord.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { memoryLogger } from '../support/logger.js';
import { describeWithRedis } from '../support/redis.js';

/** A 👎 with a reason and an unanswered question, then the export's attached text. */
async function curatorActivity(t: TestBot): Promise<string> {
  const [, down] = customIdsOf(
    await replyTo(t, t.fake.slash('ask', { question: 'how many days do I have to notify immigration after quitting?' })),
  );
  const click = t.fake.button(down ?? '');
  await formFrom(t, click);
  await replyTo(t, t.fake.submitModal(click.id, { reason: ['unclear'], comment: 'Which office?' }));
  const unanswered = t.fake.slash('ask', { question: 'what is the best ramen in osaka' });
  await replyTo(t, unanswered);
  await handled(t, unanswered.id);
  const i = t.fake.slash('config', {}, { group: 'queue', subcommand: 'export', permissions: FakePermissions.manageGuild });
  await replyTo(t, i);
  const request = t.fake.requests.find((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${i.id}/`));
  return (request?.body as { files: { text: string }[] }).files[0]!.text;
}

function parity(name: string, url: () => string) {
  it(`${name}: GIVEN a 👎 with a reason and an unanswered question THEN queue --json prints exactly the export, and the text lists both`, async () => {
    const t = await startTestBot({ store: await createStore(url(), memoryLogger().logger) });
    let attached: string;
    try {
      attached = await curatorActivity(t);
      expect(t.fake.violations).toEqual([]);
    } finally {
      await t.close();
    }
    const open = () => createStore(url(), memoryLogger().logger);
    const json = await runQueue(['--guild', t.fake.guild.id, '--json'], open);
    expect(json).toMatchObject({ stderr: '', exitCode: 0 });
    expect(json.stdout).toBe(attached);
    const doc = JSON.parse(json.stdout) as { items: { kind: string; reasons?: object }[] };
    expect(doc.items.map((item) => item.kind).slice(0, 2)).toEqual(['unanswered', 'downvoted']);
    expect(doc.items[1]?.reasons).toEqual({ unclear: 1 });
    const text = await runQueue(['--guild', t.fake.guild.id], open);
    expect(text.stdout).toContain('[downvoted] ×1');
    expect(text.stdout).toContain('reasons: Unclear ×1');
    expect(text.stdout).toContain('“Which office?”');
  });
}

describe('queue --json on SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-queue-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  parity('SQLite', () => `sqlite://${path.join(dir, 'bot.sqlite')}`);
});

describeWithRedis('queue --json on Redis', (redis) => parity('Redis', () => redis.url));

describe('queue arguments', () => {
  const never = () => Promise.reject(new Error('the store must not be opened'));
  it.each([
    [[], '--guild <server id> is required'],
    [['--guild', 'abc'], '--guild takes a Discord server id (17–20 digits)'],
    [['--guild', '123456789012345678', '--verbose'], "Unknown option '--verbose'"],
  ])('GIVEN %j THEN exit 2 with a usage message and the store untouched', async (argv, message) => {
    const r = await runQueue(argv, never);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('npm run -s cli -- queue --help');
  });

  it('--help prints the usage', async () => {
    const result = await runQueue(['--help'], never);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('queue --guild <server id> [--json]');
  });
});
