import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../kb/load.js';
import type { Entry } from '../kb/schema.js';
import { createAnalyzer, OUT_OF_SCOPE, type Analyzer } from './analyzer.js';

export interface Hit {
  entry: Entry;
  /** Diagnostics: summed IDF weight of matched, known and unknown question terms. */
  matched: number;
  known: number;
  unknown: number;
  /** Some matched word is in the entry's title, keywords or example questions (not only in its answer text). */
  curated: boolean;
  /** BM25 score with field boosts (unbounded). */
  score: number;
  /** Share of the question's meaning (IDF-weighted terms) this entry explains, 0–1. */
  confidence: number;
}

export interface AnswerResult {
  answered: boolean;
  /** Confidence of the best match, 0–1, two decimals. */
  confidence: number;
  /** The entry given as the answer (only when answered). */
  entry: Entry | undefined;
  /** Up to two further entries worth reading (only when answered). */
  related: Entry[];
  /** Weak matches offered as "did you mean" when nothing is answered (at most three). */
  suggestions: Entry[];
  /** Ranked hits at or above the suggestion threshold (at most five): the context for the optional LLM fallback. */
  candidates: Hit[];
}

export interface AnswerEngine {
  readonly kb: KnowledgeBase;
  answer(question: string): AnswerResult;
  /** Ranked entries for a question, best first: used for suggestions and as LLM context. */
  search(question: string, limit?: number): Hit[];
}

type Doc = { id: string; title: string; keywords: string; questions: string; answer: string; guide: string };

const round2 = (n: number) => Math.round(n * 100) / 100;

export function createAnswerEngine(kb: KnowledgeBase): AnswerEngine {
  const analyzer: Analyzer = createAnalyzer(kb.search, kb.entries.flatMap((e) => [e.title, ...e.keywords]));
  const join = (texts: readonly string[]) => texts.map((t) => analyzer.terms(t).join(' ')).join(' ');

  const docs: Doc[] = kb.entries.map((e) => ({
    id: e.id,
    title: join([e.title]),
    keywords: join(e.keywords),
    questions: join(e.questions),
    answer: join([e.answer]),
    guide: join([...new Set(e.guides.map((g) => kb.guides.get(g.split('#')[0]!)?.title ?? ''))]),
  }));
  const index = new MiniSearch<Doc>({
    fields: ['title', 'keywords', 'questions', 'answer', 'guide'],
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
  });

  // Inverse document frequency over all fields: rare terms carry the meaning of a question.
  const df = new Map<string, number>();
  for (const d of docs) {
    for (const t of new Set(`${d.title} ${d.keywords} ${d.questions} ${d.answer}`.split(' ').filter(Boolean))) {
      df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const n = docs.length;
  const weight = (term: string) => Math.log(1 + n / ((df.get(term) ?? 1) + 0.5));
  const meanWeight = [...df.keys()].reduce((sum, t) => sum + weight(t), 0) / Math.max(df.size, 1);
  // BM25 judges rarity field by field; a word common across the whole knowledge base ("english", "job") must not
  // win just because few keyword lists contain it, so each query term is also scaled by its global rarity.
  index.addAll(docs);
  const searchOptions = {
    boost: kb.search.boosts,
    combineWith: 'OR' as const,
    prefix: false,
    fuzzy: false,
    boostTerm: (term: string) => weight(term) / meanWeight,
  };

  function search(question: string, limit = 5): Hit[] {
    // Numbers the knowledge base never mentions (a salary, a year) carry no meaning for matching.
    const terms = [...new Set(analyzer.terms(question, { correct: true }))].filter((t) => df.has(t) || !/^\d+$/.test(t));
    if (terms.length === 0 || terms.includes(OUT_OF_SCOPE)) return [];
    const total = terms.reduce((sum, t) => sum + weight(t), 0);
    const known = terms.filter((t) => df.has(t)).reduce((sum, t) => sum + weight(t), 0);
    const { unmatchedKnownWeight, unknownWeight } = kb.search;
    return index
      .search(terms.join(' '), searchOptions)
      .slice(0, limit)
      .map((r) => {
        const matched = r.queryTerms.reduce((sum, t) => sum + weight(t), 0);
        const curated = Object.values(r.match).some((fields) => fields.some((f) => f === 'title' || f === 'keywords' || f === 'questions'));
        return {
          entry: kb.byId.get(String(r.id))!,
          score: r.score,
          matched,
          known,
          unknown: total - known,
          curated,
          confidence: round2(matched / (matched + unmatchedKnownWeight * (known - matched) + unknownWeight * (total - known))),
        };
      });
  }

  function answer(question: string): AnswerResult {
    const hits = search(question, 6);
    const best = hits[0];
    const { answerThreshold, relatedMinShare, suggestThreshold } = kb.search;
    if (!best || best.confidence < answerThreshold || (kb.search.requireCuratedMatch && !best.curated)) {
      return {
        answered: false,
        confidence: best?.confidence ?? 0,
        entry: undefined,
        related: [],
        suggestions: hits.filter((h) => h.confidence >= suggestThreshold).slice(0, 3).map((h) => h.entry),
        candidates: hits.filter((h) => h.confidence >= suggestThreshold).slice(0, 5),
      };
    }
    const fromSearch = hits.slice(1).filter((h) => h.score >= best.score * relatedMinShare).map((h) => h.entry);
    const curated = best.entry.related.map((id) => kb.byId.get(id)).filter((e): e is Entry => e !== undefined);
    const related = [...new Map([...fromSearch, ...curated].map((e) => [e.id, e])).values()].slice(0, 2);
    return { answered: true, confidence: best.confidence, entry: best.entry, related, suggestions: [], candidates: [] };
  }

  return { kb, answer, search };
}
