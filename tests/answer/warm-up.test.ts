import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { createAskService, type AskService, type Drafter } from '../../src/answer/service.js';
import { warmUp, warmUpQuestions } from '../../src/answer/warm-up.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { realKnowledgeBase } from '../support/kb.js';
import { memoryLogger } from '../support/logger.js';
import { NO_WINNER_QUESTION } from '../support/questions.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledgeBase();
});

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

describe('warming the answer service up after start-up', () => {
  it('GIVEN the knowledge base THEN twelve member phrasings of six entries spread over it, half in Japanese', () => {
    const questions = warmUpQuestions(kb);
    expect(questions).toHaveLength(12);
    expect(questions.filter((q) => JAPANESE.test(q))).toHaveLength(6);
    const owners = new Set(questions.map((q) => kb.entries.find((e) => e.questions.includes(q))?.topic));
    expect(owners.size).toBeGreaterThan(3); // not six entries of one topic
  });

  it('GIVEN an LLM fallback and a question that would reach it THEN the warm-up asks it without ever calling the model', async () => {
    const drafted: string[] = [];
    const drafter: Drafter = { draft: (q) => (drafted.push(q), Promise.resolve({ kind: 'insufficient' })) };
    const service = createAskService({ engine: createAnswerEngine(kb), logger: memoryLogger('silent').logger, drafter });
    await service.ask(NO_WINNER_QUESTION, { origin: 'slash' });
    expect(drafted).toEqual([NO_WINNER_QUESTION]); // a member asking it reaches the model
    expect(await warmUp(service, [NO_WINNER_QUESTION, ...warmUpQuestions(kb)])).toBe(13);
    expect(drafted).toHaveLength(1);
  });

  it('GIVEN something else waiting on the event loop THEN it runs after at most one warm-up question', async () => {
    const events: string[] = [];
    const real = createAskService({ engine: createAnswerEngine(kb), logger: memoryLogger('silent').logger });
    const service: AskService = { kb, ask: (q, context, hooks) => (events.push(`ask ${context.origin}`), real.ask(q, context, hooks)) };
    const done = warmUp(service, warmUpQuestions(kb).slice(0, 3));
    setImmediate(() => events.push('interaction'));
    await done;
    expect(events).toEqual(['ask warm-up', 'interaction', 'ask warm-up', 'ask warm-up']);
  });
});
