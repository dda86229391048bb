import type { Logger } from '../logger.js';
import type { AnswerEngine } from './engine.js';
import { validateQuestion } from './question.js';
import { resultView, type AnswerView } from './view.js';

export interface AskContext {
  origin: 'cli' | 'slash' | 'help-channel';
  userId?: string;
  guildId?: string;
}

export type AskOutcome = { ok: true; view: AnswerView } | { ok: false; message: string };

export interface AskService {
  ask(question: string, context: AskContext): Promise<AskOutcome>;
}

/** Free-form questions: validate, search the knowledge base, and build what the member sees. */
export function createAskService(deps: { engine: AnswerEngine; logger: Logger }): AskService {
  const { engine, logger } = deps;
  return {
    async ask(raw, context) {
      const checked = validateQuestion(raw);
      if (!checked.ok) return checked;
      const result = engine.answer(checked.question);
      logger.debug({ origin: context.origin, answered: result.answered, confidence: result.confidence, entry: result.entry?.id }, 'question answered');
      return { ok: true, view: resultView(engine.kb, result) };
    },
  };
}
