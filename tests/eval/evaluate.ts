import { readFile } from 'node:fs/promises';
import { CORE_SCHEMA, load } from 'js-yaml';
import { z } from 'zod';
import type { AskService } from '../../src/answer/service.js';
import type { Entry } from '../../src/kb/schema.js';
import { answerJson as toJson } from '../../src/cli/render.js';

const fact = z.union([z.string(), z.array(z.string()).min(1)]);
const itemSchema = z.object({
  id: z.string(),
  q: z.string(),
  /** in-scope (the default), off-topic (unrelated: must be declined) or trap (near-domain, uncovered: must be declined). */
  kind: z.enum(['in-scope', 'off-topic', 'trap']).optional(),
  guide: z.string().optional(),
  section: z.string().optional(),
  lang: z.enum(['en', 'ja', 'mixed']),
  facts: z.array(fact).optional(),
  /** Entry ids that answer the question (any of them counts). Without it, only the facts are checked. */
  expect: z.array(z.string()).optional(),
  /** The question carries every input of this command: its deterministic answer counts as right too. */
  command: z.enum(['hsp-points', 'visa-check', 'career-path']).optional(),
});
export type EvalItem = z.infer<typeof itemSchema>;

export const EVAL_SETS = {
  /** Tuned on: curators may look at it and change entries for it. */
  public: 'questions.yaml',
  /** Written separately before the retrieval redesign; frozen, never tuned on (it has no entry labels). */
  holdout: 'holdout.yaml',
  /** Written from the guides and facts only, by someone who never saw the entries; labelled afterwards; never tuned on. */
  blind: 'blind.yaml',
  /**
   * A development set: written like the blind set (guides and facts only, labelled afterwards), measured once before
   * any tuning (docs/first-looks.md keeps that first figure), then tuned on like the public set.
   */
  dev: 'dev.yaml',
} as const;
export type EvalSetName = keyof typeof EVAL_SETS;

export const kindOf = (item: EvalItem) => item.kind ?? (item.guide === 'off-topic' ? 'off-topic' : 'in-scope');

/**
 * Loads a set. Given the knowledge base's entries, a label naming an entry that was merged away (listed in another
 * entry's `formerly`) is read as that entry: merging entries must not silently turn right answers wrong.
 */
export async function loadEvalSet(name: EvalSetName, entries: readonly Pick<Entry, 'id' | 'formerly'>[] = []): Promise<EvalItem[]> {
  const text = await readFile(new URL(`./${EVAL_SETS[name]}`, import.meta.url), 'utf8');
  const items = z.array(itemSchema).parse(load(text, { schema: CORE_SCHEMA }));
  const current = new Map(entries.flatMap((e) => e.formerly.map((old) => [old, e.id] as const)));
  return items.map((i) => (i.expect ? { ...i, expect: [...new Set(i.expect.map((id) => current.get(id) ?? id))] } : i));
}

/** right: answered from an expected entry with every fact · wrong: answered otherwise · declined: not answered. */
export type Verdict = 'right' | 'wrong' | 'declined';

export interface EvalOutcome {
  item: EvalItem;
  verdict: Verdict;
  entryId: string | undefined;
  /** The rule command that answered (`/career-path`…), when one did instead of an entry. */
  command?: string;
  confidence: number;
  missing: string[];
  /** Declined with suggestions (a trap must be declined without any). */
  suggested: boolean;
  /** Declined, with an expected entry among the "did you mean" suggestions: the member still finds the answer. */
  suggestedRight: boolean;
}

export interface SetReport {
  outcomes: EvalOutcome[];
  /** `suggestingRight`: declined questions whose suggestions include an expected entry. */
  inScope: Record<Verdict, number> & { total: number; suggestingRight: number };
  offTopic: { total: number; declined: number };
  traps: { total: number; declined: number; withoutSuggestions: number };
}

/** The facts an answer text lacks (each fact: any of its alternatives, case-insensitive). */
export function missingFacts(item: EvalItem, text: string): string[] {
  const haystack = text.toLowerCase();
  return (item.facts ?? [])
    .map((f) => (Array.isArray(f) ? f : [f]))
    .filter((alternatives) => !alternatives.some((a) => haystack.includes(a.toLowerCase())))
    .map((alternatives) => alternatives.join(' | '));
}

/**
 * Grades one reply. Off-topic and trap questions are right only when declined. A question carrying every input of a
 * command (`command`) is also right when answered by that command; any other command's answer is wrong.
 */
export function grade(
  item: EvalItem,
  reply: { answered: boolean; text: string; entryIds: string[]; command?: string },
): { verdict: Verdict; missing: string[] } {
  if (!reply.answered) return { verdict: 'declined', missing: [] };
  if (kindOf(item) !== 'in-scope') return { verdict: 'wrong', missing: [] };
  if (reply.command !== undefined) return { verdict: reply.command === item.command ? 'right' : 'wrong', missing: [] };
  const missing = missingFacts(item, reply.text);
  const fromExpected = !item.expect || reply.entryIds.some((id) => item.expect!.includes(id));
  return { verdict: fromExpected && missing.length === 0 ? 'right' : 'wrong', missing };
}

export async function evaluate(service: AskService, items: readonly EvalItem[]): Promise<SetReport> {
  const outcomes: EvalOutcome[] = [];
  for (const item of items) {
    const r = await service.ask(item.q, { origin: 'cli' });
    if (!r.ok) throw new Error(`eval question ${item.id} was rejected: ${r.message}`);
    const json = toJson(r.view, service.kb);
    const command = r.view.mode === 'rules' ? r.view.rules?.command : undefined;
    const { verdict, missing } = grade(item, { answered: json.answered, text: json.text, entryIds: r.view.entryIds, command });
    outcomes.push({
      item,
      verdict,
      entryId: r.view.entryIds[0],
      ...(command ? { command } : {}),
      confidence: json.confidence,
      missing,
      suggested: r.view.related.length > 0 && !json.answered,
      suggestedRight: !json.answered && r.view.related.some((e) => item.expect?.includes(e.id) ?? false),
    });
  }
  const inScope = outcomes.filter((o) => kindOf(o.item) === 'in-scope');
  const off = outcomes.filter((o) => kindOf(o.item) === 'off-topic');
  const traps = outcomes.filter((o) => kindOf(o.item) === 'trap');
  const count = (v: Verdict) => inScope.filter((o) => o.verdict === v).length;
  return {
    outcomes,
    inScope: {
      total: inScope.length,
      right: count('right'),
      wrong: count('wrong'),
      declined: count('declined'),
      suggestingRight: inScope.filter((o) => o.suggestedRight).length,
    },
    offTopic: { total: off.length, declined: off.filter((o) => o.verdict === 'declined').length },
    traps: {
      total: traps.length,
      declined: traps.filter((o) => o.verdict === 'declined').length,
      withoutSuggestions: traps.filter((o) => o.verdict === 'declined' && !o.suggested).length,
    },
  };
}
