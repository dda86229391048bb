/** An expected problem the member can fix (bad option, missing permission): shown to them as it is, privately. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

export const GENERIC_ERROR = (reference: string) =>
  `Something went wrong on my side and I couldn't answer. If it keeps happening, tell a moderator the reference \`${reference}\`.`;
