import { BACKGROUNDS, CAREER_STATUSES, JLPT_LEVELS, LOCATIONS, labelOf, type CareerStatus } from '../kb/vocabulary.js';
import type { CareerPathResult } from './career-path.js';
import { CAREER_PATH_DEFAULTS, type CareerPathInput } from './inputs.js';
import { sourcesOf, type Markup, type Report, type ReportKnowledge } from './report.js';

const MARK: Record<CareerStatus, string> = { open: '🟢', stretch: '🟡', closed: '🔴' };

/**
 * The profile the answer was computed for, so a member can see what was assumed: what they gave (or changed from the
 * defaults) on the first line, and the defaults still in force on a second, marked as assumed.
 */
export function describeCareerInput(input: CareerPathInput): string {
  const stated = [labelOf(JLPT_LEVELS, input.jlpt), labelOf(BACKGROUNDS, input.background)];
  const assumed: string[] = [];
  const add = (isDefault: boolean, text: string) => (isDefault ? assumed : stated).push(text);
  add(input.technical === CAREER_PATH_DEFAULTS.technical, input.technical ? 'in-demand technical skills' : 'no in-demand technical skills');
  add(input.location === CAREER_PATH_DEFAULTS.location, labelOf(LOCATIONS, input.location));
  add(input.sponsorship === CAREER_PATH_DEFAULTS.sponsorship, input.sponsorship ? 'needs visa sponsorship' : 'no sponsorship needed');
  return [stated.join(' · '), ...(assumed.length > 0 ? [`Assumed unless you say otherwise: ${assumed.join(' · ')}`] : [])].join('\n');
}

/** What a member sees: one block per path (status, why, next), the footer, then the Sources section. */
export function careerPathReport(result: CareerPathResult, input: CareerPathInput, kb: ReportKnowledge, m: Markup): Report {
  const blocks = result.paths.map(
    (p) =>
      `${MARK[p.status]} ${m.bold(p.title)} — ${labelOf(CAREER_STATUSES, p.status).toLowerCase()}\n${p.why}\n↳ ${m.italic('Next:')} ${p.next}`,
  );
  const body = [`${m.bold('Career paths')} for: ${describeCareerInput(input)}`, ...blocks, m.small(kb.rules.careerPath.footer)].join(
    '\n\n',
  );
  return {
    body,
    ...sourcesOf(
      kb,
      result.paths.flatMap((p) => p.sources),
      m,
    ),
    footer: '',
  };
}
