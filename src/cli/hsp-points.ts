import { computeHspOutcome } from '../engines/hsp-points.js';
import { hspPointsInputSchema, type HspPointsInput } from '../engines/inputs.js';
import type { KnowledgeBase } from '../kb/load.js';
import { DEGREES, HSP_CLAIMS, JLPT_LEVELS } from '../kb/vocabulary.js';
import { runCommand, type CommandSpec, type FlagSpec } from './command-spec.js';
import { renderHspPointsText } from './render.js';
import type { CliResult } from './result.js';

const list = (choices: readonly { value: string }[]) => choices.map((c) => c.value).join(', ');

/** "480+ = N1, 400+ = N2", from the table. */
const bjtLevels = (kb: KnowledgeBase) =>
  kb.rules.hspPoints.japanese.levels
    .filter((l) => l.bjt_min !== undefined)
    .map((l) => `${l.bjt_min}+ = ${l.jlpt.join('/')}`)
    .join(', ');

const flags = (kb: KnowledgeBase): readonly FlagSpec[] => [
  { flag: 'age', field: 'age', type: 'string', required: true, help: 'age at application', value: 'whole years' },
  { flag: 'degree', field: 'degree', type: 'string', required: true, help: 'highest degree', value: list(DEGREES) },
  {
    flag: 'experience',
    field: 'experience',
    type: 'string',
    required: true,
    help: 'years of experience in the job to be done',
    value: 'whole years',
  },
  {
    flag: 'salary',
    field: 'salary',
    type: 'string',
    required: true,
    help: 'expected annual salary, bonuses included',
    value: 'yen a year, e.g. 6500000',
  },
  { flag: 'jlpt', field: 'jlpt', type: 'string', help: 'certified JLPT level (default none)', value: list(JLPT_LEVELS) },
  { flag: 'bjt', field: 'bjt', type: 'string', help: `BJT Business Japanese score (${bjtLevels(kb)} equivalent)`, value: '0–800' },
  {
    flag: 'qualifications',
    field: 'qualifications',
    type: 'string',
    help: 'related Japanese national licences or IT-Notice exams',
    value: '0, 1 or 2 (two or more)',
  },
  ...HSP_CLAIMS.map((c): FlagSpec => ({ flag: c.value, field: 'claims', type: 'boolean', help: c.label })),
];

/** `hsp-points`: Highly Skilled Professional (i)(b) points, line by line, with the threshold and PR timing. */
export function run(argv: string[], kb: KnowledgeBase): CliResult {
  const flagList = flags(kb);
  const spec: CommandSpec<HspPointsInput> = {
    name: 'hsp-points',
    summary:
      'Highly Skilled Professional (i)(b) points from the official ISA table, one line per criterion, with permanent-residency timing.',
    example: '--age 28 --degree bachelor --experience 3 --salary 6500000 --jlpt N1 --japanese-degree',
    flags: flagList,
    schema: hspPointsInputSchema,
    toRaw: (values) => {
      const raw: Record<string, unknown> = {};
      for (const f of flagList) if (f.type === 'string' && values[f.flag] !== undefined) raw[f.field] = values[f.flag];
      raw.claims = HSP_CLAIMS.filter((c) => values[c.value] === true).map((c) => c.value);
      return raw;
    },
    execute: (input) => {
      const outcome = computeHspOutcome(kb.rules.hspPoints, input);
      const text = renderHspPointsText(outcome, kb);
      const { total, lines, qualifies, permanentResidencyAfterYears } = outcome;
      return { json: { total, lines, qualifies, permanentResidencyAfterYears, text }, text };
    },
  };
  return runCommand(argv, spec);
}
