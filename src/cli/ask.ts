import { parseArgs } from 'node:util';
import type { AskService } from '../answer/service.js';
import { answerJson, renderAnswerText } from './render.js';
import type { CliResult } from './result.js';

export const ASK_USAGE = `Usage:
  npm run -s cli -- ask "your question" [--json]
  npm run -s cli -- ask --batch < questions.txt     (one question per line; one JSON object per line)`;

const errorJson = (message: string) =>
  JSON.stringify({ answered: false, text: message, sources: [], confidence: 0, mode: 'none', error: message });

/** `ask`: answers one question, or with --batch every line of `stdin`. */
export async function runAsk(argv: string[], service: AskService, stdin: () => Promise<string>): Promise<CliResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, batch: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (err) {
    return { stdout: '', stderr: `${(err as Error).message}\n${ASK_USAGE}\n`, exitCode: 2 };
  }
  const { values, positionals } = parsed;
  if (values.help) return { stdout: `${ASK_USAGE}\n`, stderr: '', exitCode: 0 };

  if (values.batch) {
    if (positionals.length > 0)
      return { stdout: '', stderr: `--batch reads questions from stdin; drop the question argument.\n${ASK_USAGE}\n`, exitCode: 2 };
    const lines = (await stdin()).split(/\r?\n/).filter((l) => l.trim() !== '');
    const out: string[] = [];
    for (const line of lines) {
      const r = await service.ask(line, { origin: 'cli' });
      out.push(r.ok ? JSON.stringify(answerJson(r.view, service.kb)) : errorJson(r.message));
    }
    return { stdout: out.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
  }

  if (positionals.length > 1) {
    return { stdout: '', stderr: `Put the question in quotes: it must be one argument.\n${ASK_USAGE}\n`, exitCode: 2 };
  }
  const r = await service.ask(positionals[0] ?? '', { origin: 'cli' });
  if (!r.ok) return { stdout: values.json ? `${errorJson(r.message)}\n` : '', stderr: `${r.message}\n`, exitCode: 2 };
  return {
    stdout: values.json ? `${JSON.stringify(answerJson(r.view, service.kb))}\n` : `${renderAnswerText(r.view, service.kb)}\n`,
    stderr: '',
    exitCode: 0,
  };
}
