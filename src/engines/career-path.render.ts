import type { RefIndex } from '../kb/refs.js';
import type { CareerPathRules } from '../kb/rules/career-path.js';
import { BACKGROUNDS, CAREER_STATUSES, JLPT_LEVELS, LOCATIONS, labelOf, type CareerStatus } from '../kb/vocabulary.js';
import type { CareerPathResult } from './career-path.js';
import type { CareerPathInput } from './inputs.js';
import { fitReply, renderSources } from './text.js';

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

/** The reply a member sees: one block per path (status, why, next), the footer, then the Sources section. */
export function renderCareerPath(result: CareerPathResult, input: CareerPathInput, rules: CareerPathRules, refs: RefIndex): string {
  const blocks = result.paths.map(
    (p) => `${MARK[p.status]} **${p.title}** — ${labelOf(CAREER_STATUSES, p.status).toLowerCase()}\n${p.why}\n↳ *Next:* ${p.next}`,
  );
  const body = [`**Career paths** for: ${describeCareerInput(input)}`, ...blocks, `-# ${rules.footer}`].join('\n\n');
  const allRefs = result.paths.flatMap((p) => p.sources);
  return fitReply(body, renderSources(refs, allRefs), renderSources(refs, allRefs, false));
}
