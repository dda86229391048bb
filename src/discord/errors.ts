/**
 * An expected problem the member can fix (bad option, missing permission): shown to them as it is, privately.
 * The message may quote what the member typed, so logs carry only `reason` (and `option`, a name), never the message.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
  constructor(
    message: string,
    /** A short, content-free reason for the log line, e.g. 'invalid-option'. */
    readonly reason = 'refused',
    /** The option concerned, by name. */
    readonly option?: string,
  ) {
    super(message);
  }
}

/** A button, select menu or form the bot no longer handles (an older version's, a forged one, or of the wrong kind). */
export class ExpiredComponent extends UserError {
  override readonly name = 'ExpiredComponent';
  constructor(what: 'button' | 'form' = 'button') {
    super(
      what === 'form'
        ? 'This form has expired. Run the command again.'
        : 'This button has expired. Run the command again to get a fresh one.',
      'expired-component',
    );
  }
}

export const GENERIC_ERROR = (reference: string) =>
  `Something went wrong on my side and I couldn't answer. If it keeps happening, tell a moderator the reference \`${reference}\`.`;
