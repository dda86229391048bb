import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeOrThrow } from '../../src/kb/load.js';
import { phraseMatcher } from '../../src/kb/mentions.js';
import { KNOWLEDGE_DIR, ROOT_DIR } from '../../src/paths.js';

/**
 * The plain definition the matcher must keep: every phrase searched on its own (Latin phrases as whole words, other
 * phrases anywhere), the one found first wins, of two at the same place the one listed first.
 */
function reference(phrases: readonly string[]): (text: string) => string | undefined {
  const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');
  const latin = /^[\p{Script=Latin}\p{N}\s'’.-]+$/u;
  const word = /[\p{Script=Latin}\p{N}]/u;
  return (raw) => {
    const text = norm(raw);
    let best: { at: number; phrase: string } | undefined;
    for (const phrase of phrases) {
      const key = norm(phrase).trim();
      for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
        const whole = !latin.test(key) || (!word.test(text.charAt(at - 1)) && !word.test(text.charAt(at + key.length)));
        if (whole) {
          if (!best || at < best.at) best = { at, phrase };
          break;
        }
      }
    }
    return best?.phrase;
  };
}

const questions = (file: string) =>
  (load(readFileSync(path.join(ROOT_DIR, 'tests/eval', file), 'utf8')) as { q: string }[]).map((i) => i.q);

describe('phraseMatcher (out-of-scope subjects)', () => {
  const phrases = ['rent', 'moving company', 'my number card', 'nhk', '保証人', '引っ越し', 'guarantor', 'bank account', 'rental'];
  const matcher = phraseMatcher(phrases);

  it.each([
    ['how much is rent in tokyo', 'rent'],
    ['is my current visa ok', undefined], // "rent" inside "current" is no word
    ['NHKの解約', 'nhk'], // Japanese may follow a Latin phrase
    ['My Number cardの更新', 'my number card'],
    ['need a   moving\tcompany asap', 'moving company'], // any white space between the words
    ['保証人がいない', '保証人'],
    ['rental or rent?', 'rental'], // the phrase found first in the text wins
    ['引っ越しで rent が上がる', '引っ越し'],
    ['bank accounts', undefined], // no plural matching
  ])('GIVEN %j THEN it finds %j', (text, expected) => {
    expect(matcher(text)).toBe(expected);
  });

  it('GIVEN the knowledge base out-of-scope list THEN every evaluation question and entry text matches as one search per phrase would', async () => {
    const kb = await loadKnowledgeOrThrow(KNOWLEDGE_DIR);
    const list = kb.search.outOfScope;
    const fast = phraseMatcher(list);
    const slow = reference(list);
    const texts = [
      ...questions('questions.yaml'),
      ...questions('dev.yaml'),
      ...questions('negatives.yaml'),
      ...kb.entries.map((e) => e.answer),
    ];
    const differ = texts.filter((t) => fast(t) !== slow(t));
    expect(differ).toEqual([]);
    expect(texts.filter((t) => fast(t) !== undefined).length).toBeGreaterThan(300);
  });
});
