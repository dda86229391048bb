/**
 * Graceful overload, end to end (the real bot against the fake Discord, in one tick via `fake.together`): interactions
 * that wait too long are deferred with their command's visibility and then answered by editing; those past their
 * deadline unacknowledged are dropped with one log line (no member content) and counted.
 * Timings (a 2,000 burst: in time / late / dropped) are the bench's business (npm run bench): these tests pin
 * behaviour.
 */
import { InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { exposition } from '../../src/ops/http.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { parsePrometheus } from '../support/prometheus.js';
import { startTestBot } from '../support/bot.js';

const SECRET = 'how many zanzibar parrots does my boss keep';
const dropped = (line: Record<string, unknown>) => line.msg === 'interaction dropped: its deadline passed before its turn';

async function counted(metrics: ReturnType<typeof createMetrics>) {
  return parsePrometheus((await exposition(metrics.registry)).body);
}

describe('graceful overload', () => {
  it('GIVEN interactions that waited too long THEN each is deferred with its command visibility, then answered by an edit', async () => {
    const metrics = createMetrics();
    const t = await startTestBot({ metrics, scheduler: { deferAfterMs: 0, dropAfterMs: 2_500 } });
    try {
      const sent = t.fake.together(() => [
        ...Array.from({ length: 10 }, () => ({
          pub: true,
          i: t.fake.slash('ask', { question: 'how do I ask for a raise without seeming pushy?' }),
        })),
        ...Array.from({ length: 10 }, () => ({
          pub: false,
          i: t.fake.slash('hsp-points', { age: 30, degree: 'master', experience: 5, salary: 7_000_000 }),
        })),
        ...Array.from({ length: 10 }, () => ({ pub: false, i: t.fake.slash('help', {}) })),
      ]);
      for (const { pub, i } of sent) {
        const response = await t.fake.waitForResponse(i.id);
        expect(response.type).toBe(5);
        expect(
          response.type === InteractionResponseType.DeferredChannelMessageWithSource ? (response.data?.flags ?? 0) & 64 : undefined,
        ).toBe(pub ? 0 : 64);
        const edit = (await t.fake.waitForEdit(i.id)) as { embeds?: unknown[] };
        expect(edit.embeds?.length).toBeGreaterThan(0);
      }
      expect(t.fake.violations).toEqual([]);
      expect((await counted(metrics)).value('helpbot_interactions_deferred_early_total')).toBe(30);
    } finally {
      await t.close();
    }
  });

  it('GIVEN interactions past their deadline before their turn THEN they are dropped: no response, one log line each without the question, counted', async () => {
    const metrics = createMetrics();
    const t = await startTestBot({ metrics, scheduler: { deferAfterMs: 60_000, dropAfterMs: 0 } });
    try {
      const sent = t.fake.together(() => Array.from({ length: 5 }, () => t.fake.slash('ask', { question: SECRET })));
      const ids = new Set(sent.map((i) => i.id));
      for (let waited = 0; t.logs.lines().filter(dropped).length < 5 && waited < 5_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      const lines = t.logs.lines().filter(dropped);
      expect(lines.map((l) => l.interactionId).sort()).toEqual([...ids].sort());
      expect(lines.every((l) => l.command === 'ask' && !JSON.stringify(l).includes('zanzibar'))).toBe(true);
      expect(t.logs.text()).not.toContain('zanzibar');
      expect(sent.every((i) => t.fake.interactions.get(i.id)?.response === undefined)).toBe(true);
      expect((await counted(metrics)).value('helpbot_interactions_total', { type: 'command', command: 'ask', outcome: 'dropped' })).toBe(5);
      t.fake.advance(3_500); // Discord sees them unanswered, which is what dropping means
      expect(t.fake.violations.filter((v) => !v.includes('no initial response within'))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
