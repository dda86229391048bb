import { z } from 'zod';

/** Limits a curator works within; the answer limit keeps every answer well inside one Discord embed. */
export const LIMITS = {
  answer: 1500,
  title: 100,
  question: 200,
  keyword: 60,
} as const;

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case (a-z, 0-9, -)');
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const guideSchema = z.object({
  id: slug,
  title: text(200),
  file: z.string().min(1),
  sections: z.record(slug, text(200)).refine((s) => Object.keys(s).length > 0, 'must list at least one section'),
});
export const guidesSchema = z.array(guideSchema).min(1);
export type Guide = z.infer<typeof guideSchema>;

export const topicSchema = z.object({ id: slug, title: text(100), title_ja: text(100) });
export const topicsSchema = z.array(topicSchema).min(1);
export type Topic = z.infer<typeof topicSchema>;

export const sourceSchema = z.object({
  id: slug,
  title: text(300),
  url: z.url(),
  confidence: z.enum(['official', 'secondary', 'unverified']),
  facts: text(60),
});
export const sourcesSchema = z.array(sourceSchema).min(1);
export type Source = z.infer<typeof sourceSchema>;

/** Front matter of one knowledge entry (`knowledge/entries/**.md`); the Markdown body is the answer. */
export const entryMetaSchema = z.strictObject({
  id: slug,
  title: text(LIMITS.title),
  topic: slug,
  keywords: z.array(text(LIMITS.keyword)).min(1, 'must list at least one keyword'),
  questions: z.array(text(LIMITS.question)).min(2, 'must list at least two example questions'),
  /** `guide-id#section-id` references into knowledge/guides.yaml. */
  guides: z
    .array(z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must look like guide-id#section-id'))
    .min(1, 'must cite at least one guide section'),
  /** Sections of shared/facts/japan-immigration.md this entry relies on, e.g. "§1.6". Requires `sources`. */
  facts: z.array(text(40)).default([]),
  /** Ids from knowledge/sources.yaml. */
  sources: z.array(slug).default([]),
  related: z.array(slug).default([]),
  reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
});
export type EntryMeta = z.infer<typeof entryMetaSchema>;

export const answerSchema = text(LIMITS.answer);

export interface Entry extends EntryMeta {
  /** The answer in Discord Markdown. */
  answer: string;
  /** Path relative to the knowledge directory. */
  file: string;
}

/** knowledge/search.yaml: how questions are matched, as data a curator can tune. */
export const searchSettingsSchema = z.strictObject({
  /** Field weights for ranking. */
  boosts: z.strictObject({
    title: z.number().positive(),
    keywords: z.number().positive(),
    questions: z.number().positive(),
    answer: z.number().positive(),
    /** Titles of the guides an entry comes from ("the inside japan podcast one"). */
    guide: z.number().positive(),
  }),
  /**
   * Confidence = matched / (matched + unmatchedKnownWeight × known-but-unmatched + unknownWeight × unknown), all as
   * IDF-weighted sums of the question's terms. Words the knowledge base never uses signal an off-topic question;
   * words it knows that the best entry lacks usually mean a wordy question.
   */
  unmatchedKnownWeight: z.number().min(0).max(2),
  unknownWeight: z.number().min(0).max(2),
  /** An entry is given as the answer only when the confidence reaches this (0–1). */
  answerThreshold: z.number().min(0).max(1),
  /**
   * Only answer when at least one matched word is in the entry's title, keywords or example questions: a match on
   * incidental words of the answer text alone ("health insurance" inside the PR entry) is not enough.
   */
  requireCuratedMatch: z.boolean(),
  /** Related entries must reach this share of the best entry's score. */
  relatedMinShare: z.number().min(0).max(1),
  /** Weak matches at or above this confidence are offered as suggestions when nothing is answered. */
  suggestThreshold: z.number().min(0).max(1),
  /** Words that carry no meaning for matching (English and Japanese). */
  stopwords: z.array(text(40)).min(1),
  /**
   * Subjects the guides do not cover (banking, housing, personal taxes…). A question naming one is declined even if
   * some entry shares other words with it. No entry may use these phrases (kb:check reports it).
   */
  outOfScope: z.array(text(60)).default([]),
  /** Each group maps every variant (English phrase, romaji or Japanese) onto one canonical phrase. */
  synonyms: z
    .array(z.strictObject({ canonical: text(60), variants: z.array(text(80)).min(1) }))
    .min(1)
    .superRefine((groups, ctx) => {
      const seen = new Map<string, string>();
      groups.forEach((g, i) =>
        g.variants.forEach((v, j) => {
          const key = v.normalize('NFKC').toLowerCase();
          const other = seen.get(key);
          if (other !== undefined) {
            ctx.addIssue({ code: 'custom', path: [i, 'variants', j], message: `duplicate variant "${v}" (also under "${other}")` });
          }
          seen.set(key, g.canonical);
        }),
      );
    }),
});
export type SearchSettings = z.infer<typeof searchSettingsSchema>;

/** knowledge/replies.yaml: what the bot says when the guides have no answer, and how an AI draft is labelled. */
export const repliesSchema = z.strictObject({
  no_answer: z.strictObject({
    title: text(100),
    intro: text(300),
    /** Heading above the suggestions, when there are any. */
    did_you_mean: text(100),
    /** Heading above the tips. */
    also_try: text(100),
    tips: z.array(text(200)).min(1, 'must list at least one tip'),
  }),
  ai_draft: z.strictObject({ title: text(100), label: text(100) }),
});
export type Replies = z.infer<typeof repliesSchema>;
