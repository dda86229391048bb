import type { RuleCommand } from '../../src/kb/understand.js';
import type { Inputs } from '../../src/understand/decide.js';

/**
 * Free-form questions and how they must be read (issue 9). `inputs` are what a member would type into the command
 * (its option names); `missing` the options the reply must ask for (empty: the command's answer is given). Without
 * `command`, the question must not be read as any command's request (the knowledge base answers it).
 * `result` is the command's answer for these inputs: the HSP total, the visa-check verdict, or the career paths
 * that are open. Written for this test, not taken from the evaluation sets.
 */
export interface Case {
  q: string;
  lang: 'en' | 'ja' | 'mixed';
  command?: RuleCommand;
  inputs?: Inputs;
  missing?: string[];
  result?: { total?: number; verdict?: string; open?: string[] };
  /** The misreading this case guards against. */
  guards?: string;
}

export const hsp = (q: string, lang: Case['lang'], inputs: Inputs, rest: Partial<Case> = {}): Case => ({
  q,
  lang,
  command: 'hsp-points',
  inputs,
  missing: [],
  ...rest,
});
export const visa = (q: string, lang: Case['lang'], inputs: Inputs, rest: Partial<Case> = {}): Case => ({
  q,
  lang,
  command: 'visa-check',
  inputs,
  missing: [],
  ...rest,
});
export const career = (q: string, lang: Case['lang'], inputs: Inputs, rest: Partial<Case> = {}): Case => ({
  q,
  lang,
  command: 'career-path',
  inputs,
  missing: [],
  ...rest,
});
export const none = (q: string, lang: Case['lang'], guards?: string): Case => ({ q, lang, ...(guards ? { guards } : {}) });
