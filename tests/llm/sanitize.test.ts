import { describe, expect, it } from 'vitest';
import { extractUrls, LINK_REMOVED, neutralizeMentions, normalizeUrl, sanitizeDraft, truncate } from '../../src/llm/sanitize.js';

const ZWSP = '\u200b';
const GUIDE = 'https://www.moj.go.jp/isa/applications/procedures/nyuukokukanri10_00014.html';

describe('neutralizeMentions', () => {
  it('breaks @everyone, @here, user, nickname and role mentions with a zero-width space', () => {
    const out = neutralizeMentions('Hey @everyone and @here, ask <@123456789012345678>, <@!123456789012345678> or <@&987654321098765432>.');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@!\d|<@&\d/);
    expect(out).toContain(`@${ZWSP}everyone`);
    expect(out).toContain(`<@${ZWSP}!123456789012345678>`);
    expect(out).toContain(`<@${ZWSP}&987654321098765432>`);
  });

  it('leaves ordinary text and e-mail addresses readable', () => {
    expect(neutralizeMentions('Mail help@example.org about #channels')).toBe('Mail help@example.org about #channels');
  });
});

describe('sanitizeDraft links', () => {
  const allowed = [GUIDE, 'https://example.org/guides/notification'];

  it('keeps links that appear in the cited entries, bare, masked or in angle brackets', () => {
    const text = `File here: ${GUIDE}. Or read [the guide](https://example.org/guides/notification) and <${GUIDE}>`;
    expect(sanitizeDraft(text, allowed)).toBe(text);
  });

  it('matches allowed links regardless of host case, trailing slash or fragment', () => {
    const text = 'See https://EXAMPLE.org/guides/notification/#step-2 now';
    expect(sanitizeDraft(text, allowed)).toBe(text);
  });

  it('removes a bare foreign URL but keeps the sentence punctuation', () => {
    expect(sanitizeDraft('Apply at https://evil.example/phish.', allowed)).toBe(`Apply at ${LINK_REMOVED}.`);
  });

  it('turns a foreign masked link into its label, including a label that pretends to be an allowed URL', () => {
    expect(sanitizeDraft('Use [the official form](https://evil.example/form)', allowed)).toBe('Use the official form');
    expect(sanitizeDraft(`[${GUIDE}](https://evil.example/x)`, allowed)).toBe(GUIDE);
  });

  it('removes foreign links in angle brackets, scheme-less Discord invites and look-alike hosts', () => {
    const text = `Join discord.gg/abc123 or <https://evil.example> or https://www.moj.go.jp.evil.example/isa`;
    const out = sanitizeDraft(text, allowed);
    expect(out).not.toMatch(/discord\.gg|evil\.example/);
    expect(out.split(LINK_REMOVED)).toHaveLength(4);
  });

  it('does not treat another path on an allowed host as allowed', () => {
    expect(sanitizeDraft('https://example.org/other', allowed)).toBe(LINK_REMOVED);
  });

  it('with no allowed URLs removes every link', () => {
    expect(sanitizeDraft(`Read ${GUIDE}`, [])).toBe(`Read ${LINK_REMOVED}`);
  });

  it('neutralizes mentions and strips bidi controls in the same pass', () => {
    expect(sanitizeDraft('@here \u202eevil', allowed)).toBe(`@${ZWSP}here evil`);
  });
});

describe('truncate / length', () => {
  it('keeps short text untouched and cuts long text at a word with an ellipsis', () => {
    expect(truncate('short', 100)).toBe('short');
    const out = truncate('word '.repeat(1000), 1800);
    expect(out.length).toBeLessThanOrEqual(1800);
    expect(out.endsWith('word…')).toBe(true);
  });

  it('closes a code block left open by the cut', () => {
    const out = truncate('Intro\n```\n' + 'line\n'.repeat(500) + '```', 300);
    expect(out.length).toBeLessThanOrEqual(300);
    expect((out.match(/```/g) ?? []).length % 2).toBe(0);
  });

  it('sanitizeDraft never returns more than the limit', () => {
    expect(sanitizeDraft('x'.repeat(5000), [], 1800).length).toBeLessThanOrEqual(1800);
  });
});

describe('URL helpers', () => {
  it('extracts URLs from Markdown and bare text without trailing punctuation', () => {
    expect(extractUrls(`a ${GUIDE}, b [x](https://example.org/a) c <https://example.org/b>.`)).toEqual([
      GUIDE,
      'https://example.org/a',
      'https://example.org/b',
    ]);
  });

  it('normalizes case of the host, trailing slash and fragment but not the path or query', () => {
    expect(normalizeUrl('https://Example.ORG/a/?q=1#top')).toBe('https://example.org/a?q=1');
    expect(normalizeUrl('https://example.org/A')).not.toBe(normalizeUrl('https://example.org/a'));
  });
});
