import { readFile } from 'node:fs/promises';
import { CORE_SCHEMA, load } from 'js-yaml';

const parse = (text: string): unknown => load(text, { schema: CORE_SCHEMA });
import { z } from 'zod';
import type { AskService } from '../../src/answer/service.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { answerJson as toJson } from '../../src/cli/render.js';

const itemSchema = z.object({
  id: z.string(),
  q: z.string(),
  guide: z.enum(['what-now', 'promotion', 'hill', 'alt-alumni', 'it-visa', 'off-topic']),
  section: z.string().optional(),
  lang: z.enum(['en', 'ja']),
  facts: z.array(z.union([z.string(), z.array(z.string()).min(1)])).optional(),
});
export type EvalItem = z.infer<typeof itemSchema>;

/** `questions` is the public set the engine is tuned on; `holdout` was written separately to check generalization. */
export async function loadEvalSet(name: 'questions' | 'holdout' = 'questions'): Promise<EvalItem[]> {
  const text = await readFile(new URL(`./${name}.yaml`, import.meta.url), 'utf8');
  return z.array(itemSchema).parse(parse(text));
}

export interface EvalOutcome {
  item: EvalItem;
  pass: boolean;
  answered: boolean;
  entryId: string | undefined;
  confidence: number;
  missing: string[];
  /** Declined, but one of the "did you mean" suggestions holds the right facts. */
  suggestedRight: boolean;
}

export interface EvalReport {
  outcomes: EvalOutcome[];
  inScope: { total: number; passed: number; rate: number; passedOrSuggested: number };
  offTopic: { total: number; declined: number; rate: number };
}

/** Grades one answer: in-scope questions need an answer containing every fact; off-topic ones must be declined. */
export function grade(item: EvalItem, answered: boolean, text: string): { pass: boolean; missing: string[] } {
  if (item.guide === 'off-topic') return { pass: !answered, missing: [] };
  const haystack = text.toLowerCase();
  const missing = (item.facts ?? [])
    .map((f) => (Array.isArray(f) ? f : [f]))
    .filter((alternatives) => !alternatives.some((a) => haystack.includes(a.toLowerCase())))
    .map((alternatives) => alternatives.join(' | '));
  return { pass: answered && missing.length === 0, missing };
}

export async function evaluate(service: AskService, items: EvalItem[], kb?: KnowledgeBase): Promise<EvalReport> {
  const outcomes: EvalOutcome[] = [];
  for (const item of items) {
    const r = await service.ask(item.q, { origin: 'cli' });
    if (!r.ok) throw new Error(`eval question ${item.id} was rejected: ${r.message}`);
    const json = toJson(r.view);
    const { pass, missing } = grade(item, json.answered, json.text);
    const suggestedRight =
      !json.answered &&
      item.guide !== 'off-topic' &&
      r.view.related.some((s) => {
        const e = kb?.byId.get(s.id);
        return e !== undefined && grade(item, true, `${e.title}\n${e.answer}`).pass;
      });
    outcomes.push({ item, pass, answered: json.answered, entryId: r.view.entryIds[0], confidence: json.confidence, missing, suggestedRight });
  }
  const inScope = outcomes.filter((o) => o.item.guide !== 'off-topic');
  const offTopic = outcomes.filter((o) => o.item.guide === 'off-topic');
  const rate = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    outcomes,
    inScope: {
      total: inScope.length,
      passed: inScope.filter((o) => o.pass).length,
      rate: rate(inScope.filter((o) => o.pass).length, inScope.length),
      passedOrSuggested: inScope.filter((o) => o.pass || o.suggestedRight).length,
    },
    offTopic: { total: offTopic.length, declined: offTopic.filter((o) => o.pass).length, rate: rate(offTopic.filter((o) => o.pass).length, offTopic.length) },
  };
}
