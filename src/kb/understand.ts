import { z } from 'zod';
import { phraseMatcher } from './mentions.js';
import type { Problem } from './problems.js';
import { text } from './schema.js';
import {
  BACKGROUNDS,
  DEGREES,
  DUTIES,
  EMPLOYERS,
  FACT_CHOICES,
  HSP_CLAIMS,
  LOCATIONS,
  RESIDENCE_STATUSES,
  backgroundSchema,
  degreeSchema,
  dutySchema,
  employerSchema,
  hspClaimSchema,
  locationSchema,
  residenceStatusSchema,
  type Choice,
} from './vocabulary.js';

/**
 * knowledge/understand.yaml: how free-form questions are read into the options of /hsp-points, /visa-check and
 * /career-path (src/understand). Every value a phrase maps to is one of the commands' own choices.
 */
export const RULE_COMMANDS = ['hsp-points', 'visa-check', 'career-path'] as const;
export type RuleCommand = (typeof RULE_COMMANDS)[number];

const phrase = text(60);
const phrases = z.array(phrase).min(1);
const group = z.strictObject({ show: text(40).optional(), labels: z.boolean().default(true), phrases });
const several = <V extends string>(value: z.ZodType<V>) => z.array(z.strictObject({ phrases, values: z.array(value).min(2) }));

/**
 * A command's cues. `whereAsked`: in a message of several sentences a cue counts only in the sentence it asks in; a cue
 * only in the member's situation lets an entry that clearly answers the question go first. `entryFirst`: wherever the
 * cue is, an entry that clearly answers goes first, and the command follows as an offer for the member's own case.
 */
const command = z.strictObject({
  cues: phrases,
  whereAsked: z.boolean().default(false),
  entryFirst: z.boolean().default(false),
  /**
   * By fact, then by the value read: the entry that goes before the command's complete answer when it leads the close
   * entries though none clearly wins (src/answer/lead-entry.ts). Every id must be an entry's.
   */
  leadEntries: z.record(text(40), z.record(text(40), text(80))).default({}),
});

/** A command option as the missing-fact reply and the form name it (form limits: label 45, placeholder 100). */
const factHelp = z.strictObject({ ask: text(160), label: text(45), placeholder: text(100) });

export const HSP_FACTS = ['age', 'degree', 'experience', 'salary', 'jlpt'] as const;
export const VISA_FACTS = ['status', 'current-work', 'new-work', 'employer', 'salary'] as const;
export const CAREER_FACTS = ['jlpt', 'background', 'technical', 'location', 'sponsorship'] as const;
const helpFor = <K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, factHelp])) as Record<K, typeof factHelp>);

export const understandSchema = z.strictObject({
  commands: z.strictObject(Object.fromEntries(RULE_COMMANDS.map((c) => [c, command])) as Record<RuleCommand, typeof command>),
  facts: z.strictObject({ 'hsp-points': helpFor(HSP_FACTS), 'visa-check': helpFor(VISA_FACTS), 'career-path': helpFor(CAREER_FACTS) }),
  unclear: z.strictObject({
    range: text(200),
    estimate: text(200),
    conflict: text(200),
    monthly: text(200),
    small: text(200),
    goal: text(200),
    not_held: text(200),
    several: text(200),
    roles: text(200),
  }),
  ignore: phrases,
  goals: z.strictObject({
    future: phrases,
    nouns: phrases,
    names: phrases,
    held: phrases,
    not_held: z.strictObject({ before: phrases, after: phrases }),
  }),
  numbers: z.strictObject({
    age_before: phrases,
    age_after: phrases,
    year_units: phrases,
    month_units: phrases,
    experience: phrases,
    not_experience: phrases,
    approximate: phrases,
    not_duration: phrases,
    million: phrases,
    man: phrases,
    ten_million: phrases,
    thousand: phrases,
    yen: phrases,
    annual: phrases,
    monthly: phrases,
    not_salary: phrases,
    bjt: phrases,
    points: phrases,
  }),
  jlpt: z.strictObject({ none: phrases }),
  degrees: z.partialRecord(degreeSchema, group),
  claims: z.partialRecord(hspClaimSchema, phrases),
  qualifications: phrases,
  statuses: z.partialRecord(residenceStatusSchema, group),
  duties: z.partialRecord(dutySchema, group),
  several: z.strictObject({ duties: several(dutySchema), statuses: several(residenceStatusSchema) }),
  /** The work a status is held for (Instructor: school teaching): the current work when no other is named. */
  status_work: z.partialRecord(residenceStatusSchema, dutySchema).default({}),
  same_work: phrases,
  employers: z.partialRecord(employerSchema, group),
  dispatch: phrases,
  backgrounds: z.partialRecord(backgroundSchema, group),
  technical: z.strictObject({ yes: phrases, no: phrases }),
  locations: z.partialRecord(locationSchema, group),
  negations: phrases,
  sponsorship: z.strictObject({ yes: phrases, no: phrases }),
  roles: z.strictObject({
    current: z.strictObject({ before: phrases, after: phrases }),
    target: z.strictObject({ before: phrases, after: phrases }),
  }),
});
export type Understand = z.infer<typeof understandSchema>;

export const normPhrase = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** The value groups whose phrases must each name one value; a phrase naming two is what `several` is for. */
function choiceGroups(
  u: Understand,
): { field: string; choices: readonly Choice[]; map: Partial<Record<string, { phrases: string[]; labels?: boolean }>> }[] {
  return [
    { field: 'degrees', choices: DEGREES, map: u.degrees },
    { field: 'statuses', choices: RESIDENCE_STATUSES, map: u.statuses },
    { field: 'duties', choices: DUTIES, map: u.duties },
    { field: 'employers', choices: EMPLOYERS, map: u.employers },
    { field: 'backgrounds', choices: BACKGROUNDS, map: u.backgrounds },
    { field: 'locations', choices: LOCATIONS, map: u.locations },
    { field: 'claims', choices: HSP_CLAIMS, map: Object.fromEntries(Object.entries(u.claims).map(([k, v]) => [k, { phrases: v ?? [] }])) },
  ];
}

/**
 * Checks zod cannot express: within a group a phrase maps to one value only (the commands' own labels count as
 * phrases of their value), and `several` lists phrases no single value claims.
 */
export function understandProblems(u: Understand, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const { field, choices, map } of choiceGroups(u)) {
    const owner = new Map<string, string>();
    for (const c of choices)
      if (map[c.value]?.labels !== false) for (const label of [c.label, c.label_ja]) owner.set(normPhrase(label), c.value);
    for (const [value, g] of Object.entries(map)) {
      g?.phrases.forEach((p, i) => {
        const key = normPhrase(p);
        const other = owner.get(key);
        if (other !== undefined && other !== value)
          problems.push({ file, field: `${field}.${value}.phrases.${i}`, message: `"${p}" also names ${other}` });
        owner.set(key, value);
      });
    }
    const list = field === 'duties' ? u.several.duties : field === 'statuses' ? u.several.statuses : [];
    list.forEach((s, i) =>
      s.phrases.forEach((p, j) => {
        const other = owner.get(normPhrase(p));
        if (other !== undefined)
          problems.push({ file, field: `several.${field}.${i}.phrases.${j}`, message: `"${p}" is a phrase of ${other} already` });
      }),
    );
  }
  return problems;
}

/** A command's lead entries (`leadEntries`) name one of its facts, a choice of that fact and an entry that exists. */
export function leadEntryProblems(u: Understand, entryIds: ReadonlySet<string>, file: string): Problem[] {
  return RULE_COMMANDS.flatMap((c) =>
    Object.entries(u.commands[c].leadEntries).flatMap(([fact, byValue]) => {
      const field = `commands.${c}.leadEntries.${fact}`;
      const facts = Object.keys(u.facts[c]);
      if (!facts.includes(fact)) return [{ file, field, message: `/${c} has no fact "${fact}" (${facts.join(', ')})` }];
      const choices = FACT_CHOICES[fact]?.map((c) => c.value);
      return Object.entries(byValue).flatMap(([value, id]) => [
        ...(choices && !choices.includes(value)
          ? [{ file, field: `${field}.${value}`, message: `"${value}" is not a choice of ${fact} (${choices.join(', ')})` }]
          : []),
        ...(entryIds.has(id) ? [] : [{ file, field: `${field}.${value}`, message: `unknown entry "${id}"` }]),
      ]);
    }),
  );
}

/**
 * A phrase the commands read (a status, a job, an employer…) must not name an out-of-scope subject of search.yaml:
 * a question using it would be declined outright instead of being answered by /visa-check or /career-path.
 */
export function outOfScopeProblems(u: Understand, outOfScope: readonly string[]): Problem[] {
  const hidden = phraseMatcher(outOfScope);
  return choiceGroups(u).flatMap(({ field, map }) =>
    Object.entries(map).flatMap(([value, g]) =>
      (g?.phrases ?? []).flatMap((p, i) => {
        const phrase = hidden(p);
        return phrase
          ? [
              {
                file: 'search.yaml',
                field: 'outOfScope',
                message: `"${phrase}" would decline questions naming "${p}" (understand.yaml ${field}.${value}.phrases.${i})`,
              },
            ]
          : [];
      }),
    ),
  );
}
