import { describe, expect, it } from 'vitest';
import { warmUpQuestions } from '../../src/answer/warm-up.js';
import { loadConfig } from '../../src/config.js';
import { createBotContext } from '../../src/discord/context.js';
import type { LlmFallback } from '../../src/llm/fallback.js';
import { KNOWLEDGE_DIR } from '../../src/paths.js';
import { memoryStore } from '../../src/store/store.js';
import { realKnowledgeBase } from '../support/kb.js';
import { memoryLogger } from '../support/logger.js';
import { until } from './helpers.js';

const config = (() => {
  const loaded = loadConfig({ DISCORD_TOKEN: 'a-test-token-for-a-bot-never-started' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return loaded.config;
})();

/** An LLM fallback that records every draft asked of it. */
function recordingLlm() {
  const drafts: string[] = [];
  const llm: LlmFallback = { forKnowledge: () => ({ draft: (q) => (drafts.push(q), Promise.resolve({ kind: 'insufficient' })) }) };
  return { llm, drafts };
}

describe("the bot's answer service, warmed up after start-up and each reload", () => {
  it('GIVEN the production start (warmUp) THEN it warms up in the background, logs only how many and how long, never calls the model, and again after a reload', async () => {
    const kb = await realKnowledgeBase();
    const logs = memoryLogger('debug');
    const { llm, drafts } = recordingLlm();
    const ctx = createBotContext({ config, logger: logs.logger, store: memoryStore(), kb, knowledgeDir: KNOWLEDGE_DIR, llm, warmUp: true });
    const warmed = () => logs.lines().filter((l) => l.msg === 'answer service warmed up');
    expect(warmed()).toEqual([]); // not during start-up itself: in the turns after it
    await until(() => warmed().length === 1, 'the warm-up after start-up');
    expect(warmed()[0]?.questions).toBe(warmUpQuestions(kb).length);
    expect(typeof warmed()[0]?.ms).toBe('number');
    expect((await ctx.reloadKnowledge()).ok).toBe(true);
    await until(() => warmed().length === 2, 'the warm-up after the reload');
    expect(drafts).toEqual([]);
    // No question the warm-up asked is in the logs (they are knowledge, not members', but logs carry no questions).
    for (const q of warmUpQuestions(kb)) expect(logs.text()).not.toContain(q);
  });

  it('GIVEN no warmUp (tests, the CLI) THEN nothing is asked in the background', async () => {
    const logs = memoryLogger('debug');
    createBotContext({ config, logger: logs.logger, store: memoryStore(), kb: await realKnowledgeBase(), knowledgeDir: KNOWLEDGE_DIR });
    await new Promise((r) => setTimeout(r, 300));
    expect(logs.lines().filter((l) => l.msg === 'answer service warmed up')).toEqual([]);
  });
});
