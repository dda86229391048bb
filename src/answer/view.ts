import type { KnowledgeBase } from '../kb/load.js';
import type { Entry } from '../kb/schema.js';
import { missingText, missingTitle, type RulesReply } from '../understand/reply.js';
import type { RuleRun } from '../understand/run.js';
import type { AnswerResult } from './engine.js';

export type AnswerMode = 'knowledge' | 'llm' | 'none' | 'rules';

/** A source as the JSON contract names it: the entry, and the guide it comes from. */
export interface SourceRef {
  id: string;
  title: string;
  guide: string;
}

export interface PublicSource {
  title: string;
  url: string;
  confidence: string;
}

/** What a member sees, independent of where it is shown (CLI text, JSON, a Discord embed). */
export interface AnswerView {
  answered: boolean;
  mode: AnswerMode;
  title: string;
  body: string;
  /** Shown above the body, e.g. the AI-drafted label. */
  label: string | undefined;
  related: { id: string; title: string }[];
  sources: SourceRef[];
  publicSources: PublicSource[];
  confidence: number;
  /** Entry ids behind the answer (for feedback and the curator queue). */
  entryIds: string[];
  /** Mode `knowledge`: when the entry was last reviewed (YYYY-MM-DD), shown with the answer. */
  reviewed?: string;
  /**
   * The question read as a command's request. Mode `rules`: the surfaces render its result with the command's own
   * renderers, or what is missing. Mode `knowledge`: the entry answers and what the command still needs follows it.
   */
  rules?: RulesReply;
}

/** The reply gives the member something to act on: an answer, or a command's request (even one asking for a fact). */
export const givesAnswer = (view: Pick<AnswerView, 'answered' | 'mode'>) => view.answered || view.mode === 'rules';

export function sourcesOf(kb: KnowledgeBase, entries: readonly Entry[]): { sources: SourceRef[]; publicSources: PublicSource[] } {
  const sources: SourceRef[] = [];
  const publicSources = new Map<string, PublicSource>();
  for (const e of entries) {
    const guides = new Set(e.guides.map((ref) => ref.split('#')[0]!));
    for (const g of guides) sources.push({ id: e.id, title: e.title, guide: kb.guides.get(g)?.title ?? g });
    for (const id of e.sources) {
      const s = kb.sources.get(id);
      if (s) publicSources.set(s.url, { title: s.title, url: s.url, confidence: s.confidence });
    }
  }
  return { sources, publicSources: [...publicSources.values()] };
}

export function knowledgeView(kb: KnowledgeBase, result: Pick<AnswerResult, 'confidence' | 'related'> & { entry: Entry }): AnswerView {
  return {
    answered: true,
    mode: 'knowledge',
    title: result.entry.title,
    body: result.entry.answer,
    label: undefined,
    related: result.related.map((e) => ({ id: e.id, title: e.title })),
    ...sourcesOf(kb, [result.entry]),
    confidence: result.confidence,
    entryIds: [result.entry.id],
    reviewed: result.entry.reviewed,
  };
}

/** The honest "not in my guides" answer (its texts: knowledge/replies.yaml), with suggestions instead of the nearest paragraph. */
export function noAnswerView(kb: Pick<KnowledgeBase, 'replies'>, result: Pick<AnswerResult, 'confidence' | 'suggestions'>): AnswerView {
  const texts = kb.replies.no_answer;
  const lines = [texts.intro];
  if (result.suggestions.length > 0) lines.push('', texts.did_you_mean, ...result.suggestions.map((e) => `• ${e.title}`));
  lines.push('', texts.also_try, ...texts.tips.map((t) => `• ${t}`));
  return {
    answered: false,
    mode: 'none',
    title: texts.title,
    body: lines.join('\n'),
    label: undefined,
    related: result.suggestions.map((e) => ({ id: e.id, title: e.title })),
    sources: [],
    publicSources: [],
    confidence: result.confidence,
    entryIds: [],
  };
}

export function resultView(kb: KnowledgeBase, result: AnswerResult): AnswerView {
  return result.answered && result.entry ? knowledgeView(kb, { ...result, entry: result.entry }) : noAnswerView(kb, result);
}

/** An answer drafted by the optional LLM from the cited entries, labelled as such (knowledge/replies.yaml). */
export function draftView(kb: KnowledgeBase, answer: string, cited: readonly Entry[], confidence: number): AnswerView {
  return {
    answered: true,
    mode: 'llm',
    title: kb.replies.ai_draft.title,
    body: answer,
    label: kb.replies.ai_draft.label,
    related: [],
    ...sourcesOf(kb, cited),
    confidence,
    entryIds: cited.map((e) => e.id),
  };
}

/** The references behind a rule command's result (sources.yaml ids and guide-id#section-id). */
const runRefs = (run: RuleRun): string[] =>
  run.command === 'hsp-points'
    ? run.outcome.sources
    : run.command === 'visa-check'
      ? run.result.sources
      : run.result.paths.flatMap((p) => p.sources);

/**
 * A question read as a command's request (mode `rules`): answered with the command's result when nothing is missing,
 * otherwise what was read and what is missing. `related` is a knowledge entry the question also matches strongly.
 */
export function rulesView(kb: Pick<KnowledgeBase, 'replies' | 'refs'>, reply: RulesReply, related: readonly Entry[]): AnswerView {
  const texts = kb.replies.understood;
  const sources: SourceRef[] = [];
  const publicSources = new Map<string, PublicSource>();
  for (const ref of new Set(reply.run ? runRefs(reply.run) : [])) {
    const section = kb.refs.sections.get(ref);
    if (section) sources.push({ id: ref, title: section.sectionTitle, guide: section.guideTitle });
    const source = kb.refs.sources.get(ref);
    if (source) publicSources.set(source.url, { title: source.title, url: source.url, confidence: source.confidence });
  }
  return {
    answered: reply.run !== undefined,
    mode: 'rules',
    title: reply.run ? `/${reply.command}` : missingTitle(reply, texts),
    body: reply.run ? reply.understood : missingText(reply, texts),
    label: undefined,
    related: related.map((e) => ({ id: e.id, title: e.title })),
    sources,
    publicSources: [...publicSources.values()],
    confidence: reply.run ? 1 : 0,
    entryIds: [],
    rules: reply,
  };
}
