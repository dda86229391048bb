import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, japanDate, japanInstant, parseDate } from '../../src/engines/calendar.js';
import { deadlineInputSchema, endOfDay, planDeadlines, upcomingReminders, type DeadlineInput } from '../../src/engines/deadlines.js';
import { deadlinesReport } from '../../src/engines/deadlines.report.js';
import { parseDeadlineRules } from '../../src/kb/rules/load.js';
import type { DeadlineRules } from '../../src/kb/rules/deadlines.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { DISCORD_MARKUP } from '../../src/discord/render-rules.js';
import { engineKb, realRefs, realRuleText } from '../support/rules.js';

let kb: KnowledgeBase;
let rules: DeadlineRules;
beforeAll(async () => {
  kb = await engineKb();
  rules = kb.rules.deadlines;
});

const utc = (iso: string) => Date.parse(iso);

describe('calendar dates in Japan', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-28', 'month end → shorter month'],
    ['2028-01-31', 1, '2028-02-29', 'leap year'],
    ['2027-01-30', 3, '2027-04-30', 'thirty-first does not exist'],
    ['2027-01-31', 3, '2027-04-30', 'the 3-month rule from 31 January'],
    ['2027-11-30', 3, '2028-02-29', 'across a year into a leap February'],
    ['2027-05-31', -3, '2027-02-28', 'backwards to February'],
    ['2028-05-31', -3, '2028-02-29', 'backwards to a leap February'],
    ['2027-03-31', -1, '2027-02-28', 'one month before 31 March'],
    ['2027-12-15', 1, '2028-01-15', 'across the year'],
    ['2027-01-15', -12, '2026-01-15', 'a year back'],
    ['2028-02-29', 12, '2029-02-28', 'a year after a leap day'],
  ])('%s %+d months = %s (%s)', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it.each([
    ['2027-01-31', 14, '2027-02-14'],
    ['2027-12-25', 14, '2028-01-08'],
    ['2028-02-20', 14, '2028-03-05'],
    ['2027-02-20', 14, '2027-03-06'],
    ['2027-03-14', -14, '2027-02-28'],
  ])('%s %+d days = %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it.each([
    ['2027-01-31T14:59:59Z', '2027-01-31', 'one second before midnight in Japan'],
    ['2027-01-31T15:00:00Z', '2027-02-01', 'midnight in Japan, still 31 January in UTC'],
    ['2027-12-31T16:00:00Z', '2028-01-01', 'new year in Japan first'],
    ['2027-06-30T23:00:00Z', '2027-07-01', 'no daylight saving in summer'],
  ])('at %s the date in Japan is %s (%s)', (instant, expected) => {
    expect(japanDate(utc(instant))).toBe(expected);
  });

  it('puts a Japan date and hour on the right instant, and a day ends at 23:59:59 Japan time', () => {
    expect(new Date(japanInstant('2027-02-14', 9)).toISOString()).toBe('2027-02-14T00:00:00.000Z');
    expect(new Date(japanInstant('2027-02-14')).toISOString()).toBe('2027-02-13T15:00:00.000Z');
    expect(new Date(endOfDay('2027-02-14')).toISOString()).toBe('2027-02-14T14:59:59.000Z');
  });

  it.each([
    ['2027-01-31', '2027-01-31'],
    ['2027/1/5', '2027-01-05'],
    ['2027.02.28', '2027-02-28'],
    ['2028-02-29', '2028-02-29'],
    ['2027-02-29', undefined],
    ['2027-02-30', undefined],
    ['2027-13-01', undefined],
    ['2027-00-10', undefined],
    ['31/01/2027', undefined],
    ['tomorrow', undefined],
  ])('parses %s as %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });
});

/** The dates a plan reminds about, as `id key date`. */
const reminders = (input: DeadlineInput) => planDeadlines(rules, input).flatMap((d) => d.reminders.map((r) => `${r.key} ${r.date}`));
const dues = (input: DeadlineInput) => planDeadlines(rules, input).map((d) => `${d.id} ${d.opens ?? '-'}→${d.due}`);

describe('the deadlines of a job change (knowledge/rules/deadlines.yaml)', () => {
  it('left 31 January and joined 15 February: two 14-day notices, reminders when each opens and 3 days before it closes', () => {
    expect(dues({ left: '2027-01-31', joined: '2027-02-15' })).toEqual([
      'notice-left 2027-01-31→2027-02-14',
      'notice-joined 2027-02-15→2027-03-01',
    ]);
    expect(reminders({ left: '2027-01-31', joined: '2027-02-15' })).toEqual([
      'notice-left:opens 2027-01-31',
      'notice-left:before-due-3-days 2027-02-11',
      'notice-joined:opens 2027-02-15',
      'notice-joined:before-due-3-days 2027-02-26',
    ]);
  });

  it('only left: the notice, and the 3-month revocation risk (2 weeks before and on the day), counted to the month end', () => {
    expect(dues({ left: '2027-01-31' })).toEqual(['notice-left 2027-01-31→2027-02-14', 'activity-gap -→2027-04-30']);
    expect(reminders({ left: '2027-11-30' })).toEqual([
      'notice-left:opens 2027-11-30',
      'notice-left:before-due-3-days 2027-12-11',
      'activity-gap:before-due-2-weeks 2028-02-15',
      'activity-gap:due 2028-02-29',
    ]);
  });

  it('joining after the three months still warns about the gap; joining on its last day does not', () => {
    expect(dues({ left: '2027-01-31', joined: '2027-05-10' }).map((d) => d.split(' ')[0])).toEqual([
      'notice-left',
      'notice-joined',
      'activity-gap',
    ]);
    expect(dues({ left: '2027-01-31', joined: '2027-04-30' }).map((d) => d.split(' ')[0])).toEqual(['notice-left', 'notice-joined']);
  });

  it('the notice due date crosses a leap February', () => {
    expect(dues({ joined: '2028-02-20' })).toEqual(['notice-joined 2028-02-20→2028-03-05']);
  });

  it('reminders go out at 09:00 Japan time (00:00 UTC) and the deadline ends at midnight Japan time', () => {
    const [notice] = planDeadlines(rules, { left: '2027-01-31' });
    expect(notice?.reminders.map((r) => new Date(r.at).toISOString())).toEqual(['2027-01-31T00:00:00.000Z', '2027-02-11T00:00:00.000Z']);
    expect(new Date(notice!.dueAt).toISOString()).toBe('2027-02-14T14:59:59.000Z');
  });
});

describe('the deadlines of a residence card expiry', () => {
  it.each([
    ['2027-11-30', '2027-08-30', ['2027-08-30', '2027-10-30', '2027-11-16']],
    ['2027-05-31', '2027-02-28', ['2027-02-28', '2027-04-30', '2027-05-17']],
    ['2028-05-31', '2028-02-29', ['2028-02-29', '2028-04-30', '2028-05-17']],
    ['2028-03-10', '2027-12-10', ['2027-12-10', '2028-02-10', '2028-02-25']],
    ['2028-03-01', '2027-12-01', ['2027-12-01', '2028-02-01', '2028-02-16']],
  ])('expiry %s: renewal from %s; reminders at 3 months, 1 month and 2 weeks before', (expiry, opens, dates) => {
    const [renewal] = planDeadlines(rules, { expiry });
    expect(renewal?.opens).toBe(opens);
    expect(renewal?.due).toBe(expiry);
    expect(renewal?.reminders.map((r) => r.date)).toEqual(dates);
  });

  it('a reminder already past at `now` is not upcoming', () => {
    const plan = planDeadlines(rules, { expiry: '2027-11-30' });
    const now = japanInstant('2027-10-30', 9); // the 1-month reminder's own instant: sent, not upcoming
    expect(upcomingReminders(plan, now).map((u) => u.reminder.date)).toEqual(['2027-11-16']);
  });
});

describe('what a member may give', () => {
  const check = (input: Record<string, string>, today = '2027-01-15') => {
    const r = deadlineInputSchema(rules, today).safeParse(input);
    return r.success ? r.data : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts dates as members type them and normalises them', () => {
    expect(check({ left: '2027/1/31', joined: '2027-2-15' })).toEqual({ left: '2027-01-31', joined: '2027-02-15' });
  });

  it('refuses a past expiry, a year 3000, an impossible date, no date at all and joining before leaving', () => {
    expect(check({ expiry: '2027-01-14' })).toEqual(['expiry: 2027-01-14 is in the past (today in Japan is 2027-01-15)']);
    expect(check({ expiry: '2027-01-15' })).toEqual({ expiry: '2027-01-15' });
    expect(check({ expiry: '3000-01-01' })).toEqual(['expiry: 3000-01-01 is more than 5 years from today (2027-01-15); check the year']);
    expect(check({ expiry: '2032-01-15' })).toEqual({ expiry: '2032-01-15' });
    expect(check({ left: '2027-02-30' })).toEqual([
      'left: "2027-02-30" is not a date; write the day you left as YYYY-MM-DD, e.g. 2027-01-31',
    ]);
    expect(check({ left: '2025-01-14' })).toEqual(['left: 2025-01-14 is more than 1 year ago (today in Japan is 2027-01-15)']);
    expect(check({})).toEqual(['(input): give at least one date: left, joined or expiry']);
    expect(check({ left: '2027-02-15', joined: '2027-01-31' })).toEqual(['joined: is before the day you left; give the dates in order']);
  });

  it('judges "past" by the date in Japan, not in UTC', () => {
    // 2027-01-31T16:00Z is already 1 February in Japan: an expiry of 31 January has passed there.
    const today = japanDate(utc('2027-01-31T16:00:00Z'));
    expect(check({ expiry: '2027-01-31' }, today)).toEqual(['expiry: 2027-01-31 is in the past (today in Japan is 2027-02-01)']);
    expect(check({ expiry: '2027-01-31' }, japanDate(utc('2027-01-31T14:00:00Z')))).toEqual({ expiry: '2027-01-31' });
  });
});

describe('the report', () => {
  it('shows dates as Discord timestamps in Discord, with the facts filled in and the sources', () => {
    const input = { left: '2027-01-31' };
    const report = deadlinesReport(planDeadlines(rules, input), input, kb, DISCORD_MARKUP, utc('2027-01-20T00:00:00Z'));
    expect(report.body).toContain(`**<t:${endOfDay('2027-02-14') / 1000}:D>**`);
    expect(report.body).toContain('within 14 days of leaving');
    expect(report.body).toContain('3 months without working under your status');
    expect(report.body).not.toMatch(/\{\{|\{due\}|\{opens\}/);
    expect(report.sources).toContain('Art. 19-16');
  });
});

describe('a broken deadlines table', () => {
  it('reports a period that is not one, an unknown placeholder and a reminder when a window opens that has no opening', async () => {
    let text = await realRuleText('deadlines');
    text = text.replace('remind: [{ before_due: 2 weeks }, due]', 'remind: [{ before_due: fortnight }, opens]');
    text = text.replace('by **{due}**. File it online', 'by **{deadline}**. File it online');
    const result = parseDeadlineRules(text, await realRefs());
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'deadlines.2.remind.0.before_due',
          message: expect.stringContaining('"fortnight" is not a period') as string,
        }),
      ]),
    );
    const second = parseDeadlineRules(
      (await realRuleText('deadlines'))
        .replace('remind: [{ before_due: 2 weeks }, due]', 'remind: [opens, due]')
        .replace('by **{due}**. File it online', 'by **{deadline}**. File it online'),
      await realRefs(),
    );
    expect(second.ok ? [] : second.problems).toEqual([
      { file: 'rules/deadlines.yaml', field: 'deadlines.0.text', message: 'unknown placeholder {deadline} (use {opens} or {due})' },
      {
        file: 'rules/deadlines.yaml',
        field: 'deadlines.2.opens',
        message: 'the reminders or the text use {opens}: say when the window opens',
      },
    ]);
  });

  it('reports a fact whose value is not a period', async () => {
    const refs = await realRefs();
    const facts = new Map(refs.facts);
    facts.set('renewal-window', { ...facts.get('renewal-window')!, value: 'about a quarter' });
    const result = parseDeadlineRules(await realRuleText('deadlines'), { ...refs, facts });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({
        file: 'rules/deadlines.yaml',
        field: 'deadlines.3.opens.before',
        message: expect.stringContaining('"about a quarter" is not a period') as string,
      }),
    ]);
  });
});
