/**
 * Model output is untrusted text. Before a member sees it: no mention can ping, no link leads anywhere the cited
 * entries do not already point to, and the length fits a Discord message. Pure functions.
 */

export const MAX_OUTPUT_CHARS = 1800;
export const LINK_REMOVED = '(link removed)';
const ZWSP = '\u200b';

const BARE_URL = /https?:\/\/[^\s<>"'`()[\]{}|\\^]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?*_~]+$/;
/** A Markdown masked link, an <autolink>, a bare URL, or a scheme-less Discord invite (Discord renders those too). */
const LINK_TOKEN = new RegExp(
  [
    String.raw`\[([^\]\n]*)\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+"[^"\n]*")?\s*\)`,
    String.raw`<(https?:\/\/[^\s>]+)>`,
    BARE_URL.source,
    String.raw`\b(?:discord(?:app)?\.com\/invite|discord\.gg|dsc\.gg)\/[\w-]+`,
  ].join('|'),
  'gi',
);
/** Bidirectional overrides can make text read differently from what it is. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Scheme + host (lower case) + path without trailing slash + query; the fragment does not change the page. */
export function normalizeUrl(raw: string): string {
  const trimmed = raw.replace(TRAILING_PUNCTUATION, '');
  try {
    const u = new URL(trimmed);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return trimmed;
  }
}

/** Every http(s) URL written in a text, bare or inside Markdown. */
export function extractUrls(text: string): string[] {
  return (text.match(BARE_URL) ?? []).map((u) => u.replace(TRAILING_PUNCTUATION, ''));
}

/** Removes every link whose normalized URL is not in `allowed`; a masked link keeps its label as plain text. */
export function removeForeignLinks(text: string, allowed: ReadonlySet<string>): string {
  const ok = (url: string) => allowed.has(normalizeUrl(url));
  return text.replace(LINK_TOKEN, (match: string, label?: string, maskedUrl?: string, autoUrl?: string) => {
    if (maskedUrl !== undefined) {
      const safeLabel = removeForeignLinks(label ?? '', allowed);
      return ok(maskedUrl) ? `[${safeLabel}](${maskedUrl})` : safeLabel;
    }
    if (autoUrl !== undefined) return ok(autoUrl) ? match : LINK_REMOVED;
    const trailing = TRAILING_PUNCTUATION.exec(match)?.[0] ?? '';
    const url = match.slice(0, match.length - trailing.length);
    return (/^https?:/i.test(url) && ok(url) ? url : LINK_REMOVED) + trailing;
  });
}

/** @everyone, @here and user/role mentions get a zero-width space so they display but never ping. */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, `@${ZWSP}$1`).replace(/<@([!&]?\d+)>/g, `<@${ZWSP}$1>`);
}

/** Cuts at a word boundary, adds an ellipsis, and closes a code block left open by the cut. */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = maxChars - 5; // ellipsis + a possible "\n```"
  const slice = text.slice(0, room);
  const space = slice.search(/\s\S*$/);
  let cut = (space > room * 0.8 ? slice.slice(0, space) : slice).trimEnd() + '…';
  if ((cut.match(/```/g) ?? []).length % 2 === 1) cut += '\n```';
  return cut;
}

/** The full treatment for a model draft. `allowedUrls`: URLs in the cited entries' answers and their sources. */
export function sanitizeDraft(text: string, allowedUrls: Iterable<string>, maxChars = MAX_OUTPUT_CHARS): string {
  const allowed = new Set([...allowedUrls].map(normalizeUrl));
  const cleaned = neutralizeMentions(removeForeignLinks(text.replace(BIDI_CONTROLS, ''), allowed))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return truncate(cleaned, maxChars);
}
