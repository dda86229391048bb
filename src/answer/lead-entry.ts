import type { Entry } from '../kb/schema.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { RulesReply } from '../understand/reply.js';
import { relatedTo, type AnswerResult } from './engine.js';

/**
 * The entry that goes before a command's complete answer though no entry clearly wins (understand.yaml `leadEntries`):
 * the one named for a fact the command read ("N3" → the N3 entry) when it leads the question's close entries. "Is N3
 * enough for an office job after ALT?" asks what that entry answers; the command's report lists every path. None when
 * the command lacks a fact, an entry already clearly answers, or the close entries are led by another.
 */
export function leadEntry(kb: Pick<KnowledgeBase, 'understand'>, reply: RulesReply, result: AnswerResult): Entry | undefined {
  const best = result.suggestions[0];
  if (!reply.run || result.answered || !best) return undefined;
  const lead = kb.understand.commands[reply.command].leadEntries;
  const led = Object.entries(lead).some(([fact, byValue]) => {
    const value = reply.inputs[fact];
    return value !== undefined && byValue[String(value)] === best.id;
  });
  return led ? best : undefined;
}

/** `result` answered by `entry`, one of its close entries: the others and the entry's curated ones become related. */
export function answeredBy(kb: Pick<KnowledgeBase, 'byId'>, result: AnswerResult, entry: Entry): AnswerResult {
  return {
    answered: true,
    confidence: result.confidence,
    entry,
    related: relatedTo(
      kb,
      entry,
      result.suggestions.filter((e) => e.id !== entry.id),
    ),
    suggestions: [],
    candidates: [],
  };
}
