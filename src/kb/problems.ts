import type { z } from 'zod';

/** One thing wrong with the knowledge base, located precisely enough for a curator to fix it. */
export interface Problem {
  /** Path relative to the knowledge directory, e.g. `entries/visa/job-change-notification.md`. */
  file: string;
  /** Dotted field path inside the file (`keywords.3`), or `(file)` for the file as a whole. */
  field: string;
  message: string;
}

/**
 * How knowledge files are parsed with zod: without its JIT. Each object schema would otherwise compile a parser with
 * `new Function` on its first parse, which costs more than it saves when every file is parsed once per load (the
 * checks are the same either way).
 */
export const PARSE_ONCE = { jitless: true } as const;

export function zodProblems(file: string, error: z.ZodError, prefix = ''): Problem[] {
  return error.issues.map((issue) => ({
    file,
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(file)',
    message: issue.message,
  }));
}

export function formatProblems(problems: readonly Problem[]): string {
  const lines = problems.map((p) => `  ${p.file} › ${p.field}: ${p.message}`);
  return `The knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

/** Thrown when the bot or CLI starts on an invalid knowledge base; the message is the full problem list. */
export class KnowledgeBaseError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.name = 'KnowledgeBaseError';
  }
}
