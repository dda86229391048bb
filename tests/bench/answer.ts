import { createAnswerEngine } from '../../src/answer/engine.js';
import { createAskService } from '../../src/answer/service.js';
import { loadKnowledge, type KnowledgeBase } from '../../src/kb/load.js';
import { createLlmFallback } from '../../src/llm/fallback.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { memoryStore } from '../../src/store/store.js';
import { loadEvalSet } from '../eval/evaluate.js';
import { startFakeOpenAI } from '../fakes/openai.js';
import { memoryLogger } from '../support/logger.js';
import { line, mib, ms, percentile } from './stats.js';
import { TWO_ENTRY_QUESTION } from '../support/questions.js';

/** Start-up (load + validate + index), answer latency over the evaluation set, and heap. */
export async function benchAnswers(): Promise<{ lines: string[]; kb: KnowledgeBase }> {
  const startups: number[] = [];
  let kb: KnowledgeBase | undefined;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const loaded = await loadKnowledge(KNOWLEDGE_DIR);
    if (!loaded.ok) throw new Error('the knowledge base is invalid: run npm run kb:check');
    createAnswerEngine(loaded.kb);
    startups.push(performance.now() - t0);
    kb ??= loaded.kb;
  }
  const engine = createAnswerEngine(kb!);
  const questions = [...(await loadEvalSet('public')), ...(await loadEvalSet('holdout')), ...(await loadEvalSet('blind'))].map((q) => q.q);
  for (const q of questions) engine.answer(q); // warm-up
  const latencies: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of questions) {
      const t0 = performance.now();
      engine.answer(q);
      latencies.push(performance.now() - t0);
    }
  }
  globalThis.gc?.();
  return {
    kb: kb!,
    lines: [
      'Knowledge base and answer engine',
      line('start-up: load + validate + index (first run)', ms(startups[0]!), '< 400 ms'),
      line('start-up: load + validate + index (median)', ms(percentile(startups, 50))),
      line(`answer latency p50 (${questions.length} questions × 20)`, ms(percentile(latencies, 50))),
      line('answer latency p99', ms(percentile(latencies, 99)), '< 2 ms'),
      line('heap used (knowledge base + index loaded)', mib(process.memoryUsage().heapUsed)),
    ],
  };
}

/** The LLM fallback's own overhead with a fake server that answers at once, and the cache hit rate on repeats. */
export async function benchFallback(kb: KnowledgeBase): Promise<string[]> {
  const openai = await startFakeOpenAI();
  try {
    const engine = createAnswerEngine(kb);
    const logger = memoryLogger('silent').logger;
    const fallback = createLlmFallback(
      {
        apiKey: 'sk-bench',
        baseURL: openai.baseURL,
        model: 'fake',
        timeoutMs: 5000,
        maxRetries: 0,
        maxOutputTokens: 300,
        userLimitPerDay: 1e6,
        guildLimitPerDay: 1e6,
      },
      logger,
      memoryStore(),
    );
    const withLlm = createAskService({ engine, logger, drafter: fallback.forKnowledge(kb) });
    const without = createAskService({ engine, logger });
    // A question spanning two entries (a near tie), which reaches the LLM (tests/eval/eval.test.ts holds that); made
    // distinct by a number the knowledge base never mentions, which matching ignores, so every variant reaches it too.
    const base = TWO_ENTRY_QUESTION;
    const distinct = Array.from({ length: 30 }, (_, i) => `${base} (${9001 + i})`);
    const unconfident = distinct.filter((q) => engine.answer(q).candidates.length > 0);
    if (unconfident.length < distinct.length) {
      throw new Error(`the fallback bench's question no longer reaches the LLM (${unconfident.length} of ${distinct.length} variants do)`);
    }
    // A repeated-question workload: 300 asks, popular questions asked far more often (deterministic Zipf-like draw).
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const workload = Array.from({ length: 300 }, () => distinct[Math.min(29, Math.floor(30 * next() ** 3))]!);
    openai.enqueue(
      ...Array.from({ length: 300 }, () => ({ kind: 'json' as const, content: { answer: '', cited_ids: [], context_sufficient: false } })),
    );

    const timed = async (service: typeof withLlm, qs: string[]) => {
      const out: number[] = [];
      for (const q of qs) {
        const t0 = performance.now();
        await service.ask(q, { origin: 'slash', userId: '1', guildId: '2' });
        out.push(performance.now() - t0);
      }
      return out;
    };
    const plain = await timed(without, distinct);
    const callsBefore = openai.requests.length;
    const mixed = await timed(withLlm, workload);
    const calls = openai.requests.length - callsBefore;
    return [
      'LLM fallback (fake OpenAI-compatible server answering instantly)',
      line('unconfident question, no LLM: p50', ms(percentile(plain, 50))),
      line('with LLM (model call or cache hit): p50', ms(percentile(mixed, 50))),
      line('with LLM: p99', ms(percentile(mixed, 99))),
      line(
        `cache hit rate (${workload.length} asks, ${distinct.length} distinct)`,
        `${(((workload.length - calls) / workload.length) * 100).toFixed(1)} %`,
      ),
      line('model calls made', String(calls)),
    ];
  } finally {
    await openai.close();
  }
}
