import { describe, expect, it } from 'vitest';
import { RULE_COMMANDS } from '../../src/kb/understand.js';
import { alternation, normalize, phraseIndex } from '../../src/understand/text.js';
import { realKnowledgeBase } from '../support/kb.js';

const find = (phrases: string[], text: string) =>
  phraseIndex([{ phrases, values: [true] }])
    .find(normalize(text))
    .map((m) => m.text);

describe('phraseIndex: the phrases of a list found in a question', () => {
  it('GIVEN phrases that start alike THEN the longest one there is read, and reading goes on after it', () => {
    expect(find(['degree', 'no degree', 'n3', 'n3未満'], 'No degree and N3未満, any chance?')).toEqual(['no degree', 'n3未満']);
    expect(find(['it', 'it support'], 'IT support or it?')).toEqual(['it support', 'it']);
  });

  it('GIVEN a Latin phrase inside a longer word or number THEN it is not read; a Japanese phrase is read anywhere', () => {
    expect(find(['alt', 'n3'], 'salt alternatives, n30, an ALT with n3')).toEqual(['alt', 'n3']);
    expect(find(['営業'], '海外営業職に行きたい')).toEqual(['営業']);
    // A Latin phrase whose edge a letter touches gives way to a shorter one whose edge is free.
    expect(find(['sales', 'sales engineer'], 'sales engineering')).toEqual(['sales']);
  });

  it('GIVEN emoji and other characters outside the Basic Multilingual Plane THEN positions stay those of the text', () => {
    const text = normalize('😅 alt? 🎌営業');
    const found = phraseIndex([{ phrases: ['alt', '営業'], values: ['x'] }]).find(text);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['alt', '営業']);
  });

  it('GIVEN one phrase listed for two values THEN a match names both, once each', () => {
    const index = phraseIndex([
      { phrases: ['engineer', 'SE'], values: ['engineer'] },
      { phrases: ['engineer'], values: ['it', 'engineer'] },
    ]);
    expect(index.find('an engineer').map((m) => m.values)).toEqual([['engineer', 'it']]);
    expect(index.find('se')).toHaveLength(1); // listed as SE, read normalised
  });

  it("GIVEN understand.yaml's phrase lists and every entry's phrasings THEN it reads exactly what one alternation of the phrases, longest first, matches", async () => {
    const kb = await realKnowledgeBase();
    const u = kb.understand;
    const lists = [u.ignore, u.jlpt.none, u.qualifications, ...RULE_COMMANDS.map((c) => u.commands[c].cues)];
    const texts = kb.entries.flatMap((e) => e.questions.map(normalize));
    expect(texts.length).toBeGreaterThan(1000);
    for (const phrases of lists) {
      const index = phraseIndex([{ phrases, values: [true] }]);
      const re = new RegExp(alternation(phrases), 'gu');
      for (const text of texts) {
        const expected = [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
        expect(index.find(text).map((m) => [m.start, m.end])).toEqual(expected);
      }
    }
  });
});
