import { BACKGROUNDS, CAREER_STATUSES, JLPT_LEVELS, LOCATIONS, labelOf, type CareerStatus } from '../kb/vocabulary.js';
import type { CareerPathResult } from './career-path.js';
import type { CareerPathInput } from './inputs.js';
import { sourcesOf, type Markup, type Report, type ReportKnowledge } from './report.js';

const MARK: Record<CareerStatus, string> = { open: '🟢', stretch: '🟡', closed: '🔴' };

/** One line describing the profile the answer was computed for, so a member can see what was assumed. */
export function describeCareerInput(input: CareerPathInput): string {
  return [
    labelOf(JLPT_LEVELS, input.jlpt),
    labelOf(BACKGROUNDS, input.background),
    input.technical ? 'in-demand technical skills' : 'no in-demand technical skills',
    labelOf(LOCATIONS, input.location),
    input.sponsorship ? 'needs visa sponsorship' : 'no sponsorship needed',
  ].join(' · ');
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
