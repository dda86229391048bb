import { evaluateCareerPath } from '../engines/career-path.js';
import { careerPathInputSchema, type CareerPathInput } from '../engines/inputs.js';
import type { KnowledgeBase } from '../kb/load.js';
import { BACKGROUNDS, JLPT_LEVELS, LOCATIONS } from '../kb/vocabulary.js';
import { runCommand, type CommandSpec } from './command-spec.js';
import { renderCareerPathText } from './render.js';
import type { CliResult } from './result.js';

const list = (choices: readonly { value: string }[]) => choices.map((c) => c.value).join(', ');

/** `career-path`: every career path with its status, the gate that decides it, the next step and sources. */
export function run(argv: string[], kb: KnowledgeBase): CliResult {
  const spec: CommandSpec<CareerPathInput> = {
    name: 'career-path',
    summary: 'Which career paths your JLPT level, background, skills and location open (open / stretch / closed), and why.',
    example: '--jlpt N2 --background alt --location tokyo --sponsorship',
    flags: [
      { flag: 'jlpt', field: 'jlpt', type: 'string', required: true, help: 'certified JLPT level', value: list(JLPT_LEVELS) },
      { flag: 'background', field: 'background', type: 'string', required: true, help: 'your background', value: list(BACKGROUNDS) },
      {
        flag: 'technical',
        field: 'technical',
        type: 'boolean',
        help: 'you have in-demand technical skills (development, QA, IT support…)',
      },
      { flag: 'location', field: 'location', type: 'string', help: 'where you want to work (default tokyo)', value: list(LOCATIONS) },
      { flag: 'sponsorship', field: 'sponsorship', type: 'boolean', help: 'you need an employer to sponsor your visa' },
    ],
    schema: careerPathInputSchema,
    execute: (input) => {
      const result = evaluateCareerPath(kb.rules.careerPath, input);
      const text = renderCareerPathText(result, input, kb);
      return { json: { paths: result.paths, text }, text };
    },
  };
  return runCommand(argv, spec);
}
