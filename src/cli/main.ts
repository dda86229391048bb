import { createAnswerEngine } from '../answer/engine.js';
import { createAskService } from '../answer/service.js';
import { configFromEnvironment, describeConfigProblems } from '../config.js';
import { loadKnowledge } from '../kb/load.js';
import { formatProblems } from '../kb/problems.js';
import { createLogger } from '../logger.js';
import { KNOWLEDGE_DIR } from '../paths.js';
import { createStore, memoryStore } from '../store/store.js';
import { runAsk } from './ask.js';
import * as careerPath from './career-path.js';
import * as deadlines from './deadlines.js';
import * as hspPoints from './hsp-points.js';
import { runQueue } from './queue.js';
import type { CliResult } from './result.js';
import * as visaCheck from './visa-check.js';

const USAGE = `Japan career help bot — offline CLI (the same engines the Discord bot uses)

  npm run -s cli -- ask "question" [--json]       answer from the knowledge base
  npm run -s cli -- ask --batch < questions.txt   one JSON answer per input line
  npm run -s cli -- career-path --help            which career paths your JLPT level and background open
  npm run -s cli -- visa-check --help             does a job change fit your status of residence
  npm run -s cli -- hsp-points --help             Highly Skilled Professional points
  npm run -s cli -- deadlines --help              job-change and renewal deadlines, and when /remind would DM you
  npm run -s cli -- queue --guild ID [--json]      a server's curator queue, from the bot's store (STORE_URL)
`;

const fail = (stderr: string, exitCode = 2): CliResult => ({
  stdout: '',
  stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`,
  exitCode,
});

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<CliResult> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { stdout: USAGE, stderr: '', exitCode: command === undefined ? 2 : 0 };
  }
  // The CLI is quiet unless LOG_LEVEL asks for more; logs go to stderr, answers to stdout.
  const config = configFromEnvironment({ LOG_LEVEL: 'warn' });
  if (!config.ok) return fail(`Cannot run: ${describeConfigProblems(config.problems)}`);
  const logger = createLogger({ level: config.config.logLevel });
  if (command === 'queue') return runQueue(rest, () => createStore(config.config.storeUrl, logger));

  const loaded = await loadKnowledge(KNOWLEDGE_DIR);
  if (!loaded.ok) return fail(formatProblems(loaded.problems), 1);
  const kb = loaded.kb;

  switch (command) {
    case 'ask': {
      // With OPENAI_API_KEY or OPENAI_BASE_URL set, unconfident questions may get an AI draft grounded in the entries.
      // The CLI keeps its draft cache in memory for the run and applies no per-member limits.
      const drafter = config.config.llm
        ? (await import('../llm/fallback.js')).createLlmFallback(config.config.llm, logger, memoryStore()).forKnowledge(kb)
        : undefined;
      const service = createAskService({ engine: createAnswerEngine(kb), logger, drafter });
      return runAsk(rest, service, readStdin);
    }
    case 'career-path':
      return careerPath.run(rest, kb);
    case 'visa-check':
      return visaCheck.run(rest, kb);
    case 'hsp-points':
      return hspPoints.run(rest, kb);
    case 'deadlines':
      return deadlines.run(rest, kb);
    default:
      return fail(`Unknown command "${command}". Commands: ask, career-path, visa-check, hsp-points, deadlines, queue.\n\n${USAGE}`);
  }
}

try {
  const result = await main(process.argv.slice(2));
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.stdout) process.stdout.write(result.stdout);
  process.exitCode = result.exitCode;
} catch (err) {
  // Never a stack trace to the user.
  process.stderr.write(`Unexpected error: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
