import type { APIEmbed } from 'discord.js';
import type { CareerPathResult } from '../engines/career-path.js';
import { careerPathReport } from '../engines/career-path.report.js';
import type { DeadlineInput, PlannedDeadline, PlannedReminder } from '../engines/deadlines.js';
import { deadlinesReport, reminderReport } from '../engines/deadlines.report.js';
import type { HspPointsOutcome } from '../engines/hsp-points.js';
import { hspPointsReport } from '../engines/hsp-points.report.js';
import type { CareerPathInput, VisaCheckInput } from '../engines/inputs.js';
import type { Markup, Report, ReportKnowledge } from '../engines/report.js';
import type { VisaCheckResult } from '../engines/visa-check.js';
import { visaCheckReport } from '../engines/visa-check.report.js';
import { fitEmbed, LIMITS } from './limits.js';
import { NO_MENTIONS } from './render.js';

/** Discord Markdown for the deterministic engines' reports. */
export const DISCORD_MARKUP: Markup = {
  bold: (t) => `**${t}**`,
  italic: (t) => `*${t}*`,
  link: (title, url) => `[${title}](<${url}>)`,
  code: (t) => `\`${t}\``,
  small: (t) => `-# ${t}`,
  date: (_d, instant) => `<t:${Math.floor(instant / 1000)}:D>`,
};

/**
 * Joins a report within LIMITS.ruleReply: first with the long Sources form, then the short one, then with the body
 * cut. Deterministic, so the same input always gives the same text.
 */
export function fitReport({ body, sources, shortSources, footer }: Report): string {
  const max = LIMITS.ruleReply;
  const join = (s: string) => [body, s, footer].filter(Boolean).join('\n\n');
  const full = join(sources);
  if (full.length <= max) return full;
  const short = join(shortSources);
  if (short.length <= max) return short;
  const room = max - (short.length - body.length) - 1;
  return [`${body.slice(0, Math.max(0, room))}…`, shortSources, footer].filter(Boolean).join('\n\n');
}

const COLOR = 0x1565c0;
const embed = (title: string, report: Report): APIEmbed => fitEmbed({ title, description: fitReport(report), color: COLOR });

/** /career-path's answer as an embed: every path with its status, why and next step, and the sources. */
export function renderCareerPathForDiscord(result: CareerPathResult, input: CareerPathInput, kb: ReportKnowledge): APIEmbed {
  return embed('Career paths for your profile', careerPathReport(result, input, kb, DISCORD_MARKUP));
}

/** /visa-check's answer as an embed: the verdict, reasons, filings, risk flags, sources and the disclaimer. */
export function renderVisaCheckForDiscord(result: VisaCheckResult, input: VisaCheckInput, kb: ReportKnowledge): APIEmbed {
  return embed('Visa check', visaCheckReport(result, input, kb, DISCORD_MARKUP));
}

/** /hsp-points' answer as an embed: the total, one line per criterion, permanent-residency timing and sources. */
export function renderHspPointsForDiscord(outcome: HspPointsOutcome, kb: ReportKnowledge): APIEmbed {
  return embed('Highly Skilled Professional points', hspPointsReport(outcome, kb, DISCORD_MARKUP));
}

/** /remind set's answer: every deadline that follows from the member's dates, with when the DMs go out. */
export function renderDeadlinesForDiscord(
  deadlines: readonly PlannedDeadline[],
  input: DeadlineInput,
  kb: ReportKnowledge,
  now: number,
): APIEmbed {
  return embed('Your deadlines', deadlinesReport(deadlines, input, kb, DISCORD_MARKUP, now));
}

/** One reminder as a DM; `lateSince` (the instant it was due) adds a note that it comes late. */
export function renderReminderForDiscord(d: PlannedDeadline, r: PlannedReminder, kb: ReportKnowledge, lateSince?: number): APIEmbed {
  return embed('Reminder', reminderReport(d, r, kb, DISCORD_MARKUP, lateSince));
}

/** A message carrying one deterministic answer (an embed from the renderers above); `note` becomes its footer. */
export function ruleMessage(answer: APIEmbed, note?: string) {
  return { embeds: [note === undefined ? answer : fitEmbed({ ...answer, footer: { text: note } })], allowedMentions: NO_MENTIONS };
}
