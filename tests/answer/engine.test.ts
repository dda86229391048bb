import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine, type AnswerEngine } from '../../src/answer/engine.js';
import { resultView } from '../../src/answer/view.js';
import { answerJson as toJson, plainText } from '../../src/cli/render.js';
import { realKnowledgeBase } from '../support/kb.js';

let engine: AnswerEngine;
beforeAll(async () => {
  engine = createAnswerEngine(await realKnowledgeBase());
});

const answerId = (q: string) => {
  const r = engine.answer(q);
  return r.answered ? r.entry?.id : undefined;
};

describe('answering member questions from the knowledge base', () => {
  it.each([
    ['how do I ask for a raise without seeming pushy?', 'how-to-ask-for-promotion'],
    ['N2 done, what can I do besides teaching?', 'after-alt-n2'],
    ['技人国ビザのまま転職できますか？', 'job-change-scope'],
    ['do I have to tell immigration when I change jobs?', 'job-change-notification'],
    ['飲み会って断っても大丈夫？', 'nomikai-and-coworker-relationships'],
    ['I am an ALT, can I move to an eikaiwa on my current visa?', 'instructor-vs-gijinkoku'],
  ])('GIVEN "%s" THEN it answers with %s', (question, id) => {
    expect(answerId(question)).toBe(id);
  });

  it.each([
    ['salary increase', 'raise', 'how-to-ask-for-promotion'],
    ['assistant language teacher', 'ALT', 'after-alt-reality'],
    ['engineer visa', 'gijinkoku', 'gijinkoku-overview'],
    ['技人国', 'gijinkoku', 'gijinkoku-overview'],
    ['drinking party', 'nomikai', 'nomikai-and-coworker-relationships'],
  ])('GIVEN the synonym "%s" and the word "%s" THEN both find %s', (a, b, id) => {
    const q = (term: string) => `what should I know about ${term}?`;
    expect(engine.search(q(a), 1)[0]?.entry.id).toBe(id);
    expect(engine.search(q(b), 1)[0]?.entry.id).toBe(id);
  });

  it('GIVEN inflections and a typo THEN it still finds the entry', () => {
    expect(answerId('best time to ask about being promoted')).toBe('when-to-ask-for-promotion');
    expect(answerId('timing for asking to be promoted')).toBe('when-to-ask-for-promotion');
    expect(answerId('when is the right time to ask for a promtion?')).toBe('when-to-ask-for-promotion');
  });

  it.each([
    'best ramen in Tokyo?',
    "what's the weather in Osaka tomorrow",
    'how do I set up Kubernetes on my laptop',
    'write me a poem about cherry blossoms',
    '大阪でおすすめのたこ焼き屋さん教えて！',
  ])('GIVEN the off-topic "%s" THEN it declines instead of giving the nearest paragraph', (question) => {
    const r = engine.answer(question);
    expect(r.answered).toBe(false);
    expect(r.entry).toBeUndefined();
    const view = resultView(engine.kb, r);
    expect(view.title).toBe('Not in my guides');
    expect(view.body).toContain('/career-path');
    expect(view.body).toContain('/visa-check');
    expect(view.sources).toEqual([]);
  });

  it.each(['how do I open a bank account as a foreigner', 'do I need a japanese driver\'s license for my job', 'can my parents visit on a tourist visa?'])(
    'GIVEN "%s", a subject search.yaml lists as out of scope THEN it declines with no suggestions',
    (question) => {
      const r = engine.answer(question);
      expect(r.answered).toBe(false);
      expect(r.suggestions).toEqual([]);
    },
  );

  it('GIVEN a word a typo away from an out-of-scope subject ("guarantee" vs a listed phrase) THEN it is not treated as out of scope', () => {
    expect(engine.search('does N1 guarantee me a decent job outside teaching', 1)[0]?.entry.id).toBe('after-alt-n1');
  });

  it('GIVEN a question that only matches incidental words of an answer ("health insurance" inside the PR entry) THEN it declines, suggesting that entry', () => {
    const r = engine.answer('how do I get health insurance?');
    expect(r.answered).toBe(false);
    expect(r.suggestions.map((e) => e.id)).toContain('permanent-residency-requirements');
  });

  it('GIVEN an answer THEN it carries at most two related entries, sources with guide titles and a confidence', () => {
    const r = engine.answer('how do I ask my boss for a promotion?');
    expect(r.answered).toBe(true);
    expect(r.related.length).toBeLessThanOrEqual(2);
    expect(r.related.map((e) => e.id)).not.toContain(r.entry?.id);
    const json = toJson(resultView(engine.kb, r));
    expect(json.sources[0]).toEqual({ id: r.entry?.id, title: r.entry?.title, guide: 'Yes, Foreigners Can Get Promoted in Japan — Just Not How You Think' });
    expect(json.confidence).toBeGreaterThanOrEqual(engine.kb.search.answerThreshold);
    expect(json.confidence).toBeLessThanOrEqual(1);
    expect(json.text).toContain(plainText(r.entry!.answer));
    expect(json.text).toContain('Sources:');
  });

  it('GIVEN a fact from the immigration research THEN the public source is in the answer text', () => {
    const json = toJson(resultView(engine.kb, engine.answer('how many days do I have to notify immigration after quitting?')));
    expect(json.answered).toBe(true);
    expect(json.text).toMatch(/14 days/);
    expect(json.text).toContain('https://www.moj.go.jp/isa/');
  });

  it('GIVEN the same question twice THEN the answer is identical', () => {
    const q = 'Is N1 worth it for getting a job after ALT?';
    expect(toJson(resultView(engine.kb, engine.answer(q)))).toEqual(toJson(resultView(engine.kb, engine.answer(q))));
  });
});
