import { z } from 'zod';

/** Limits a curator works within; the answer limit keeps every answer well inside one Discord embed. */
export const LIMITS = {
  answer: 1500,
  title: 100,
  question: 200,
  keyword: 60,
} as const;

/** What every entry's phrasing bank must hold (kb:check): enough phrasings, some in Japanese, one mixed. */
export const PHRASINGS = { min: 15, japanese: 3, mixed: 1 } as const;

export const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case (a-z, 0-9, -)');
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** A regular expression's source, checked to compile (with the flag `i` it is used with). */
export const pattern = text(300).refine((source) => {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

/** A word list named inside an `asksFor` cue: `{company}`. Regular-expression counts (`{1,2}`) are digits, never a name. */
const LIST_REF = /\{([a-z]+)\}/g;

/** An `asksFor` cue with each `{list}` it names replaced by that list's words as alternatives (escaped, as written). */
export function expandCue(cue: string, lists: Record<string, string[]> | undefined): string {
  return cue.replace(LIST_REF, (ref, name: string) => {
    const words = lists?.[name];
    return words ? `(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})` : ref;
  });
}

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
  /**
   * Member phrasings: how members really ask for this entry. They are what questions are matched against, so every
   * entry needs many, in members' own styles (see PHRASINGS and `npm run kb:check`).
   */
  questions: z.array(text(LIMITS.question)).min(PHRASINGS.min, `must list at least ${PHRASINGS.min} member phrasings`),
  /** `guide-id#section-id` references into knowledge/guides.yaml. */
  guides: z
    .array(z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must look like guide-id#section-id'))
    .min(1, 'must cite at least one guide section'),
  /** Sections of shared/facts/japan-immigration.md this entry relies on, e.g. "§1.6". Requires `sources`. */
  facts: z.array(text(40)).default([]),
  /** Ids from knowledge/sources.yaml. */
  sources: z.array(slug).default([]),
  related: z.array(slug).default([]),
  /**
   * Ids of entries merged into this one. Feedback records and evaluation labels written before the merge name the old
   * id; they resolve to this entry. An old id may not be a live entry's id nor be claimed by two entries.
   */
  formerly: z.array(slug).default([]),
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
const weight = z.number().min(0).max(1);
/** A lower score floor from this many different known words on (a long message: `answer` and `suggest`). */
const longMessageTiers = z.array(z.strictObject({ minKnownWords: z.number().int().min(1), minScore: weight }));
const gramRange = z
  .tuple([z.number().int().min(1).max(6), z.number().int().min(1).max(6)])
  .refine(([min, max]) => min <= max, 'must be [shortest, longest]');
/**
 * A synonym variant of one Latin word glued to Japanese ("N3もない", "N3未満"): matched as that word and the start of the
 * Japanese run after it (src/answer/synonyms.ts).
 */
export const GLUED_VARIANT = /^([\p{Script=Latin}\p{N}]+)([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+)$/u;
/** Latin letters, or Japanese, or one Latin word glued to Japanese. */
const LATIN_OR_JAPANESE = new RegExp(
  `^[^\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}]+$|^[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々・]+$|${GLUED_VARIANT.source}`,
  'u',
);

export const searchSettingsSchema = z.strictObject({
  ranking: z.strictObject({
    /** One phrasing's similarity: word-term cosine and character n-gram cosine, mixed. */
    phrasing: z.strictObject({ words: weight, grams: weight, recall: weight }),
    /** An entry's score: its closest phrasing, the centroid of its phrasings, their coverage of the question, its answer. */
    entry: z.strictObject({ best: weight, centroid: weight, coverage: weight, answer: weight }),
  }),
  grams: z.strictObject({ latin: gramRange, cjk: gramRange }),
  decision: z.strictObject({
    answer: z.strictObject({
      minScore: weight,
      minMargin: z.strictObject({ fourViews: weight, threeViews: weight, twoViews: weight, oneView: weight }),
      maxUnknownShare: weight,
      minKnownWords: z.number().int().min(1).max(5),
      minCoverage: weight,
      wellKnown: z.strictObject({ maxUnknownShare: weight, minScore: weight, threeViews: weight }),
      clearWin: z.strictObject({ minScore: weight, minMargin: weight, maxUnknownShare: weight }),
      longMessage: longMessageTiers,
      nearTie: weight,
    }),
    suggest: z.strictObject({
      minScore: weight,
      minCoverage: weight,
      maxUnknownShare: weight,
      closeShare: weight,
      longMessage: longMessageTiers.optional(),
    }),
    asked: z.strictObject({ weight, minCoverage: weight }),
  }),
  /** Words that carry no meaning for matching (English and Japanese). */
  stopwords: z.array(text(40)).min(1),
  /** Words that ask (when, how, why…): matched like any word, but not counted among a question's known words. */
  askingWords: z.array(text(40)).default([]),
  /**
   * Near-domain subjects members ask about that neither the guides nor the facts cover (banking, housing…). A question
   * naming one is declined without suggestions and never reaches the LLM. No entry may mention them (kb:check).
   */
  outOfScope: z.array(text(60)).default([]),
  /**
   * Kinds of detail a member may ask for (a price, names of companies, opening hours): a question whose words ask for
   * one (`cues`, regular expressions, case-insensitive) is answered only by an entry whose answer carries that kind of
   * detail (`signs`; none: no entry gives it), else declined without suggestions.
   */
  asksFor: z
    .array(
      z
        .strictObject({
          name: text(80),
          /** Word lists a cue names as `{list}` (the big dispatch and eikaiwa employers): written once, matched as alternatives. */
          lists: z.record(z.string().regex(/^[a-z]+$/, 'must be lowercase letters'), z.array(text(40)).min(1)).optional(),
          cues: z.array(pattern).min(1),
          /** A question that also matches this asks about something else (a spouse visa's "requirements" when PR is asked). */
          unless: pattern.optional(),
          signs: z.array(pattern),
        })
        .superRefine((kind, ctx) => {
          kind.cues.forEach((cue, i) => {
            const missing = [...cue.matchAll(LIST_REF)].map((m) => m[1]!).filter((list) => !kind.lists?.[list]);
            if (missing.length > 0) ctx.addIssue({ code: 'custom', path: ['cues', i], message: `names no list ${missing.join(', ')}` });
          });
        }),
    )
    .default([]),
  /** Domain vocabulary: each group maps every variant (English phrase, acronym, romaji or Japanese) onto one canonical phrase. */
  synonyms: z
    .array(
      z.strictObject({
        canonical: text(60),
        variants: z
          .array(text(80).regex(LATIN_OR_JAPANESE, 'must be written in Latin letters, in Japanese, or as one Latin word glued to Japanese'))
          .min(1),
      }),
    )
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
  /** Replies to questions read as a rule command's request (knowledge/understand.yaml). */
  understood: z.strictObject({
    read: text(100),
    nothing: text(60),
    missing_title: text(100),
    missing_intro: text(200),
    how_slash: text(300),
    how_button: text(300),
    how_cli: text(300),
    own_case_title: text(100),
    own_case_how_slash: text(300),
    own_case_how_cli: text(300),
    /** A button label: at most 80 characters. */
    button: text(80),
    related: text(100),
  }),
});
export type Replies = z.infer<typeof repliesSchema>;
