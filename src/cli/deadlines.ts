import { japanDate, japanInstant, parseDate } from '../engines/calendar.js';
import { deadlineInputSchema, planDeadlines, type DeadlineInput } from '../engines/deadlines.js';
import { deadlinesReport } from '../engines/deadlines.report.js';
import type { KnowledgeBase } from '../kb/load.js';
import { runCommand, type CommandSpec } from './command-spec.js';
import { joinReport, TEXT_MARKUP } from './render.js';
import type { CliResult } from './result.js';

const fail = (message: string): CliResult => ({
  stdout: '',
  stderr: `deadlines: ${message}\nRun \`npm run -s cli -- deadlines --help\` for usage.\n`,
  exitCode: 2,
});

/** `--today` (for planning ahead, and for tests) or the real date in Japan; with it, "now" is that day's start. */
function clock(argv: readonly string[], now: number): { today: string; now: number } | string {
  const at = argv.findIndex((a) => a === '--today' || a.startsWith('--today='));
  if (at < 0) return { today: japanDate(now), now };
  const today = parseDate(argv[at]!.includes('=') ? argv[at]!.slice('--today='.length) : (argv[at + 1] ?? ''));
  return today ? { today, now: japanInstant(today) } : '--today needs a date written YYYY-MM-DD, e.g. 2027-01-15';
}

/** `deadlines`: the dates /remind would remind a member about, from the day they left or joined and their expiry date. */
export function run(argv: string[], kb: KnowledgeBase, now: () => number = Date.now): CliResult {
  const time = clock(argv, now());
  if (typeof time === 'string') return fail(time);
  const rules = kb.rules.deadlines;
  const spec: CommandSpec<DeadlineInput> = {
    name: 'deadlines',
    summary:
      'The deadlines that follow from a job change or a residence card expiry date, and the days /remind would DM you about them (dates in Japan; general information, not legal advice).',
    example: '--left 2027-01-31 --joined 2027-02-15',
    flags: [
      { flag: 'left', field: 'left', type: 'string', help: 'the day you left (or will leave) your employer', value: 'YYYY-MM-DD' },
      { flag: 'joined', field: 'joined', type: 'string', help: 'the day you joined (or will join) the new one', value: 'YYYY-MM-DD' },
      { flag: 'expiry', field: 'expiry', type: 'string', help: 'the expiry date on your residence card', value: 'YYYY-MM-DD' },
      {
        flag: 'today',
        field: '',
        type: 'string',
        help: 'compute as if today in Japan were this date (default: today)',
        value: 'YYYY-MM-DD',
      },
    ],
    schema: deadlineInputSchema(rules, time.today),
    toRaw: (values) =>
      Object.fromEntries((['left', 'joined', 'expiry'] as const).filter((f) => values[f] !== undefined).map((f) => [f, values[f]])),
    execute: (input) => {
      const deadlines = planDeadlines(rules, input);
      const text = joinReport(deadlinesReport(deadlines, input, kb, TEXT_MARKUP, time.now));
      const json = deadlines.map((d) => ({
        id: d.id,
        title: d.title,
        from: d.from,
        opens: d.opens ?? null,
        due: d.due,
        reminders: d.reminders.map((r) => ({ date: r.date, at: new Date(r.at).toISOString(), label: r.label, past: r.at <= time.now })),
        sources: d.sources,
      }));
      return { json: { deadlines: json, text }, text };
    },
  };
  return runCommand(argv, spec);
}
