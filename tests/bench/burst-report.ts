import { InteractionResponseType } from 'discord-api-types/v10';
import { EDIT_WAIT_CAP_MS, PRODUCTION_NODE_FLAGS, runBurst } from './burst.js';
import { line, mib, ms, percentile } from './stats.js';

/** How the bot process was started, for the headings. */
const started = (compiled: boolean, shards = 1) =>
  compiled
    ? `node ${PRODUCTION_NODE_FLAGS.join(' ')} dist/src/${shards > 1 ? 'shard' : 'index'}.js, the build`
    : `npm ${shards > 1 ? 'run start:sharded' : 'start'}, through tsx`;

/** `npm run bench`'s burst: time from dispatch to the bot's response, and the bot process's peak memory. */
export function benchBurst(total = 1000, ratePerSecond = 200, compiled = false): Promise<string[]> {
  return runBurst({ total, ratePerSecond, compiled }, ({ sent, fake, peak }) => {
    const latency = (kind: string) =>
      sent
        .filter((s) => s.kind === kind)
        .map((s) => {
          const r = fake.interactions.get(s.id)!;
          return r.respondedAt! - r.createdAt;
        });
    const det = latency('deterministic');
    const ask = latency('ask');
    const late = fake.violations.filter((v) => /3 s|deadline|10062/i.test(v)).length;
    return [
      `Discord burst: ${total} interactions at ~${ratePerSecond}/s through the fake Discord to the bot process (${started(compiled)})`,
      line('deterministic commands: p50 dispatch → response', ms(percentile(det, 50))),
      line('deterministic commands: p99', ms(percentile(det, 99)), '< 50 ms'),
      line('/ask (knowledge base): p50', ms(percentile(ask, 50))),
      line('/ask (knowledge base): p99', ms(percentile(ask, 99))),
      line('bot process peak memory (VmHWM)', mib(peak), total === 1000 ? '< 150 MiB' : undefined),
      line('responses after the 3-second deadline', String(late)),
    ];
  });
}

/**
 * `npm run bench`'s one-tick burst (issue 12): `total` interactions in one gateway read, to one process or spread over
 * `shards` shard processes: how many got their first response within Discord's 3 s (a reply or an early deferral),
 * how many were answered after it (rejected by Discord) or dropped, time to first response, and peak memory.
 */
export function benchOneTick(total = 2000, shards = 1, compiled = false): Promise<string[]> {
  return runBurst({ total, shards, compiled, oneTick: true, deadlineMs: 3_000 }, ({ sent, fake, peak }) => {
    const records = sent.map((s) => fake.interactions.get(s.id)!);
    const firsts = records.filter((r) => r.respondedAt !== undefined).map((r) => r.respondedAt! - r.createdAt);
    const inTime = firsts.filter((t) => t <= 3_000).length;
    const late = fake.violations.filter((v) => v.includes('initial response after')).length;
    const deferred = records.filter((r) => r.response?.type === InteractionResponseType.DeferredChannelMessageWithSource);
    const edited = deferred.filter((r) => r.editedAt !== undefined);
    const start = Math.min(...records.map((r) => r.createdAt));
    const lastEdit = edited.length > 0 ? `${((Math.max(...edited.map((r) => r.editedAt!)) - start) / 1000).toFixed(1)} s` : '—';
    return [
      `Discord burst: ${total} interactions in one gateway read to ${shards === 1 ? 'one bot process' : `${shards} shard processes`} (${started(compiled, shards)})`,
      line('acknowledged within 3 s', `${inTime} / ${total}`, 'all'),
      line('  of which deferred early', String(deferred.length)),
      line('  deferred, then edited with the answer', `${edited.length} / ${deferred.length}`, 'all'),
      line(`  deferred, never edited (waited up to ${EDIT_WAIT_CAP_MS / 1000} s)`, String(deferred.length - edited.length), '0'),
      line('time from dispatch to the last edit', lastEdit),
      line('answered after the deadline (rejected)', String(late)),
      line('dropped (never answered)', String(total - firsts.length - late)),
      line('first response: p50', ms(percentile(firsts, 50))),
      line('first response: p99', ms(percentile(firsts, 99))),
      line(`peak memory (VmHWM${shards > 1 ? ', largest shard' : ''})`, mib(peak), total === 1000 ? '< 150 MiB' : undefined),
    ];
  });
}
