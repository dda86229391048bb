/** The longest question the bot takes; Discord's /ask option uses the same limit. */
export const MAX_QUESTION_LENGTH = 1000;

// C0 and C1 control characters other than tab, newline and carriage return.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

// Private-use characters have no meaning shared with anyone (emoji fonts, custom glyphs).
const PRIVATE_USE = /[\uE000-\uF8FF]|[\u{F0000}-\u{FFFFD}]|[\u{100000}-\u{10FFFD}]/gu;

export type QuestionCheck = { ok: true; question: string } | { ok: false; message: string };

/** Checks a member's question; the message is shown to the member as it is. */
export function validateQuestion(raw: unknown): QuestionCheck {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { ok: false, message: 'Please type a question: the text is empty.' };
  }
  if (CONTROL.test(raw)) {
    return { ok: false, message: 'The question contains control characters (invisible formatting codes). Please send it as plain text.' };
  }
  if (!/[\p{L}\p{N}]/u.test(raw.replace(PRIVATE_USE, ''))) {
    return { ok: false, message: 'Please type your question in words: that message has no letters.' };
  }
  const question = raw.trim().replace(/\s+/g, ' ');
  if (question.length > MAX_QUESTION_LENGTH) {
    return {
      ok: false,
      message: `That question is ${question.length.toLocaleString('en-US')} characters long; please keep it under ${MAX_QUESTION_LENGTH.toLocaleString('en-US')} characters (one question at a time works best).`,
    };
  }
  return { ok: true, question };
}
