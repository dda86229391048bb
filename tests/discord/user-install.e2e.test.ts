import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { FakePermissions } from '../fakes/discord.js';
import { useTestBot } from '../support/bot.js';
import { customIdsOf, embedText, isEphemeral, replyTo, textOf } from './helpers.js';

const VISA = { 'current-work': 'system-development', 'new-work': 'marketing', employer: 'new', status: 'engineer-specialist' };
/** A member of a server that did not add the bot, allowed to use external apps there (so responses may be public). */
const EXTERNAL_APPS = (BigInt(FakePermissions.member) | PermissionFlagsBits.UseExternalApps).toString();

describe('the app installed to a member account (user install)', () => {
  const t = useTestBot();

  it('GIVEN a DM with the bot WHEN a member uses /ask and /visa-check THEN both are answered privately, with no Share button (nobody to share with)', async () => {
    const ask = await replyTo(t, t.fake.slash('ask', { question: 'how do I renew my visa?' }, { place: 'bot-dm' }));
    expect(isEphemeral(ask)).toBe(true);
    expect(textOf(ask).length).toBeGreaterThan(50);
    expect(customIdsOf(ask)).not.toContain('share');
    const visa = await replyTo(t, t.fake.slash('visa-check', { ...VISA, public: true }, { place: 'bot-dm' }));
    expect(isEphemeral(visa)).toBe(true); // even with public: true
    expect(embedText(visa.embeds)).toContain('Visa check');
  });

  it('GIVEN a server that did not add the bot WHEN a member asks THEN the answer is private and carries Share; Share posts it publicly, naming who shared, without pinging', async () => {
    const sent = t.fake.slash('ask', { question: 'how do I renew my visa?' }, { place: 'other-guild', permissions: EXTERNAL_APPS });
    const answer = await replyTo(t, sent);
    expect(isEphemeral(answer)).toBe(true);
    expect(customIdsOf(answer)).toContain('share');
    const original = t.fake.messagesIn(sent.payload.channel!.id).at(-1)!;
    const shared = await replyTo(t, t.fake.button('share', { message: original, permissions: EXTERNAL_APPS }));
    expect(isEphemeral(shared)).toBe(false);
    expect(shared.content).toContain(`Shared by <@${t.fake.memberUser.id}>`);
    expect(embedText(shared.embeds)).toBe(embedText(answer.embeds));
    expect(customIdsOf(shared)).not.toContain('share');
    expect(shared.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a server that did not add the bot and a member who may not use external apps there THEN the reply is private without Share', async () => {
    const reply = await replyTo(t, t.fake.slash('career-path', { jlpt: 'N2', background: 'alt' }, { place: 'other-guild' }));
    expect(isEphemeral(reply)).toBe(true);
    expect(customIdsOf(reply)).not.toContain('share');
  });

  it('GIVEN a group DM WHEN a member runs /hsp-points THEN the reply is private with Share, and Share posts it to the group', async () => {
    const sent = t.fake.slash(
      'hsp-points',
      { age: 30, degree: 'master', experience: 5, salary: 7_000_000, jlpt: 'N2' },
      { place: 'private-channel' },
    );
    const reply = await replyTo(t, sent);
    expect(isEphemeral(reply)).toBe(true);
    expect(customIdsOf(reply)).toContain('share');
    const original = t.fake.messagesIn(sent.payload.channel!.id).at(-1)!;
    const shared = await replyTo(t, t.fake.button('share', { message: original }));
    expect(isEphemeral(shared)).toBe(false);
    expect(embedText(shared.embeds)).toContain('points');
  });

  it("GIVEN a DM or a server without the bot WHEN /config is sent THEN it is refused privately; in the bot's server it still works for moderators", async () => {
    for (const place of ['bot-dm', 'other-guild'] as const) {
      const refused = await replyTo(
        t,
        t.fake.slash('config', {}, { place, subcommand: 'help-channels', permissions: FakePermissions.manageGuild }),
      );
      expect(isEphemeral(refused), place).toBe(true);
      expect(refused.content, place).toContain('run it in a server that added the bot');
    }
    const ok = await replyTo(t, t.fake.slash('config', {}, { subcommand: 'help-channels', permissions: FakePermissions.manageGuild }));
    expect(ok.content ?? '').not.toContain('run it in a server that added the bot');
  });

  it("GIVEN the bot's own server WHEN a member asks without private THEN the answer stays public there, with no Share button", async () => {
    const reply = await replyTo(t, t.fake.slash('ask', { question: 'how do I renew my visa?' }));
    expect(isEphemeral(reply)).toBe(false);
    expect(customIdsOf(reply)).not.toContain('share');
  });

  it('GIVEN /help in a DM THEN it explains replies are private and Share', async () => {
    const help = await replyTo(t, t.fake.slash('help', {}, { place: 'bot-dm' }));
    expect(embedText(help.embeds)).toContain('**Share**');
  });
});
