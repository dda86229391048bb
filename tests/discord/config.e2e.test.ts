import { InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { FakePermissions } from '../fakes/discord.js';
import { useTestBot } from '../support/bot.js';
import { configChannel, handled, isEphemeral, replyTo } from './helpers.js';

const t = useTestBot();

const REFUSED = 'Only members with the **Manage Server** permission can use `/config`.';
const moderator = { permissions: FakePermissions.manageGuild };
const config = (subcommand: string, options: Record<string, boolean> = {}, permissions = FakePermissions.manageGuild) => {
  const [group, sub] = subcommand.includes(' ') ? subcommand.split(' ') : [undefined, subcommand];
  return replyTo(t, t.fake.slash('config', options, { subcommand: sub, ...(group && { group }), permissions }));
};
const queue = async (clear?: boolean) => (await config('queue show', clear === undefined ? {} : { clear })).embeds?.[0];

describe('permissions', () => {
  it.each(['help-channels', 'queue show', 'queue export', 'stats', 'solved-tag', 'reload'])(
    'GIVEN a member without Manage Server WHEN /config %s THEN it is refused privately',
    async (subcommand) => {
      const data = await config(subcommand, {}, FakePermissions.member);
      expect(isEphemeral(data)).toBe(true);
      expect(data.content).toBe(REFUSED);
    },
  );

  it('GIVEN a member without Manage Server WHEN /config add-help-channel THEN it is refused and nothing changes', async () => {
    const data = await configChannel(t, 'add-help-channel', t.fake.channels.general.id, FakePermissions.member);
    expect(data.content).toBe(REFUSED);
    expect((await config('help-channels')).content).not.toContain(t.fake.channels.general.id);
  });

  it('GIVEN an administrator WHEN /config help-channels THEN it is allowed', async () => {
    const data = await config('help-channels', {}, FakePermissions.admin);
    expect(data.content).toContain('Help channels:');
  });
});

describe('curator queue', () => {
  it('GIVEN nothing unanswered yet WHEN /config queue THEN it says nothing is waiting', async () => {
    const embed = await queue();
    expect(embed?.title).toBe('Curator queue (0) · page 1/1');
    expect(embed?.description).toBe('Nothing waiting. 🎉');
  });

  it('GIVEN unanswered /ask questions and mentions WHEN /config queue THEN they are listed with counts, newest first', async () => {
    for (let n = 0; n < 2; n++) {
      const i = t.fake.slash('ask', { question: 'what is the best ramen in osaka' });
      expect((await replyTo(t, i)).embeds?.[0]?.title).toBe('Not in my guides');
      await handled(t, i.id); // the question is queued after the member has their reply
    }
    const mention = t.fake.userMessage(t.fake.channels.general.id, 'where can I park my bicycle?', { mentionBot: true });
    await handled(t, mention.id);
    const embed = await queue();
    expect(embed?.title).toBe('Curator queue (2) · page 1/1');
    expect(embed?.description).toBe(
      '**1.** ❔ ×1 — where can I park my bicycle?\n  closest: no entry\n**2.** ❔ ×2 — what is the best ramen in osaka\n  closest: no entry',
    );
  });

  it('GIVEN a queue WHEN /config queue clear:true THEN it is shown once more and then empty', async () => {
    expect((await queue(true))?.title).toBe('Curator queue (2) · page 1/1');
    expect((await queue())?.description).toBe('Nothing waiting. 🎉');
  });

  it('GIVEN a queued question with Markdown and mentions WHEN /config queue THEN it is shown as typed: no formatting, no mention', async () => {
    const question =
      '**why** _is_ ~~my~~ `visa` <@123456789012345678> <@&234567890123456789> <#345678901234567890> @everyone @here [click](https://x.y) ||so||';
    const i = t.fake.slash('ask', { question });
    expect((await replyTo(t, i)).embeds?.[0]?.title).toBe('Not in my guides');
    await handled(t, i.id);
    const shown = (await queue(true))?.description ?? '';
    expect(shown).toBe(
      '**1.** ❔ ×1 — \\*\\*why\\*\\* \\_is\\_ \\~\\~my\\~\\~ \\`visa\\` <\u200b@123456789012345678> <\u200b@&234567890123456789> <\u200b#345678901234567890> @\u200beveryone @\u200bhere \\[click](https://x.y) \\|\\|so\\|\\|\n  closest: no entry',
    );
  });
});

describe('help channels', () => {
  it('GIVEN a moderator WHEN adding #general twice THEN it is added once and listed with the env channel', async () => {
    const { general, help } = t.fake.channels;
    expect((await configChannel(t, 'add-help-channel', general.id)).content).toBe(`I'll answer questions posted in <#${general.id}>.`);
    const again = await configChannel(t, 'add-help-channel', general.id);
    expect(isEphemeral(again)).toBe(true);
    expect(again.content).toBe(`<#${general.id}> is already a help channel.`);
    expect((await config('help-channels')).content).toBe(`Help channels:\n<#${help.id}> (from HELP_CHANNEL_IDS)\n<#${general.id}>`);
  });

  it('GIVEN an added channel WHEN it is removed THEN it is no longer listed, and removing it again says so', async () => {
    const { general, help } = t.fake.channels;
    expect((await configChannel(t, 'remove-help-channel', general.id)).content).toBe(`I'll stop answering in <#${general.id}>.`);
    expect((await configChannel(t, 'remove-help-channel', general.id)).content).toBe(`<#${general.id}> wasn't a help channel.`);
    expect((await config('help-channels')).content).toBe(`Help channels:\n<#${help.id}> (from HELP_CHANNEL_IDS)`);
  });

  it('GIVEN the channel from HELP_CHANNEL_IDS WHEN removing it THEN the moderator is told to change the environment', async () => {
    const { help } = t.fake.channels;
    expect((await configChannel(t, 'remove-help-channel', help.id)).content).toBe(
      `<#${help.id}> comes from HELP_CHANNEL_IDS in the bot's environment; remove it there.`,
    );
  });

  it('GIVEN a channel that no longer exists (a stale client) WHEN adding it THEN a clear private message, not an error', async () => {
    const data = await configChannel(t, 'add-help-channel', '123456789012345678');
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe('Pick a text or forum channel of this server for `channel`.');
  });
});

describe('reload', () => {
  it('GIVEN a moderator WHEN /config reload THEN it defers privately and reports the reloaded knowledge base', async () => {
    const i = t.fake.slash('config', {}, { subcommand: 'reload', ...moderator });
    const response = await t.fake.waitForResponse(i.id);
    expect(response.type).toBe(5);
    expect(response.type === InteractionResponseType.DeferredChannelMessageWithSource ? response.data?.flags : undefined).toBe(64);
    const edit = await t.fake.waitForEdit(i.id);
    const { kb } = t.bot.ctx.knowledge();
    expect(edit.content).toBe(`Knowledge base reloaded: ${kb.entries.length} entries, version \`${kb.version}\`.`);
  });
});
