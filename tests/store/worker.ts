/**
 * One of several processes writing to one store at the same moment (tests/store/processes.test.ts): it opens the
 * store, prints "ready", waits for a line on stdin, then does all its writes at once through the bot's own functions
 * and prints what it won as JSON. Usage: tsx tests/store/worker.ts <storeUrl> <processName> <guildId> <entryId>
 */
import { createCooldown } from '../../src/discord/cooldown.js';
import { recordVote } from '../../src/curation/votes.js';
import { createCuratorQueue } from '../../src/curation/queue.js';
import { takeUsage } from '../../src/llm/usage.js';
import { createLogger } from '../../src/logger.js';
import { createStore } from '../../src/store/store.js';

const PER_PROCESS = 20;
const USAGE_LIMIT = 30;

const [url, name, GUILD, ENTRY] = process.argv.slice(2) as [string, string, string, string];
const MESSAGE = `${GUILD}-message`;
const store = await createStore(url, createLogger({ level: 'warn' }));
const queue = createCuratorQueue(store);
const cooldown = createCooldown(store, 60);
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();

const n = Array.from({ length: PER_PROCESS }, (_, i) => i);
const [, , turns, usage] = await Promise.all([
  Promise.all(n.map((i) => queue.add(GUILD, { kind: 'unanswered', question: `question ${i} from ${name}` }))),
  Promise.all(
    n.map((i) =>
      recordVote(store, queue, {
        guildId: GUILD,
        userId: `${name}-member-${i}`,
        messageId: MESSAGE,
        vote: 'down',
        entryId: ENTRY,
        kind: 'k',
        question: 'how do I ask for a raise?',
      }),
    ),
  ),
  Promise.all(n.map(() => cooldown.take(`${GUILD}-member`))),
  Promise.all(n.map(() => takeUsage(store, [{ key: `llm-usage:guild:${GUILD}:0`, limit: USAGE_LIMIT }], 60_000))),
]);
process.stdout.write(
  `result ${JSON.stringify({ turns: turns.filter((t) => t.ok).length, allowed: usage.filter((u) => u === 'ok').length })}\n`,
);
await store.close();
