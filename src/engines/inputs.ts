import { z } from 'zod';
import {
  backgroundSchema,
  degreeSchema,
  dutySchema,
  employerSchema,
  hspClaimSchema,
  jlptSchema,
  locationSchema,
  residenceStatusSchema,
} from '../kb/vocabulary.js';

/**
 * Input schemas of the three engines. The CLI and the Discord commands both validate with these, so a member gets the
 * same message whichever way they ask. Numbers may arrive as numbers (Discord) or strings (CLI).
 */

/** Accepts 6500000, "6500000" and "6,500,000"; anything else fails with `message`. */
function wholeNumber(message: string, min: number, max: number) {
  const toNumber = (v: unknown) =>
    typeof v === 'string' && /^\d{1,3}(?:[,_]?\d{3})*$|^\d+$/.test(v.trim()) ? Number(v.trim().replace(/[,_]/g, '')) : v;
  const fail = (issue: { input?: unknown }) =>
    issue.input === undefined ? `is required; ${message}` : `${JSON.stringify(issue.input)} is not valid; ${message}`;
  return z.preprocess(toNumber, z.number({ error: fail }).int({ error: fail }).min(min, { error: fail }).max(max, { error: fail }));
}

const yenPerYear = () => wholeNumber('give the annual salary in yen as a whole number, e.g. 6500000', 0, 1_000_000_000);

export const careerPathInputSchema = z.strictObject({
  jlpt: jlptSchema,
  background: backgroundSchema,
  /** Has in-demand technical skills (development, QA, IT support, data …). */
  technical: z.boolean().default(false),
  /** Where the member wants to work; defaults to the Tokyo area, where most non-teaching jobs are. */
  location: locationSchema.default('tokyo'),
  /** Needs an employer to sponsor a work visa (no permanent residency or spouse status). */
  sponsorship: z.boolean().default(false),
});
export type CareerPathInput = z.infer<typeof careerPathInputSchema>;

/** What /career-path assumes for the options a member leaves out (reports mark these values as assumed). */
export const CAREER_PATH_DEFAULTS = careerPathInputSchema.pick({ technical: true, location: true, sponsorship: true }).parse({});

export const visaCheckInputSchema = z.strictObject({
  status: residenceStatusSchema,
  currentWork: dutySchema,
  newWork: dutySchema,
  employer: employerSchema,
  /** Expected annual salary in yen for the new work. */
  salary: yenPerYear().optional(),
  /** Client-site work (SES) or dispatch work. */
  dispatch: z.boolean().default(false),
});
export type VisaCheckInput = z.infer<typeof visaCheckInputSchema>;

export const hspPointsInputSchema = z.strictObject({
  /** Age at application, in whole years. */
  age: wholeNumber('give your age at application in whole years, between 15 and 100', 15, 100),
  degree: degreeSchema,
  /** Years of experience in the job to be done, whole years. */
  experience: wholeNumber('give your years of work experience as a whole number, between 0 and 60', 0, 60),
  /** Expected annual salary in yen (bonuses count; commuting, family and housing allowances do not). */
  salary: yenPerYear(),
  jlpt: jlptSchema.default('none'),
  /** Business Japanese Proficiency Test score (0–800), if any. */
  bjt: wholeNumber('give the BJT score as a whole number between 0 and 800', 0, 800).optional(),
  /** Related Japanese national licences or IT-Notice exams: 0, 1, or 2 for two or more. */
  qualifications: wholeNumber('give 0, 1 or 2 (2 = two or more)', 0, 2).default(0),
  /** Yes/no claims (bonuses); see HSP_CLAIMS. */
  claims: z.array(hspClaimSchema).default([]),
});
export type HspPointsInput = z.infer<typeof hspPointsInputSchema>;
export type HspPointsRawInput = z.input<typeof hspPointsInputSchema>;

/** One line per problem, `field: message`, for the CLI (which renames fields to flags) and Discord. */
export function inputIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return { field: issue.keys.join(', '), message: 'is not a known option' };
    return { field: issue.path.map(String).join('.') || '(input)', message: issue.message };
  });
}
