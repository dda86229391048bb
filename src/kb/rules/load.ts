import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { parseYamlText, readText, type Parsed } from '../files.js';
import { zodProblems, type Problem } from '../problems.js';
import type { RefIndex } from '../refs.js';
import { careerPathProblems } from './career-path.check.js';
import { careerPathRulesSchema, type CareerPathRules } from './career-path.js';
import { hspPointsProblems } from './hsp-points.check.js';
import { hspPointsRulesSchema, type HspPointsRules } from './hsp-points.js';
import { visaCheckProblems } from './visa-check.check.js';
import { visaCheckRulesSchema, type VisaCheckRules } from './visa-check.js';

/** The three rule tables, validated. */
export interface RuleTables {
  careerPath: CareerPathRules;
  visaCheck: VisaCheckRules;
  hspPoints: HspPointsRules;
  /** Short content hash of the three files. */
  version: string;
}
export type RulesResult = { ok: true; rules: RuleTables } | { ok: false; problems: Problem[] };

interface Table<T> {
  schema: z.ZodType<T>;
  check: (rules: T, refs: RefIndex, file: string) => Problem[];
}
const TABLES = {
  careerPath: { file: 'rules/career-path.yaml', table: { schema: careerPathRulesSchema, check: careerPathProblems } as Table<CareerPathRules> },
  visaCheck: { file: 'rules/visa-check.yaml', table: { schema: visaCheckRulesSchema, check: visaCheckProblems } as Table<VisaCheckRules> },
  hspPoints: { file: 'rules/hsp-points.yaml', table: { schema: hspPointsRulesSchema, check: hspPointsProblems } as Table<HspPointsRules> },
};
/** Where each table lives, relative to the knowledge directory. */
export const RULE_FILES = { careerPath: TABLES.careerPath.file, visaCheck: TABLES.visaCheck.file, hspPoints: TABLES.hspPoints.file } as const;

/** Parses and validates one table's YAML text: shape and vocabulary (zod), then references and completeness. */
function parseTable<T>(file: string, text: string, table: Table<T>, refs: RefIndex): Parsed<T> {
  const yaml = parseYamlText(file, text);
  if (!yaml.ok) return yaml;
  const parsed = table.schema.safeParse(yaml.value);
  if (!parsed.success) return { ok: false, problems: zodProblems(file, parsed.error) };
  const problems = table.check(parsed.data, refs, file);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: parsed.data };
}

export const parseCareerPathRules = (text: string, refs: RefIndex, file: string = RULE_FILES.careerPath) => parseTable(file, text, TABLES.careerPath.table, refs);
export const parseVisaCheckRules = (text: string, refs: RefIndex, file: string = RULE_FILES.visaCheck) => parseTable(file, text, TABLES.visaCheck.table, refs);
export const parseHspPointsRules = (text: string, refs: RefIndex, file: string = RULE_FILES.hspPoints) => parseTable(file, text, TABLES.hspPoints.table, refs);

/**
 * Reads knowledge/rules/*.yaml below `dir` and validates them against the vocabulary and `refs` (sources.yaml and
 * guides.yaml), collecting every problem with its file and dotted field path rather than stopping at the first.
 */
export async function loadRules(dir: string, refs: RefIndex): Promise<RulesResult> {
  const problems: Problem[] = [];
  const hash = createHash('sha256');
  const reads = new Map(Object.values(TABLES).map((t) => [t.file, readText(dir, t.file)]));
  async function load<T>(file: string, table: Table<T>): Promise<T | undefined> {
    const text = await reads.get(file)!;
    if (!text.ok) return void problems.push(...text.problems);
    hash.update(file).update(text.value);
    const parsed = parseTable(file, text.value, table, refs);
    if (!parsed.ok) return void problems.push(...parsed.problems);
    return parsed.value;
  }
  const careerPath = await load(TABLES.careerPath.file, TABLES.careerPath.table);
  const visaCheck = await load(TABLES.visaCheck.file, TABLES.visaCheck.table);
  const hspPoints = await load(TABLES.hspPoints.file, TABLES.hspPoints.table);
  if (!careerPath || !visaCheck || !hspPoints || problems.length > 0) return { ok: false, problems };
  return { ok: true, rules: { careerPath, visaCheck, hspPoints, version: hash.digest('hex').slice(0, 12) } };
}
