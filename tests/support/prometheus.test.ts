import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import { parsePrometheus } from './prometheus.js';

describe('the Prometheus text reader used by the endpoint tests', () => {
  it('reads samples, labels (with escapes) and special values', () => {
    const text = [
      '# HELP a_total A counter.',
      '# TYPE a_total counter',
      'a_total{x="1",y="q\\"uote\\\\"} 3',
      '# TYPE g gauge',
      'g NaN',
      'g{k="v"} -Inf',
      '',
    ].join('\n');
    const e = parsePrometheus(text);
    expect(e.value('a_total', { x: '1', y: 'q"uote\\' })).toBe(3);
    expect(e.value('g')).toBeNaN();
    expect(e.sum('a_total')).toBe(3);
  });

  it.each([
    ['a sample without TYPE', 'a_total 1'],
    ['a malformed value', '# TYPE a gauge\na one'],
    ['malformed labels', '# TYPE a gauge\na{x=1} 1'],
    ['a TYPE declared twice', '# TYPE a gauge\n# TYPE a gauge\na 1'],
    ['non-cumulative buckets', '# TYPE h histogram\nh_bucket{le="1"} 2\nh_bucket{le="+Inf"} 1\nh_count 1\nh_sum 0'],
    ['a histogram whose count differs from +Inf', '# TYPE h histogram\nh_bucket{le="+Inf"} 2\nh_count 1\nh_sum 0'],
  ])('rejects %s', (_, text) => {
    expect(() => parsePrometheus(text)).toThrow();
  });

  it("accepts prom-client's whole output for the bot's metrics", async () => {
    const metrics = createMetrics({ processMetrics: true, labels: { shard: '1' } });
    metrics.firstResponse('command', 0.2);
    metrics.interaction('command', 'ask', 'answered');
    const e = parsePrometheus(await metrics.registry.metrics());
    expect(e.value('helpbot_interactions_total', { shard: '1', type: 'command', command: 'ask', outcome: 'answered' })).toBe(1);
    expect(e.value('helpbot_interaction_first_response_seconds_count', { shard: '1', type: 'command' })).toBe(1);
  });
});
