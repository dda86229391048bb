/** Text helpers for knowledge texts: `{name}` placeholders and how numbers are written in them. */

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/** `{name}` placeholders in a text. */
export const placeholders = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');

/** Replaces `{name}` placeholders; unknown names are left as written (validation reports them). */
export function fill(template: string, vars: Readonly<Record<string, string | undefined>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => vars[name] ?? whole);
}

const THOUSANDS = /\B(?=(\d{3})+$)/g;
/**
 * ¥6,500,000: whole amounts grouped by hand (the same text as `toLocaleString('en-US')`, without initialising ICU's
 * number formatting at start-up), anything else by `toLocaleString`.
 */
export const formatYen = (yen: number): string =>
  `¥${Number.isSafeInteger(yen) && !Object.is(yen, -0) ? String(yen).replace(THOUSANDS, ',') : yen.toLocaleString('en-US')}`;

/** ¥10M, ¥6.5M; amounts that are not a round hundred thousand are written in full. */
export const formatYenShort = (yen: number): string => (yen % 100_000 === 0 && yen >= 1_000_000 ? `¥${yen / 1_000_000}M` : formatYen(yen));

/** 1 year, 3 years */
export const years = (n: number): string => `${n} year${n === 1 ? '' : 's'}`;

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Small counts as words ("two or more"), larger ones as digits. */
export const countInWords = (n: number): string => WORDS[n] ?? String(n);
