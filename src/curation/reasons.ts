/** Why a member found an answer unhelpful: the choices of the 👎 form, as stored, counted and exported. */
export const REASONS = ['wrong-topic', 'out-of-date', 'unclear', 'missing', 'other'] as const;
export type Reason = (typeof REASONS)[number];

/** How each reason is offered to members and shown to curators. */
export const REASON_LABELS: Readonly<Record<Reason, string>> = {
  'wrong-topic': 'Wrong topic',
  'out-of-date': 'Out of date',
  unclear: 'Unclear',
  missing: 'Missing something',
  other: 'Other',
};

/** A member's optional words with a 👎, at most this many characters. */
export const COMMENT_MAX = 300;

export const isReason = (value: unknown): value is Reason => typeof value === 'string' && (REASONS as readonly string[]).includes(value);

/**
 * A member's comment as stored: control characters and runs of whitespace become single spaces, trimmed, at most
 * COMMENT_MAX characters (a forged form may send more than the form allows). Empty → undefined.
 */
export function cleanComment(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\s]+/gu, ' ').trim();
  const chars = [...flat];
  return chars.length === 0 ? undefined : chars.slice(0, COMMENT_MAX).join('').trimEnd();
}

/** A member's feedback on one answer beyond the 👎 itself. */
export interface Because {
  reason: Reason;
  comment?: string | undefined;
}
