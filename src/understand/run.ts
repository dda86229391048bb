import type { z } from 'zod';
import { evaluateCareerPath, type CareerPathResult } from '../engines/career-path.js';
import { computeHspOutcome, type HspPointsOutcome } from '../engines/hsp-points.js';
import {
  careerPathInputSchema,
  hspPointsInputSchema,
  inputIssues,
  visaCheckInputSchema,
  type CareerPathInput,
  type HspPointsInput,
  type VisaCheckInput,
} from '../engines/inputs.js';
import { checkVisa, type VisaCheckResult } from '../engines/visa-check.js';
import type { KnowledgeBase } from '../kb/load.js';
import type { RuleCommand } from '../kb/understand.js';
import { HSP_CLAIMS } from '../kb/vocabulary.js';
import type { Inputs } from './decide.js';

/** A rule command's result with the input it was computed for: what its renderers take. */
export type RuleRun =
  | { command: 'hsp-points'; input: HspPointsInput; outcome: HspPointsOutcome }
  | { command: 'visa-check'; input: VisaCheckInput; result: VisaCheckResult }
  | { command: 'career-path'; input: CareerPathInput; result: CareerPathResult };

const CLAIMS = new Set<string>(HSP_CLAIMS.map((c) => c.value));
const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Option values (by flag name, as a member types them) → the engine's raw input, as the CLI and the slash commands
 * build it: `current-work` fills `currentWork`, the HSP yes/no flags are collected into `claims`.
 */
export function rawInput(command: RuleCommand, inputs: Inputs): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  const claims: string[] = [];
  for (const [flag, v] of Object.entries(inputs)) {
    if (command === 'hsp-points' && CLAIMS.has(flag)) {
      if (v === true) claims.push(flag);
    } else raw[camel(flag)] = v;
  }
  if (command === 'hsp-points') raw.claims = claims;
  return raw;
}

export type RunOutcome = { ok: true; run: RuleRun } | { ok: false; problems: { flag: string; message: string }[] };

function parse<I>(
  schema: { safeParse(v: unknown): z.ZodSafeParseResult<I> },
  raw: unknown,
): { ok: true; input: I } | { ok: false; problems: { flag: string; message: string }[] } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const kebab = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return {
    ok: false,
    problems: inputIssues(parsed.error).map((i) => ({ flag: kebab(i.field.split('.')[0] ?? i.field), message: i.message })),
  };
}

/** Validates the inputs with the command's own schema and runs its engine: the same answer the command gives. */
export function runRule(kb: Pick<KnowledgeBase, 'rules'>, command: RuleCommand, inputs: Inputs): RunOutcome {
  const raw = rawInput(command, inputs);
  switch (command) {
    case 'hsp-points': {
      const p = parse(hspPointsInputSchema, raw);
      return p.ok ? { ok: true, run: { command, input: p.input, outcome: computeHspOutcome(kb.rules.hspPoints, p.input) } } : p;
    }
    case 'visa-check': {
      const p = parse(visaCheckInputSchema, raw);
      return p.ok ? { ok: true, run: { command, input: p.input, result: checkVisa(kb.rules.visaCheck, p.input) } } : p;
    }
    case 'career-path': {
      const p = parse(careerPathInputSchema, raw);
      return p.ok ? { ok: true, run: { command, input: p.input, result: evaluateCareerPath(kb.rules.careerPath, p.input) } } : p;
    }
  }
}
