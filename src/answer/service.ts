import type { KnowledgeBase } from '../kb/load.js';
import type { Logger } from '../logger.js';
import type { AnswerEngine, Hit } from './engine.js';
import { createUnderstander } from '../understand/index.js';
import { rulesReply } from '../understand/reply.js';
import { answeredBy, leadEntry } from './lead-entry.js';
import { validateQuestion } from './question.js';
import { draftView, resultView, rulesView, type AnswerView } from './view.js';

export interface AskContext {
  /** Where the question came from; 'warm-up' is the service asking itself after start-up (see warm-up.ts). */
  origin: 'cli' | 'slash' | 'help-channel' | 'warm-up';
  userId?: string;
  guildId?: string;
  /** False keeps the LLM out of it (e.g. help-channel chatter that isn't phrased as a question). Default true. */
  allowDraft?: boolean;
}

export type AskOutcome = { ok: true; view: AnswerView } | { ok: false; message: string };

/** What the optional LLM fallback returned; it never throws. */
export type DraftOutcome =
  { kind: 'drafted'; answer: string; citedIds: string[] } | { kind: 'insufficient' } | { kind: 'unavailable'; reason: string };

/** The LLM fallback as the answer service sees it (implemented in src/llm/fallback.ts, loaded only when configured). */
export interface Drafter {
  draft(question: string, candidates: readonly Hit[], context: AskContext): Promise<DraftOutcome>;
}

export interface AskHooks {
  /** Called right before a slow LLM call, e.g. to defer a Discord interaction. */
  beforeDraft?(): Promise<void>;
}

export interface AskService {
  /** The knowledge base the service answers from (surfaces render rule results with it). */
  readonly kb: KnowledgeBase;
  ask(question: string, context: AskContext, hooks?: AskHooks): Promise<AskOutcome>;
}

/**
 * Free-form questions: validate, understand, search the knowledge base, and build what the member sees.
 * - A question that carries the facts of /hsp-points, /visa-check or /career-path gets that command's answer (mode
 *   `rules`; the LLM is never used for it), with a knowledge entry it also matches strongly as related — unless search
 *   declined it outright (a subject or a kind of detail no entry covers): then no command answers either.
 *   A cue of /career-path only in the situation a message gives, not in the sentence it asks in: an entry that clearly
 *   answers goes first (see `Understanding.cueInContext`). A cue where it asks: an entry that clearly answers goes
 *   first too, and the command follows it as an offer for the member's own case (`entryFirst` in understand.yaml), as
 *   does the entry for a fact the command read when it leads the close entries (`leadEntries`: the N3 entry for N3).
 * - With a fact missing or unclear, nothing is guessed: the reply says what was read and what is missing. When the
 *   knowledge base answers the question confidently, that answer comes first and the missing facts follow it.
 * - Otherwise, when search is not confident (no entry clearly wins, or the best one only narrowly) and an LLM is
 *   configured, a draft grounded in the close entries may answer; whatever goes wrong there, the member gets what search
 *   alone gives: the near tie's best entry, or the honest no-answer with suggestions.
 */
export function createAskService(deps: { engine: AnswerEngine; logger: Logger; drafter?: Drafter | undefined }): AskService {
  const { engine, logger, drafter } = deps;
  const kb = engine.kb;
  const understander = createUnderstander(kb.understand);
  return {
    kb,
    async ask(raw, context, hooks = {}) {
      const checked = validateQuestion(raw);
      if (!checked.ok) return checked;
      const result = engine.answer(checked.question);
      // A subject or a kind of detail no entry covers is declined by the commands too: a /career-path report does not
      // give the recruiter's salary it was asked for.
      const understanding = result.outright ? undefined : understander.understand(checked.question);
      // A command's cue only in the member's situation, and an entry that clearly answers what is asked: the entry.
      if (understanding?.cueInContext && result.answered && result.entry) {
        logger.debug({ origin: context.origin, command: understanding.command }, 'command cue only in the context: entry answers');
        return { ok: true, view: resultView(kb, result) };
      }
      if (understanding) {
        const reply = rulesReply(kb, understanding);
        logger.debug(
          { origin: context.origin, command: reply.command, complete: reply.run !== undefined, missing: reply.missing.length },
          'question read as a command',
        );
        // Facts missing, or a command an entry goes before: the entry answers, and the command follows as an offer.
        const entryFirst = !reply.run || kb.understand.commands[reply.command].entryFirst;
        if (entryFirst && result.answered && result.entry) return { ok: true, view: { ...resultView(kb, result), rules: reply } };
        // No entry clearly wins, but the one for a fact the command read leads the close ones: it answers, as above.
        const lead = leadEntry(kb, reply, result);
        if (lead) return { ok: true, view: { ...resultView(kb, answeredBy(kb, result, lead)), rules: reply } };
        return { ok: true, view: rulesView(kb, reply, result.answered && result.entry ? [result.entry] : []) };
      }
      const log = { origin: context.origin, answered: result.answered, confidence: result.confidence, entry: result.entry?.id };
      // A model call only when some entries are plausibly related and none clearly wins (declined, or a near tie).
      const candidates = result.candidates;
      if (!drafter || context.allowDraft === false || candidates.length === 0) {
        logger.debug(log, 'question answered from the knowledge base');
        return { ok: true, view: resultView(kb, result) };
      }

      await hooks.beforeDraft?.();
      const draft = await drafter.draft(checked.question, candidates, context);
      logger.debug({ ...log, draft: draft.kind }, 'question sent to the LLM fallback');
      // No draft: the near tie's best entry still answers; otherwise the honest no-answer with suggestions.
      if (draft.kind !== 'drafted') return { ok: true, view: resultView(kb, result) };
      const cited = draft.citedIds.map((id) => kb.byId.get(id)).filter((e) => e !== undefined);
      return { ok: true, view: draftView(kb, draft.answer, cited, result.confidence) };
    },
  };
}
