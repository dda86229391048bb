import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { factFiller, type FactFiller } from '../facts.js';
import { parseYamlText, readText, type Parsed } from '../files.js';
import { PARSE_ONCE, zodProblems, type Problem } from '../problems.js';
import type { RefIndex } from '../refs.js';
import { careerPathProblems } from './career-path.check.js';
import { careerPathRulesSchema, type CareerPathRules } from './career-path.js';
import { deadlineProblems, deadlineRulesSchema, type DeadlineRules } from './deadlines.js';
import { hspPointsProblems } from './hsp-points.check.js';
import { hspPointsRulesSchema, type HspPointsRules } from './hsp-points.js';
import { deriveHspLabels } from './hsp-points.labels.js';
import { visaCheckProblems } from './visa-check.check.js';
import { visaCheckRulesSchema, type VisaCheckRules } from './visa-check.js';

/** The rule tables, validated. */
export interface RuleTables {
  careerPath: CareerPathRules;
  visaCheck: VisaCheckRules;
  hspPoints: HspPointsRules;
  /** Deadlines and reminders of /remind and the CLI's `deadlines`. */
  deadlines: DeadlineRules;
  /** Short content hash of the files. */
  version: string;
}
export type RulesResult = { ok: true; rules: RuleTables } | { ok: false; problems: Problem[] };

interface Table<T> {
  schema: z.ZodType<T>;
  /** Fills what the file derives from its own data (numbers in labels); reports placeholders it cannot fill. */
  derive?: (rules: T, file: string) => Parsed<T>;
  check: (rules: T, refs: RefIndex, file: string) => Problem[];
}
const TABLES = {
  careerPath: {
    file: 'rules/career-path.yaml',
    table: { schema: careerPathRulesSchema, check: careerPathProblems } as Table<CareerPathRules>,
  },
  visaCheck: { file: 'rules/visa-check.yaml', table: { schema: visaCheckRulesSchema, check: visaCheckProblems } as Table<VisaCheckRules> },
  hspPoints: {
    file: 'rules/hsp-points.yaml',
    table: { schema: hspPointsRulesSchema, derive: deriveHspLabels, check: hspPointsProblems } as Table<HspPointsRules>,
  },
  deadlines: { file: 'rules/deadlines.yaml', table: { schema: deadlineRulesSchema, check: deadlineProblems } as Table<DeadlineRules> },
};
/** Where each table lives, relative to the knowledge directory. */
export const RULE_FILES = {
  careerPath: TABLES.careerPath.file,
  visaCheck: TABLES.visaCheck.file,
  hspPoints: TABLES.hspPoints.file,
  deadlines: TABLES.deadlines.file,
} as const;

/**
 * Parses and validates one table's YAML text: `{{facts}}` filled, shape and vocabulary (zod), derived labels, then
 * references and completeness.
 */
function parseTable<T>(file: string, text: string, table: Table<T>, refs: RefIndex, facts: FactFiller): Parsed<T> {
  const yaml = parseYamlText(file, text);
  if (!yaml.ok) return yaml;
  const filled = facts.data(yaml.value, file);
  if (filled.problems.length > 0) return { ok: false, problems: filled.problems };
  const parsed = table.schema.safeParse(filled.value, PARSE_ONCE);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, parsed.error) };
  const derived = table.derive ? table.derive(parsed.data, file) : { ok: true as const, value: parsed.data };
  if (!derived.ok) return derived;
  const problems = table.check(derived.value, refs, file);
  return problems.length > 0 ? { ok: false, problems } : derived;
}

type Parse<T> = (text: string, refs: RefIndex, file?: string) => Parsed<T>;
const parser =
  <T>(t: { file: string; table: Table<T> }): Parse<T> =>
  (text, refs, file = t.file) =>
    parseTable(file, text, t.table, refs, factFiller(refs.facts));
export const parseCareerPathRules = parser(TABLES.careerPath);
export const parseVisaCheckRules = parser(TABLES.visaCheck);
export const parseHspPointsRules = parser(TABLES.hspPoints);
export const parseDeadlineRules = parser(TABLES.deadlines);

/**
 * Reads knowledge/rules/*.yaml below `dir` and validates them against the vocabulary and `refs` (sources.yaml,
 * guides.yaml and facts.yaml), collecting every problem with its file and dotted field path rather than stopping at
 * the first. `facts` records which facts the tables use.
 */
export function loadRules(dir: string, refs: RefIndex, facts: FactFiller = factFiller(refs.facts)): RulesResult {
  const problems: Problem[] = [];
  const hash = createHash('sha256');
  function load<T>(file: string, table: Table<T>): T | undefined {
    const text = readText(dir, file);
    if (!text.ok) return void problems.push(...text.problems);
    hash.update(file).update(text.value);
    const parsed = parseTable(file, text.value, table, refs, facts);
    if (!parsed.ok) return void problems.push(...parsed.problems);
    return parsed.value;
  }
  const careerPath = load(TABLES.careerPath.file, TABLES.careerPath.table);
  const visaCheck = load(TABLES.visaCheck.file, TABLES.visaCheck.table);
  const hspPoints = load(TABLES.hspPoints.file, TABLES.hspPoints.table);
  const deadlines = load(TABLES.deadlines.file, TABLES.deadlines.table);
  if (!careerPath || !visaCheck || !hspPoints || !deadlines || problems.length > 0) return { ok: false, problems };
  return { ok: true, rules: { careerPath, visaCheck, hspPoints, deadlines, version: hash.digest('hex').slice(0, 12) } };
}
