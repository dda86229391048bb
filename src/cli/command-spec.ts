import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { inputIssues } from '../engines/inputs.js';
import type { CliResult } from './result.js';

/** One command-line flag of an engine subcommand; `field` is the input-schema key it fills. */
export interface FlagSpec {
  flag: string;
  field: string;
  type: 'string' | 'boolean';
  /** For string flags: what to write, e.g. "none, N5, N4, N3, N2, N1" or "yen a year, e.g. 6500000". */
  value?: string;
  help: string;
  required?: boolean;
}

export interface CommandSpec<I> {
  name: string;
  summary: string;
  example: string;
  flags: readonly FlagSpec[];
  schema: { safeParse(value: unknown): z.ZodSafeParseResult<I> };
  /** Builds the schema input from parsed flag values (default: each flag's value under its field). */
  toRaw?: (values: Record<string, string | boolean | undefined>) => Record<string, unknown>;
  /** Runs the engine: the JSON object of the contract (including `text`) and the readable text. */
  execute: (input: I) => { json: object; text: string };
}

const COMMON: readonly FlagSpec[] = [
  { flag: 'json', field: '', type: 'boolean', help: 'print exactly one JSON object instead of the text' },
  { flag: 'help', field: '', type: 'boolean', help: 'show this help' },
];

export function usage<I>(spec: CommandSpec<I>): string {
  const all = [...spec.flags, ...COMMON];
  const names = all.map((f) => `--${f.flag}${f.type === 'string' ? ' <value>' : ''}`);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const lines = all.map(
    (f, i) => `  ${(names[i] ?? '').padEnd(width)}${f.required ? '(required) ' : ''}${f.help}${f.value ? `: ${f.value}` : ''}`,
  );
  return `${spec.summary}\n\nUsage: npm run -s cli -- ${spec.name} [options]\n\nOptions:\n${lines.join('\n')}\n\nExample:\n  npm run -s cli -- ${spec.name} ${spec.example}\n`;
}

const fail = (name: string, message: string): CliResult => ({
  stdout: '',
  stderr: `${name}: ${message}\nRun \`npm run -s cli -- ${name} --help\` for usage.\n`,
  exitCode: 2,
});

/** Turns node:util parseArgs errors into messages that name the flag and what it accepts. */
function parseError<I>(spec: CommandSpec<I>, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  const name = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  const flag = spec.flags.find((f) => `--${f.flag}` === name);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return `unknown option ${name ?? ''}. Options: ${[...spec.flags, ...COMMON].map((f) => `--${f.flag}`).join(', ')}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) {
    return flag.type === 'string'
      ? `--${flag.flag} needs a value${flag.value ? `; allowed: ${flag.value}` : ''}`
      : `--${flag.flag} takes no value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument; every value follows its option, e.g. ${spec.example}`;
  return message;
}

/** Parses flags strictly, validates them with the engine's input schema, runs it and formats text or JSON. */
export function runCommand<I>(argv: string[], spec: CommandSpec<I>): CliResult {
  const options = Object.fromEntries([...spec.flags, ...COMMON].map((f) => [f.flag, { type: f.type }] as const));
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    return fail(spec.name, parseError(spec, err));
  }
  if (values.help === true) return { stdout: usage(spec), stderr: '', exitCode: 0 };

  const raw = spec.toRaw
    ? spec.toRaw(values)
    : Object.fromEntries(spec.flags.filter((f) => values[f.flag] !== undefined).map((f) => [f.field, values[f.flag]]));
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) {
    const lines = inputIssues(parsed.error).map(({ field, message }) => {
      const flag = spec.flags.find((f) => f.field === field || field.startsWith(`${f.field}.`));
      if (!flag && field === '(input)') return message; // about the options together, not one of them
      return `--${flag?.flag ?? field} ${message}`;
    });
    return fail(spec.name, lines.length === 1 ? (lines[0] ?? '') : `\n  ${lines.join('\n  ')}`);
  }
  const { json, text } = spec.execute(parsed.data);
  return { stdout: values.json === true ? `${JSON.stringify(json)}\n` : `${text}\n`, stderr: '', exitCode: 0 };
}
