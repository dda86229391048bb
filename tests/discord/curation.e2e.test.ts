/**
 * The curator's loop end to end (issue 14): a 👎 opens "what went wrong", the reason reaches /config stats and the
 * export; a member can only explain their own vote; the author's 👍 in a forum post applies the solved tag.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueueExport } from '../../src/curation/export.js';
import { reviewedLabel } from '../../src/kb/freshness.js';
import { FakePermissions, type SentInteraction } from '../fakes/discord.js';
import { useTestBot } from '../support/bot.js';
import { realKnowledgeBase } from '../support/kb.js';
import { configChannel, customIdsOf, DOWNVOTE_FORM_TITLE, formFrom, isEphemeral, replyTo, settle } from './helpers.js';

const QUESTION = 'how many days do I have to notify immigration after quitting?';
const COMMENT = 'It says 14 days but **my** office said <@123456789012345678> @everyone';

const t = useTestBot();

const moderator = { permissions: FakePermissions.manageGuild };
const stats = async () => (await replyTo(t, t.fake.slash('config', {}, { subcommand: 'stats', ...moderator }))).embeds?.[0];

/** The JSON file attached to the reply to `/config queue export`. */
async function exported(): Promise<QueueExport> {
  const i = t.fake.slash('config', {}, { group: 'queue', subcommand: 'export', ...moderator });
  const data = await replyTo(t, i);
  expect(isEphemeral(data)).toBe(true);
  const request = t.fake.requests.find((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${i.id}/`));
  const files = (request?.body as { files?: { name: string; text: string }[] } | undefined)?.files ?? [];
  expect(files.map((f) => f.name)).toEqual([`curator-queue-${t.fake.guild.id}.json`]);
  return JSON.parse(files[0]!.text) as QueueExport;
}

async function downVote(user = t.fake.user('dora')): Promise<{ click: SentInteraction; entryId: string }> {
  const [, down] = customIdsOf(await replyTo(t, t.fake.slash('ask', { question: QUESTION })));
  const click = t.fake.button(down ?? '', { user });
  expect((await formFrom(t, click)).title).toBe(DOWNVOTE_FORM_TITLE);
  return { click, entryId: (down ?? '').split(':')[3] ?? '' };
}

describe('👎 asks why', () => {
  it('GIVEN a 👎 WHEN the member submits "out of date" and a comment THEN the reason is in /config stats and in the export, the comment escaped in the queue', async () => {
    const { click, entryId } = await downVote();
    const thanks = await replyTo(t, t.fake.submitModal(click.id, { reason: ['out-of-date'], comment: COMMENT }));
    expect(isEphemeral(thanks)).toBe(true);
    expect(thanks.content).toBe('Thanks for telling me (Out of date). The curators will review this answer.');

    const embed = await stats();
    expect(embed?.description).toBe('👍 0 · 👎 1');
    expect(embed?.fields?.[0]?.value).toBe(`${entryId} 👎 1 · 👍 0 — Out of date ×1`);

    const doc = await exported();
    expect(doc.items).toContainEqual(
      expect.objectContaining({ kind: 'downvoted', question: QUESTION, entryId, reasons: { 'out-of-date': 1 }, comments: [COMMENT] }),
    );

    const page = await replyTo(t, t.fake.slash('config', {}, { group: 'queue', subcommand: 'show', ...moderator }));
    expect(page.embeds?.[0]?.description).toContain(
      'Out of date ×1 · “It says 14 days but \\*\\*my\\*\\* office said <\u200b@123456789012345678> @\u200beveryone”',
    );
  });

  it('GIVEN a 👎 WHEN the member closes the form THEN the 👎 still counts (without a reason)', async () => {
    const before = (await stats())?.description;
    await downVote(t.fake.user('erin'));
    expect(before).toBe('👍 0 · 👎 1');
    expect((await stats())?.description).toBe('👍 0 · 👎 2');
    expect((await stats())?.fields?.[0]?.value).toContain('👎 2 · 👍 0 — Out of date ×1');
  });

  it("GIVEN frank's form WHEN another member sends it THEN it is refused privately and nothing changes", async () => {
    const { click } = await downVote(t.fake.user('frank'));
    const before = await exported();
    const forged = await replyTo(
      t,
      t.fake.submitModal(click.id, { reason: ['unclear'], comment: 'not mine' }, { user: t.fake.user('mallory') }),
    );
    expect(isEphemeral(forged)).toBe(true);
    expect(forged.content).toBe('This form belongs to another member’s rating; click 👎 on the answer to give your own.');
    await settle(t);
    expect(await exported()).toEqual(before);
    expect((await stats())?.fields?.[0]?.value).not.toContain('Unclear');
  });
});

describe('freshness', () => {
  it('GIVEN a knowledge answer THEN its footer says when its entry was last reviewed ("reviewed Nov 2026")', async () => {
    const answer = await replyTo(t, t.fake.slash('ask', { question: QUESTION }));
    const entryId = (customIdsOf(answer)[0] ?? '').split(':')[3];
    const entry = (await realKnowledgeBase()).entries.find((e) => e.id === entryId);
    expect(entry).toBeDefined();
    expect(answer.embeds?.[0]?.footer?.text).toMatch(
      new RegExp(`^From the curated guides · ${reviewedLabel(entry!.reviewed)} · confidence \\d\\.\\d\\d$`),
    );
    expect(reviewedLabel(entry!.reviewed)).toMatch(/^reviewed [A-Z][a-z]{2} \d{4}$/);
  });
});

describe('forum posts marked solved', () => {
  const forumAnswer = async (author: ReturnType<typeof t.fake.user>) => {
    const { thread } = t.fake.forumPost(t.fake.channels.forum.id, 'Notice after quitting', QUESTION, { author });
    const answer = await t.fake.waitForChannelMessage(thread.id);
    return { thread, answer, up: customIdsOf(answer)[0] ?? '' };
  };
  const tagPatches = (threadId: string) => t.fake.requests.filter((r) => r.method === 'PATCH' && r.path === `/channels/${threadId}`);
  const solvedId = () => t.fake.channels.forum.available_tags.find((tag) => tag.name === 'Solved')?.id;

  beforeAll(async () => {
    await configChannel(t, 'add-help-channel', t.fake.channels.forum.id);
  });

  let earlier: Awaited<ReturnType<typeof forumAnswer>> & { author: ReturnType<typeof t.fake.user> };
  it('GIVEN no solved tag configured WHEN the author clicks 👍 THEN nothing happens to the post', async () => {
    const author = t.fake.user('gina');
    earlier = { ...(await forumAnswer(author)), author };
    expect((await replyTo(t, t.fake.button(earlier.up, { message: earlier.answer, user: author }))).content).toBe(
      'Thanks! Glad it helped.',
    );
    await settle(t);
    expect(tagPatches(earlier.thread.id)).toEqual([]);
  });

  it('GIVEN /config solved-tag Solved WHEN a non-author clicks 👍 THEN no tag; WHEN the author does THEN the post gets the tag', async () => {
    const set = await replyTo(t, t.fake.slash('config', { tag: 'solved' }, { subcommand: 'solved-tag', ...moderator }));
    expect(set.content).toBe('When a forum post’s author clicks 👍 on my answer, the post gets the tag **solved**.');
    const author = t.fake.user('hana');
    const { thread, answer, up } = await forumAnswer(author);
    expect((await replyTo(t, t.fake.button(up, { message: answer, user: t.fake.user('ivan') }))).content).toBe('Thanks! Glad it helped.');
    await settle(t);
    expect(tagPatches(thread.id)).toEqual([]);

    const thanks = await replyTo(t, t.fake.button(up, { message: answer, user: author }));
    expect(thanks.content).toBe('Thanks! Glad it helped. I marked this post as solved.');
    expect(tagPatches(thread.id).map((r) => r.body)).toEqual([{ applied_tags: [solvedId()] }]);
    const again = await replyTo(t, t.fake.button(up, { message: answer, user: author }));
    expect(again.content).toBe('You already rated this answer. Thanks!'); // the post has the tag: no second request
    expect(tagPatches(thread.id)).toHaveLength(1);
  });

  it('GIVEN a post whose author clicked 👍 before the tag was configured WHEN they click 👍 again THEN it gets the tag', async () => {
    const { thread, answer, up, author } = earlier;
    const again = await replyTo(t, t.fake.button(up, { message: answer, user: author }));
    expect(again.content).toBe('You already rated this answer. Thanks! I marked this post as solved.');
    expect(tagPatches(thread.id).map((r) => r.body)).toEqual([{ applied_tags: [solvedId()] }]);
  });

  it('GIVEN a solved tag no forum offers WHEN set THEN the moderator is told; WHEN turned off THEN it says so', async () => {
    expect((await replyTo(t, t.fake.slash('config', { tag: 'Done' }, { subcommand: 'solved-tag', ...moderator }))).content).toContain(
      'No forum channel has a tag of that name yet',
    );
    expect((await replyTo(t, t.fake.slash('config', {}, { subcommand: 'solved-tag', ...moderator }))).content).toBe(
      'Forum posts will no longer be tagged solved.',
    );
  });
});
