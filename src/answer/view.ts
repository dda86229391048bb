import type { KnowledgeBase } from '../kb/load.js';
import type { Entry } from '../kb/schema.js';
import type { AnswerResult } from './engine.js';

export type AnswerMode = 'knowledge' | 'llm' | 'none';

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
}

export const NO_ANSWER_TITLE = 'Not in my guides';
export const AI_LABEL = 'AI-drafted from the guides — check the sources';

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
  };
}

/** The honest "not in my guides" answer, with suggestions instead of the nearest paragraph. */
export function noAnswerView(result: Pick<AnswerResult, 'confidence' | 'suggestions'>): AnswerView {
  const lines = ["I couldn't find an answer to that in the guides I know, so I won't guess."];
  if (result.suggestions.length > 0) {
    lines.push('', 'Did you mean one of these?', ...result.suggestions.map((e) => `• ${e.title}`));
  }
  lines.push(
    '',
    'You can also try:',
    '• `/topics` to browse everything I know',
    '• `/career-path` to see which careers your JLPT level and background open',
    '• `/visa-check` to check a job change against your status of residence',
    '• `/hsp-points` to count Highly Skilled Professional points',
  );
  return {
    answered: false,
    mode: 'none',
    title: NO_ANSWER_TITLE,
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
  return result.answered && result.entry ? knowledgeView(kb, { ...result, entry: result.entry }) : noAnswerView(result);
}

/** The full answer as plain Discord Markdown: what the CLI prints and what `text` holds in JSON. */
export function renderText(view: AnswerView): string {
  const parts: string[] = [];
  if (view.label) parts.push(`*${view.label}*`);
  parts.push(`**${view.title}**`, view.body);
  if (view.answered && view.related.length > 0) parts.push(`Related: ${view.related.map((r) => r.title).join(' · ')}`);
  if (view.sources.length > 0 || view.publicSources.length > 0) {
    const guides = [...new Set(view.sources.map((s) => s.guide))].map((g) => `• ${g} (guide)`);
    const links = view.publicSources.map((s) => `• ${s.title} — ${s.url} (${s.confidence})`);
    parts.push(['Sources:', ...guides, ...links].join('\n'));
  }
  return parts.join('\n\n');
}

export function toJson(view: AnswerView) {
  return {
    answered: view.answered,
    text: renderText(view),
    sources: view.sources,
    confidence: view.confidence,
    mode: view.mode,
  };
}
