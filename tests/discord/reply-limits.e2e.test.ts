import { DUTIES, HSP_CLAIMS, RESIDENCE_STATUSES } from '../../src/kb/vocabulary.js';
import { describe, expect, it } from 'vitest';
import { useTestBot } from '../support/bot.js';
import { replyTo } from './helpers.js';

const t = useTestBot();

describe("every reply within Discord's limits", () => {
  it('GIVEN every entry and topic WHEN opened with /topics THEN every reply is accepted by the fake', async () => {
    const { kb } = t.bot.ctx.knowledge();
    const sent = [
      ...kb.entries.map((e) => t.fake.slash('topics', { entry: e.id })),
      ...kb.topics.map((topic) => t.fake.slash('topics', { topic: topic.id })),
    ];
    for (const i of sent) expect((await replyTo(t, i)).embeds).toHaveLength(1);
  });

  it('GIVEN every status and every new duty WHEN /visa-check THEN every verdict is accepted by the fake', async () => {
    const sent = [
      ...RESIDENCE_STATUSES.map((s) =>
        t.fake.slash('visa-check', {
          status: s.value,
          'current-work': 'system-development',
          'new-work': 'sales',
          employer: 'new',
          dispatch: true,
        }),
      ),
      ...DUTIES.map((d) =>
        t.fake.slash('visa-check', {
          status: 'engineer-specialist',
          'current-work': 'system-development',
          'new-work': d.value,
          employer: 'same',
          salary: 2_000_000,
        }),
      ),
    ];
    for (const i of sent) expect((await replyTo(t, i)).embeds?.[0]?.description).toContain('Verdict');
  });

  it('GIVEN every HSP bonus claimed at once WHEN /hsp-points THEN the long breakdown is accepted by the fake', async () => {
    const claims = Object.fromEntries(HSP_CLAIMS.map((c) => [c.value, true]));
    const data = await replyTo(
      t,
      t.fake.slash('hsp-points', {
        age: 35,
        degree: 'doctorate',
        experience: 10,
        salary: 12_000_000,
        jlpt: 'N1',
        bjt: 600,
        qualifications: 2,
        ...claims,
      }),
    );
    expect(data.embeds?.[0]?.description).toMatch(/points: \d+\*\*/);
  });

  it('GIVEN every background WHEN /career-path THEN every answer is accepted by the fake', async () => {
    for (const background of ['alt', 'engineer', 'other']) {
      const data = await replyTo(t, t.fake.slash('career-path', { jlpt: 'none', background, location: 'regional' }));
      expect(data.embeds?.[0]?.title).toBe('Career paths for your profile');
    }
  });
});
