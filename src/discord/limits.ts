import type { APIEmbed, APIApplicationCommandOptionChoice } from 'discord.js';

/** Discord's limits, enforced here and nowhere else (docs: resources/message, interactions/application-commands). */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionDescription: 100,
  threadName: 100,
  /** Our own budget for a deterministic answer (an embed description may hold 4,096): room for the 6,000 total. */
  ruleReply: 3500,
} as const;

/** Shortens to at most `max` characters (code points), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

const length = (s: string | undefined) => (s ? [...s].length : 0);

export function embedLength(e: APIEmbed): number {
  return (
    length(e.title) +
    length(e.description) +
    length(e.footer?.text) +
    length(e.author?.name) +
    (e.fields ?? []).reduce((sum, f) => sum + length(f.name) + length(f.value), 0)
  );
}

/** Makes an embed fit every per-field limit and the 6,000-character total (fields go first, then the description shrinks). */
export function fitEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (out.title) out.title = truncate(out.title, LIMITS.embedTitle);
  if (out.description) out.description = truncate(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.author) };
  if (out.fields) {
    out.fields = out.fields
      .slice(0, LIMITS.embedFields)
      .map((f) => ({ ...f, name: truncate(f.name, LIMITS.fieldName), value: truncate(f.value, LIMITS.fieldValue) }));
  }
  while (embedLength(out) > LIMITS.embedTotal && out.fields && out.fields.length > 0) out.fields = out.fields.slice(0, -1);
  const excess = embedLength(out) - LIMITS.embedTotal;
  if (excess > 0 && out.description) out.description = truncate(out.description, length(out.description) - excess);
  return out;
}

/** At most 25 autocomplete choices, names and values within 100 characters. */
export function fitChoices<T extends string | number>(
  choices: readonly APIApplicationCommandOptionChoice<T>[],
): APIApplicationCommandOptionChoice<T>[] {
  return choices.slice(0, LIMITS.choices).map((c) => ({
    ...c,
    name: truncate(c.name, LIMITS.choiceName),
    value: (typeof c.value === 'string' ? truncate(c.value, LIMITS.choiceValue) : c.value) as T,
  }));
}
