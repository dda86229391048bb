import type { Period } from '../kb/rules/deadlines.js';

/**
 * Calendar dates in Japan (Asia/Tokyo: UTC+9 all year, no daylight saving), as `YYYY-MM-DD` strings, and the instants
 * they stand for. Plain functions on UTC arithmetic, so the result never depends on the machine's time zone.
 */
export type IsoDate = string;

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** What members type: 2027-01-31, 2027/1/31, 2027.01.31. */
const LOOSE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const fromUtc = (ms: number): IsoDate => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const parts = (date: IsoDate): [number, number, number] => {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};
const toUtc = (date: IsoDate): number => {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
};

/** A real calendar date written as members write it, normalised to YYYY-MM-DD; undefined for anything else (2027-02-30). */
export function parseDate(text: string): IsoDate | undefined {
  const m = LOOSE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  return mo >= 1 && mo <= 12 && d >= 1 && fromUtc(Date.UTC(y, mo - 1, d)) === date ? date : undefined;
}

/** The date in Japan at an instant (ms since the epoch). */
export function japanDate(instant: number): IsoDate {
  return fromUtc(instant + JAPAN_OFFSET_MS);
}

/** The instant a date's given hour starts in Japan (hour 24 = the end of the day). */
export function japanInstant(date: IsoDate, hour = 0): number {
  return toUtc(date) + hour * 60 * 60 * 1000 - JAPAN_OFFSET_MS;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** The same day `months` later (or earlier), or that month's last day when it is shorter (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(d, last)));
}

/** `date` moved by a period, forwards (sign 1) or backwards (-1). */
export function shift(date: IsoDate, period: Period, sign: 1 | -1): IsoDate {
  switch (period.unit) {
    case 'day':
      return addDays(date, sign * period.n);
    case 'week':
      return addDays(date, sign * 7 * period.n);
    case 'month':
      return addMonths(date, sign * period.n);
    case 'year':
      return addMonths(date, sign * 12 * period.n);
  }
}

/** Negative, zero or positive as `a` is before, the same as or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
