import { uniqueRefs, type RefIndex } from '../kb/refs.js';

/** Small text helpers shared by the engines and renderers. */

/** Discord messages may hold 4,000 characters; replies stay well inside that. */
export const MAX_REPLY = 3500;

export const formatYen = (yen: number): string => `¥${yen.toLocaleString('en-US')}`;

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

/**
 * The Sources section a member sees: guide titles (with the sections cited), then public sources as masked links.
 * `withUrls: false` gives a shorter form used when a reply would otherwise exceed Discord's limit.
 */
export function renderSources(index: RefIndex, refs: readonly string[], withUrls = true): string {
  const guides = new Map<string, { title: string; sections: string[] }>();
  const lines: string[] = [];
  for (const ref of uniqueRefs(refs)) {
    const section = index.sections.get(ref);
    if (section) {
      const entry = guides.get(section.guideId) ?? { title: section.guideTitle, sections: [] };
      entry.sections.push(section.sectionTitle);
      guides.set(section.guideId, entry);
      continue;
    }
    const source = index.sources.get(ref);
    if (source) lines.push(withUrls ? `• [${source.title}](<${source.url}>)` : `• ${source.title}`);
  }
  const guideLines = [...guides.values()].map((g) => (withUrls ? `• *${g.title}* — ${g.sections.join('; ')}` : `• *${g.title}*`));
  return ['**Sources**', ...guideLines, ...lines].join('\n');
}
