import { RULE_COMMANDS, type RuleCommand, type Understand } from '../kb/understand.js';
import {
  BACKGROUNDS,
  DEGREES,
  DUTIES,
  EMPLOYERS,
  LOCATIONS,
  RESIDENCE_STATUSES,
  type Background,
  type Choice,
  type Degree,
  type Duty,
  type Employer,
  type HspClaim,
  type Location,
  type ResidenceStatus,
} from '../kb/vocabulary.js';
import { alternation, phraseIndex, type PhraseIndex } from './text.js';

/** knowledge/understand.yaml compiled once per knowledge base into patterns and phrase indexes. */
export interface Lexicon {
  data: Understand;
  /** One pattern per phrase list (source text, to be combined or flagged by the readers). */
  pattern: {
    goalFuture: string;
    goalNoun: string;
    testNames: string;
    held: string;
    notHeldBefore: string;
    notHeldAfter: string;
    ageBefore: string;
    ageAfter: string;
    yearUnits: string;
    monthUnits: string;
    experience: string;
    notExperience: string;
    approximate: string;
    notDuration: string;
    million: string;
    man: string;
    tenMillion: string;
    thousand: string;
    yen: string;
    annual: string;
    monthly: string;
    notSalary: string;
    bjt: string;
    points: string;
    sameWork: string;
    negations: string;
    dispatch: string;
    currentBefore: string;
    currentAfter: string;
    targetBefore: string;
    targetAfter: string;
  };
  /** Words that look like facts but are not ("scrum master"). */
  ignore: PhraseIndex<true>;
  jlptNone: PhraseIndex<true>;
  degrees: PhraseIndex<Degree>;
  claims: PhraseIndex<HspClaim>;
  qualifications: PhraseIndex<string>;
  statuses: PhraseIndex<ResidenceStatus>;
  duties: PhraseIndex<Duty>;
  employers: PhraseIndex<Employer>;
  backgrounds: PhraseIndex<Background>;
  technical: PhraseIndex<boolean>;
  locations: PhraseIndex<Location>;
  sponsorship: PhraseIndex<boolean>;
  cues: Record<keyof Understand['commands'], PhraseIndex<true>>;
  /** The commands whose cue counts only in the sentence a message asks in (understand.yaml `whereAsked`). */
  whereAsked: readonly RuleCommand[];
}

type Groups<V extends string> = Partial<Record<V, { phrases: string[]; labels: boolean }>>;

/** A value's phrases are its own labels (English and Japanese, unless `labels: false`) plus the synonyms in the file. */
function valueEntries<V extends string>(choices: readonly Choice<V>[], groups: Groups<V>, labels = true) {
  return choices.map((c) => {
    const g = groups[c.value];
    return { phrases: [...(labels && g?.labels !== false ? [c.label, c.label_ja] : []), ...(g?.phrases ?? [])], values: [c.value] };
  });
}

const flag = <V>(yes: readonly string[], no: readonly string[], y: V, n: V) =>
  phraseIndex<V>([
    { phrases: yes, values: [y] },
    { phrases: no, values: [n] },
  ]);

export function compileLexicon(data: Understand): Lexicon {
  const n = data.numbers;
  const roles = data.roles;
  return {
    data,
    pattern: {
      goalFuture: alternation(data.goals.future),
      goalNoun: alternation(data.goals.nouns),
      testNames: alternation(data.goals.names),
      held: alternation(data.goals.held),
      notHeldBefore: alternation(data.goals.not_held.before),
      notHeldAfter: alternation(data.goals.not_held.after),
      ageBefore: alternation(n.age_before),
      ageAfter: alternation(n.age_after, true),
      yearUnits: alternation(n.year_units, true),
      monthUnits: alternation(n.month_units, true),
      experience: alternation(n.experience),
      notExperience: alternation(n.not_experience),
      approximate: alternation(n.approximate, true),
      notDuration: alternation(n.not_duration, true),
      million: alternation(n.million, true),
      man: alternation(n.man, true),
      tenMillion: alternation(n.ten_million, true),
      thousand: alternation(n.thousand, true),
      yen: alternation(n.yen, true),
      annual: alternation(n.annual),
      monthly: alternation(n.monthly),
      notSalary: alternation(n.not_salary),
      bjt: alternation(n.bjt),
      points: alternation(n.points, true),
      sameWork: alternation(data.same_work),
      negations: alternation(data.negations),
      dispatch: alternation(data.dispatch),
      currentBefore: alternation(roles.current.before),
      currentAfter: alternation(roles.current.after),
      targetBefore: alternation(roles.target.before),
      targetAfter: alternation(roles.target.after),
    },
    ignore: phraseIndex([{ phrases: data.ignore, values: [true as const] }]),
    jlptNone: phraseIndex([{ phrases: data.jlpt.none, values: [true as const] }]),
    degrees: phraseIndex(valueEntries(DEGREES, data.degrees)),
    claims: phraseIndex(Object.entries(data.claims).map(([claim, phrases]) => ({ phrases: phrases ?? [], values: [claim as HspClaim] }))),
    qualifications: phraseIndex(data.qualifications.map((p) => ({ phrases: [p], values: [p] }))),
    statuses: phraseIndex([
      ...valueEntries(RESIDENCE_STATUSES, data.statuses).filter((e) => e.values[0] !== 'other'),
      ...data.several.statuses,
    ]),
    duties: phraseIndex([...valueEntries(DUTIES, data.duties), ...data.several.duties]),
    employers: phraseIndex(valueEntries(EMPLOYERS, data.employers)),
    backgrounds: phraseIndex(valueEntries(BACKGROUNDS, data.backgrounds, false)),
    technical: flag(data.technical.yes, data.technical.no, true, false),
    locations: phraseIndex(valueEntries(LOCATIONS, data.locations)),
    sponsorship: flag(data.sponsorship.yes, data.sponsorship.no, true, false),
    cues: Object.fromEntries(
      RULE_COMMANDS.map((c) => [c, phraseIndex([{ phrases: data.commands[c].cues, values: [true as const] }])]),
    ) as Lexicon['cues'],
    whereAsked: RULE_COMMANDS.filter((c) => data.commands[c].whereAsked),
  };
}
