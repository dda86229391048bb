import { parseArgs } from 'node:util';
import { exportText, queueExport } from '../curation/export.js';
import { createCuratorQueue, type QueueItem } from '../curation/queue.js';
import { REASON_LABELS, type Reason } from '../curation/reasons.js';
import type { Store } from '../store/store.js';
import type { CliResult } from './result.js';

export const QUEUE_USAGE = `A server's curator queue (unanswered and down-voted questions), read from the bot's store (STORE_URL)

Usage: npm run -s cli -- queue --guild <server id> [--json]

Options:
  --guild <id>   (required) the Discord server id
  --json         print the open items as JSON: the same document as /config queue export
  --help         show this help
`;

const usageError = (message: string): CliResult => ({
  stdout: '',
  stderr: `queue: ${message}\nRun \`npm run -s cli -- queue --help\` for usage.\n`,
  exitCode: 2,
});

// eslint-disable-next-line no-control-regex -- terminal output: member text never moves the cursor
const plain = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]+/gu, ' ');

function itemText(item: QueueItem, n: number): string {
  const reasons = Object.entries(item.reasons).map(([r, k]) => `${REASON_LABELS[r as Reason]} ×${k}`);
  const lines = [
    `${n}. [${item.kind}] ×${item.count} ${item.entryId ?? (item.closest ? `(closest: ${item.closest})` : '(no entry)')} — ${plain(item.question)}`,
  ];
  if (reasons.length > 0) lines.push(`   reasons: ${reasons.join(', ')}`);
  for (const c of item.comments) lines.push(`   “${plain(c)}”`);
  lines.push(`   last ${item.lastAt} · id ${item.id}`);
  return lines.join('\n');
}

/** Parses `--guild ID [--json]`; a usage error as a CliResult. */
export function parseQueueArgs(argv: string[]): { guildId: string; json: boolean } | { help: true } | CliResult {
  let values: { guild?: string | undefined; json?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { guild: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return { help: true };
  if (values.guild === undefined) return usageError('--guild <server id> is required');
  if (!/^\d{17,20}$/.test(values.guild)) return usageError('--guild takes a Discord server id (17–20 digits)');
  return { guildId: values.guild, json: values.json ?? false };
}

/** `queue --guild ID [--json]`: the open items, newest first, from `store` (which the caller opens and closes). */
export async function runQueue(argv: string[], openStore: () => Promise<Store>): Promise<CliResult> {
  const args = parseQueueArgs(argv);
  if ('help' in args) return { stdout: QUEUE_USAGE, stderr: '', exitCode: 0 };
  if ('exitCode' in args) return args;
  const store = await openStore();
  try {
    const items = await createCuratorQueue(store).list(args.guildId);
    if (args.json) return { stdout: exportText(queueExport(args.guildId, items)), stderr: '', exitCode: 0 };
    const text = items.length === 0 ? 'Nothing waiting.' : items.map((item, i) => itemText(item, i + 1)).join('\n');
    return { stdout: `Curator queue of ${args.guildId}: ${items.length} open item(s), newest first\n\n${text}\n`, stderr: '', exitCode: 0 };
  } finally {
    await store.close();
  }
}
