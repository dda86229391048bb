import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerView } from '../../src/answer/view.js';
import { noAnswerView } from '../../src/answer/view.js';
import type { KnowledgeBase } from '../../src/kb/load.js';
import { realKnowledgeBase } from '../support/kb.js';
import { embedLength, LIMITS } from '../../src/discord/limits.js';
import { answerMessage, questionFromEmbed } from '../../src/discord/render.js';

const answered: AnswerView = {
  answered: true,
  mode: 'knowledge',
  title: 'Title',
  body: 'x'.repeat(5000),
  label: undefined,
  related: [],
  sources: [{ id: 'e', title: 'Entry', guide: 'Guide' }],
  publicSources: Array.from({ length: 40 }, (_, i) => ({
    title: `Source ${i} ${'y'.repeat(200)}`,
    url: `https://example.org/${i}`,
    confidence: 'official',
  })),
  confidence: 0.9,
  entryIds: ['e'],
};

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await realKnowledgeBase();
});

describe('answer messages', () => {
  it('GIVEN an over-long answer with many sources THEN the embed still fits every Discord limit', () => {
    const m = answerMessage(answered, 'q'.repeat(400), kb);
    const embed = m.embeds[0]!;
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect([...(embed.description ?? '')].length).toBeLessThanOrEqual(LIMITS.embedDescription);
    for (const f of embed.fields ?? []) expect([...f.value].length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(m.allowedMentions).toEqual({ parse: [] });
  });

  it('GIVEN a multi-line question THEN it is shown on one line and read back by the feedback buttons', () => {
    const m = answerMessage(answered, 'line one\nline two @everyone', kb);
    expect(questionFromEmbed(m.embeds[0])).toBe('line one line two @everyone');
  });

  it('GIVEN nothing was answered but some entries came close THEN a "did you mean" menu opens them (and no rating buttons)', () => {
    const view = noAnswerView(kb, {
      confidence: 0.35,
      suggestions: [
        { id: 'nomikai', title: 'Nomikai' },
        { id: 'invisible-work', title: 'Invisible work' },
      ] as never,
    });
    const m = answerMessage(view, 'smoking breaks?', kb);
    expect(m.components).toEqual([
      {
        type: 1,
        components: [
          {
            type: 3,
            custom_id: 'topics:entry',
            placeholder: 'Did you mean… (opens privately)',
            options: [
              { label: 'Nomikai', value: 'nomikai' },
              { label: 'Invisible work', value: 'invisible-work' },
            ],
          },
        ],
      },
    ]);
  });

  it('GIVEN nothing was answered and nothing came close THEN there are no components', () => {
    expect(answerMessage(noAnswerView(kb, { confidence: 0, suggestions: [] }), 'ramen?', kb).components).toEqual([]);
  });
});
