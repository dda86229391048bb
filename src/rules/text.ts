/** Small text helpers shared by the engines and renderers. */

/** Discord messages may hold 4,000 characters; replies stay well inside that. */
export const MAX_REPLY = 3500;

export const formatYen = (yen: number): string => `¥${yen.toLocaleString('en-US')}`;

/** `{name}` placeholders in a rule text. */
export const placeholders = (template: string): string[] => [...template.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] ?? '');

/** Replaces `{name}` placeholders; unknown names are left as written (validation reports them earlier). */
export function fill(template: string, vars: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/**
 * Joins a reply from its body and Sources section, keeping it within MAX_REPLY: first the long Sources form, then the
 * short one, then a truncated body. Deterministic, so the same input always gives the same text.
 */
export function fitReply(body: string, sources: string, shortSources: string, footer = ''): string {
  const join = (s: string) => [body, s, footer].filter(Boolean).join('\n\n');
  const full = join(sources);
  if (full.length <= MAX_REPLY) return full;
  const short = join(shortSources);
  if (short.length <= MAX_REPLY) return short;
  const room = MAX_REPLY - (short.length - body.length) - 1;
  return [`${body.slice(0, Math.max(0, room))}…`, shortSources, footer].filter(Boolean).join('\n\n');
}
