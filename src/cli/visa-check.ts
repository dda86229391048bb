import { visaCheckInputSchema, type VisaCheckInput } from '../engines/inputs.js';
import { checkVisa } from '../engines/visa-check.js';
import type { KnowledgeBase } from '../kb/load.js';
import { DUTIES, EMPLOYERS, RESIDENCE_STATUSES } from '../kb/vocabulary.js';
import { runCommand, type CommandSpec } from './command-spec.js';
import { renderVisaCheckText } from './render.js';
import type { CliResult } from './result.js';

const list = (choices: readonly { value: string }[]) => choices.map((c) => c.value).join(', ');

/** `visa-check`: whether a job change fits a status of residence, with reasons, actions, risk flags and sources. */
export function run(argv: string[], kb: KnowledgeBase): CliResult {
  const spec: CommandSpec<VisaCheckInput> = {
    name: 'visa-check',
    summary:
      'Does a job change fit your status of residence? A verdict with reasons, actions, risk flags and sources (general information, not legal advice).',
    example: '--status engineer-specialist --current-work system-development --new-work marketing --employer same --salary 4500000',
    flags: [
      {
        flag: 'status',
        field: 'status',
        type: 'string',
        required: true,
        help: 'your status of residence (unrestricted = permanent resident, spouse, long-term resident)',
        value: list(RESIDENCE_STATUSES),
      },
      { flag: 'current-work', field: 'currentWork', type: 'string', required: true, help: 'the work you do now', value: list(DUTIES) },
      { flag: 'new-work', field: 'newWork', type: 'string', required: true, help: 'the work you are moving to', value: list(DUTIES) },
      { flag: 'employer', field: 'employer', type: 'string', required: true, help: 'same or a new employer', value: list(EMPLOYERS) },
      { flag: 'salary', field: 'salary', type: 'string', help: 'expected annual salary', value: 'yen a year, e.g. 4500000' },
      { flag: 'dispatch', field: 'dispatch', type: 'boolean', help: 'client-site (SES) or dispatch work' },
    ],
    schema: visaCheckInputSchema,
    execute: (input) => {
      const result = checkVisa(kb.rules.visaCheck, input);
      const text = renderVisaCheckText(result, input, kb);
      return { json: { ...result, text }, text };
    },
  };
  return runCommand(argv, spec);
}
