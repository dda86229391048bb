import type { KnowledgeBase } from '../kb/load.js';
import { uniqueRefs, type RefIndex } from '../kb/refs.js';

/**
 * How a surface marks text up: Discord Markdown in Discord, plain text in a terminal. The engines' reports are written
 * once against it, so both surfaces show the same content (src/discord/render-rules.ts, src/cli/render.ts).
 */
export interface Markup {
  bold(text: string): string;
  italic(text: string): string;
  /** A link to a public source. */
  link(title: string, url: string): string;
  /** A short fixed-width value, such as a signed score. */
  code(text: string): string;
  /** Small print under a reply. */
  small(text: string): string;
  /** A calendar date in Japan (YYYY-MM-DD) and the instant it stands for (ms): a terminal prints the date, Discord a timestamp each member sees in their own time zone. */
  date(date: string, instant: number): string;
}

/** A deterministic engine's reply in parts; a surface joins them (Discord first fits them into one message). */
export interface Report {
  body: string;
  /** The Sources section, with links… */
  sources: string;
  /** …and a shorter form without them, for when the reply would not fit a Discord message. */
  shortSources: string;
  /** Small print after the sources, or ''. */
  footer: string;
}

/** What the reports read from the knowledge base: the rule tables and the titles of sources and guide sections. */
export type ReportKnowledge = Pick<KnowledgeBase, 'rules' | 'refs'>;

/**
 * The Sources section a member sees: guide titles (with the sections cited), then public sources as links.
 * `withUrls: false` gives the shorter form.
 */
export function sourcesSection(index: RefIndex, refs: readonly string[], m: Markup, withUrls = true): string {
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
    if (source) lines.push(`• ${withUrls ? m.link(source.title, source.url) : source.title}`);
  }
  const guideLines = [...guides.values()].map((g) => `• ${m.italic(g.title)}${withUrls ? ` — ${g.sections.join('; ')}` : ''}`);
  return [m.bold('Sources'), ...guideLines, ...lines].join('\n');
}

/** A report's Sources section in both forms. */
export const sourcesOf = (kb: ReportKnowledge, refs: readonly string[], m: Markup) => ({
  sources: sourcesSection(kb.refs, refs, m),
  shortSources: sourcesSection(kb.refs, refs, m, false),
});
