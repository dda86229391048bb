import { uniqueRefs } from '../kb/refs.js';
import type { HspPointsRules } from '../kb/rules/hsp-points.js';
import { JLPT_LEVELS, labelOf } from '../kb/vocabulary.js';
import type { HspPointsInput } from './inputs.js';
import { fill, formatYen } from '../kb/text.js';

export interface HspLine {
  /** The criterion and the rule applied, e.g. "Age (28): under 30". */
  label: string;
  points: number;
}
export interface HspPointsResult {
  total: number;
  lines: HspLine[];
  qualifies: boolean;
  permanentResidencyAfterYears: 1 | 3 | null;
}
/** The result plus what the renderer explains; the CLI's JSON shows only HspPointsResult's fields. */
export interface HspPointsOutcome extends HspPointsResult {
  belowFloor: boolean;
  prText: string;
  sources: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function japaneseLine(rules: HspPointsRules, input: HspPointsInput): HspLine {
  const { japanese } = rules;
  const claimed = [
    ...(input.jlpt === 'none' ? [] : [labelOf(JLPT_LEVELS, input.jlpt)]),
    ...(input.bjt === undefined ? [] : [`BJT ${input.bjt}`]),
    ...(input.claims.includes('japanese-major') ? ['Japanese major'] : []),
  ];
  const head = `${japanese.label}${claimed.length > 0 ? ` (${claimed.join(', ')})` : ''}`;
  const level = japanese.levels.find(
    (l) =>
      l.jlpt.includes(input.jlpt) ||
      (l.bjt_min !== undefined && input.bjt !== undefined && input.bjt >= l.bjt_min) ||
      l.claims.some((c) => input.claims.includes(c)),
  );
  if (!level) return { label: `${head}: ${japanese.none_label}`, points: 0 };
  if (level.excluded_by.some((c) => input.claims.includes(c)))
    return { label: `${head}: ${level.excluded_label ?? level.label}`, points: 0 };
  return { label: `${head}: ${level.label}`, points: level.points };
}

/** The degree line, and the multiple-degrees line when claimed. */
function academicLines({ academic }: HspPointsRules, input: HspPointsInput): HspLine[] {
  const degree = academic.degrees[input.degree];
  const lines: HspLine[] = [{ label: `${academic.label}: ${degree.label}`, points: degree.points }];
  const multi = academic.multiple_degrees;
  if (input.claims.includes(multi.claim)) {
    const eligible = multi.degrees.includes(input.degree);
    lines.push({ label: eligible ? multi.label : multi.not_eligible, points: eligible ? multi.points : 0 });
  }
  return lines;
}

/** The salary line: its band, unless the band has an age limit the member is over. */
function salaryLine({ salary }: HspPointsRules, input: HspPointsInput): HspLine {
  const band = salary.bands.find((b) => input.salary >= b.min_yen);
  const head = `${salary.label} (${formatYen(input.salary)} at age ${input.age})`;
  if (band?.max_age !== undefined && input.age > band.max_age) {
    return { label: `${head}: ${fill(salary.too_old, { band: band.label, age: String(input.age) })}`, points: 0 };
  }
  return { label: `${head}: ${band?.label ?? '—'}`, points: band?.points ?? 0 };
}

/** A line per bonus fully claimed (with its sources), or its `partial` explanation when only partly claimed. */
function bonusLines(rules: HspPointsRules, input: HspPointsInput): { lines: HspLine[]; sources: string[][] } {
  const lines: HspLine[] = [];
  const sources: string[][] = [];
  for (const bonus of rules.bonuses) {
    const have = bonus.requires.filter((c) => input.claims.includes(c));
    if (have.length === bonus.requires.length) {
      lines.push({ label: bonus.label, points: bonus.points });
      sources.push(bonus.sources);
    } else if (have.length > 0 && bonus.partial) {
      lines.push({ label: bonus.partial, points: 0 });
    }
  }
  return { lines, sources };
}

/**
 * Highly Skilled Professional (i)(b) points from the table: one line per criterion (the rule applied and its points),
 * the total, whether it qualifies (threshold and salary floor) and when permanent residency becomes possible.
 */
export function computeHspOutcome(rules: HspPointsRules, input: HspPointsInput): HspPointsOutcome {
  const { academic, experience, salary, age, qualifications } = rules;
  const lines: HspLine[] = academicLines(rules, input);

  const exp = experience.bands.find((b) => input.experience >= b.min_years);
  lines.push({ label: `${experience.label} (${plural(input.experience, 'year')}): ${exp?.label ?? '—'}`, points: exp?.points ?? 0 });
  lines.push(salaryLine(rules, input));
  const ageBand = age.bands.find((b) => b.max_age === undefined || input.age <= b.max_age);
  lines.push({ label: `${age.label} (${input.age}): ${ageBand?.label ?? '—'}`, points: ageBand?.points ?? 0 });
  lines.push(japaneseLine(rules, input));
  const qual = qualifications.bands.find((b) => input.qualifications >= b.min_count);
  if (qual) lines.push({ label: `${qualifications.label} (${input.qualifications}): ${qual.label}`, points: qual.points });
  const bonuses = bonusLines(rules, input);
  lines.push(...bonuses.lines);
  const bonusSources = bonuses.sources;

  const belowFloor = input.salary < rules.salary_floor.yen;
  if (belowFloor)
    lines.push({
      label: fill(rules.salary_floor.label, { salary: formatYen(input.salary), floor: formatYen(rules.salary_floor.yen) }),
      points: 0,
    });

  const total = lines.reduce((sum, l) => sum + l.points, 0);
  const qualifies = !belowFloor && total >= rules.threshold;
  const route = qualifies ? rules.permanent_residency.routes.find((r) => total >= r.min_points) : undefined;
  return {
    total,
    lines,
    qualifies,
    permanentResidencyAfterYears: route?.years ?? null,
    belowFloor,
    prText: route?.text ?? rules.permanent_residency.none,
    sources: uniqueRefs(
      academic.sources,
      experience.sources,
      salary.sources,
      age.sources,
      rules.japanese.sources,
      ...(qual ? [qualifications.sources] : []),
      ...bonusSources,
      ...(belowFloor ? [rules.salary_floor.sources] : []),
      rules.permanent_residency.sources,
    ),
  };
}

/** The structured result of the contract: total, lines, qualifies, permanentResidencyAfterYears. */
export function computeHspPoints(rules: HspPointsRules, input: HspPointsInput): HspPointsResult {
  const { total, lines, qualifies, permanentResidencyAfterYears } = computeHspOutcome(rules, input);
  return { total, lines, qualifies, permanentResidencyAfterYears };
}
