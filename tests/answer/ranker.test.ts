import { describe, expect, it } from 'vitest';
import { createAnalyzer, type AnalyzerSettings } from '../../src/answer/analyzer.js';
import { decide } from '../../src/answer/decision.js';
import { createRanker, type RankingSettings } from '../../src/answer/ranker.js';
import { DECISION, entry } from '../support/decision.js';

/** A small hand-made knowledge base: the ranker and the decision as plain functions, independent of curation. */
const ENTRIES = [
  entry(
    'ask-raise',
    'How to ask for a raise',
    ['raise', 'salary negotiation'],
    [
      'how do i ask my boss for a raise',
      'is it rude to ask for more money at a japanese company',
      'pay rise conversation tips',
      '昇給をお願いするのは失礼ですか',
      '給料上げてほしいって上司に言っていい？',
    ],
    'Bring evidence of added responsibility and ask in a private meeting.',
  ),
  entry(
    'nomikai',
    'Do I have to go to nomikai?',
    ['nomikai', 'drinking parties'],
    [
      'are work drinking parties mandatory',
      'can i skip the nomikai',
      'i dont drink alcohol, will skipping company dinners hurt me',
      '飲み会って断っても大丈夫？',
      '会社の飲み会に行かないと評価下がる？',
    ],
    'Going sometimes builds trust; you can attend without drinking.',
  ),
  entry(
    'notification',
    'The 14-day notification after a job change',
    ['14-day notification', '届出'],
    [
      'do i need to tell immigration when i change jobs',
      'how many days to report a new employer',
      'forgot to notify immigration after quitting',
      '転職したら入管に届出が必要ですか',
      '退職後の届出の期限は？',
    ],
    'Notify the Immigration Services Agency within 14 days; the fine is up to ¥200,000.',
  ),
  entry(
    'n3-jobs',
    'What jobs can I get with N3?',
    ['N3', 'intermediate japanese'],
    [
      'i passed n3, can i leave teaching',
      'what jobs are open with jlpt n3',
      'is n3 enough for a non teaching job',
      'N3で英語教師以外の仕事はある？',
      'N3だけど転職できる？',
    ],
    'N3 plus technical skills can open technical roles; otherwise aim for N2.',
  ),
  entry(
    'hsp',
    'Highly Skilled Professional points',
    ['HSP', 'points'],
    [
      'how many points do i need for hsp',
      'what counts toward highly skilled professional points',
      'is 70 points enough for hsp',
      '高度専門職のポイントは何点必要？',
      '高度人材のポイント計算の方法',
    ],
    'You need 70 points; age, degree, experience and salary count.',
  ),
];

const ANALYZER: AnalyzerSettings = {
  stopwords: ['a', 'the', 'i', 'my', 'do', 'to', 'is', 'it', 'can', 'for', 'at', 'how', 'what', 'are', 'will', 'me', 'after', 'when', 'of'],
  synonyms: [
    { canonical: 'raise', variants: ['pay rise', '昇給'] },
    { canonical: 'nomikai', variants: ['飲み会', 'drinking parties'] },
    { canonical: 'hsp', variants: ['HSP', '高度専門職', '高度人材', 'highly skilled professional'] },
    { canonical: 'immigration', variants: ['入管'] },
  ],
  grams: { latin: [3, 4], cjk: [2, 3] },
};
const RANKING: RankingSettings = {
  phrasing: { words: 0.6, grams: 0.4, recall: 0.5 },
  entry: { best: 0.3, centroid: 0.4, coverage: 0.25, answer: 0.05 },
};

const analyzer = createAnalyzer(
  ANALYZER,
  ENTRIES.flatMap((e) => [e.title, ...e.keywords, ...e.questions]),
);
const ranker = createRanker(ENTRIES, analyzer, RANKING);
const top = (q: string) => ranker.rank(q).hits[0]?.entry.id;
const decision = (q: string) => decide(ranker.rank(q), DECISION);
const answered = (q: string) => {
  const d = decision(q);
  return d.kind === 'answer' ? d.best.entry.id : d.kind;
};

describe('ranker: question-to-question matching', () => {
  it.each([
    ['can i ask for a raise without being rude', 'ask-raise'],
    ['company drinking parties — do i really have to go', 'nomikai'],
    ['new job, do i have to report to immigration?', 'notification'],
    ['just got N3, what work can i find besides teaching', 'n3-jobs'],
    ['what do i need to get hsp', 'hsp'],
  ])('GIVEN "%s" THEN the closest phrasings belong to %s', (q, id) => {
    expect(top(q)).toBe(id);
  });

  it.each([
    ['飲み会を断ったら評価に響きますか', 'nomikai'],
    ['転職後の入管への届出はいつまで', 'notification'],
    ['高度専門職って何ポイント要るの', 'hsp'],
    ['N3で転職って無理かな', 'n3-jobs'],
  ])('GIVEN Japanese without spaces "%s" THEN it finds %s', (q, id) => {
    expect(answered(q)).toBe(id);
  });

  it.each([
    ['how do i aks for a rasie', 'ask-raise'],
    ['do i have to go to nomikais', 'nomikai'],
    ['notifcation to imigration after chaning jobs', 'notification'],
  ])('GIVEN typos and inflections "%s" THEN it still finds %s', (q, id) => {
    expect(top(q)).toBe(id);
  });

  it('GIVEN a long question with personal context first THEN the question at the end decides the entry', () => {
    const q =
      'so i have been working in osaka for about three years now, mostly in a small office with five people, and my manager is nice. how do i ask my boss for a raise';
    expect(top(q)).toBe('ask-raise');
  });

  it('GIVEN kana mentioned in an English question ("is it rude to say は") THEN it is an unknown word, not text found everywhere', () => {
    // は and が occur inside nearly every Japanese phrasing; matched as text they would make the question look known.
    const mention = ranker.rank('is it rude to ask my boss with は or が');
    expect(mention.unknownShare).toBeGreaterThan(0.3);
    expect(decide(mention, DECISION).kind).toBe('none');
    expect(ranker.rank('is it rude to ask my boss').unknownShare).toBe(0);
  });

  it('GIVEN an amount, an age or a duration written as a number with its unit ("7.2M", "28yo", "5yrs") THEN it carries no meaning, like a bare number; an ordinal still does', () => {
    expect(ranker.rank('how do i ask my boss for a raise').unknownShare).toBe(0);
    expect(ranker.rank('28yo, salary 7.2M after 5yrs: how do i ask my boss for a raise').unknownShare).toBe(0);
    expect(ranker.rank('how do i ask my boss for a raise in my 6th year').unknownShare).toBeGreaterThan(0);
  });

  it('GIVEN a Japanese compound no phrasing uses THEN it counts as unknown only for its unfamiliar kanji pieces', () => {
    const terms = (q: string) => analyzer.analyze(q).terms;
    // 退職金 (severance pay) is one word to the segmenter; its piece 退職 is in a phrasing (退職後), 職金 is not.
    expect(terms('退職金の期限は？')).toContain('退職金');
    // 文学部 (a literature faculty): neither 文学 nor 学部 is in any phrasing.
    expect(terms('文学部の期限は？')).toContain('文学部');
    const familiar = ranker.rank('退職金の期限は？').unknownShare;
    const strange = ranker.rank('文学部の期限は？').unknownShare;
    expect(familiar).toBeGreaterThan(0);
    expect(familiar).toBeLessThan(strange);
    // Kana grammar inside a piece says nothing: たこ焼き shares たこ with したことが… but has no familiar kanji piece.
    expect(ranker.rank('たこ焼きの期限は？').unknownShare).toBeCloseTo(ranker.rank('麻雀卓の期限は？').unknownShare, 5);
  });

  it('GIVEN a synonym in the other language THEN both phrasings meet on the canonical term', () => {
    expect(top('昇給')).toBe('ask-raise');
    expect(top('highly skilled professional')).toBe('hsp');
  });
});

describe('decision: answer only when one entry clearly wins', () => {
  it('GIVEN a question that spans two entries THEN it is "close", with both as candidates', () => {
    const d = decision('is n3 enough for a raise');
    expect(d.kind).toBe('close');
    if (d.kind === 'close')
      expect(
        d.close
          .map((h) => h.entry.id)
          .slice(0, 2)
          .sort(),
      ).toEqual(['ask-raise', 'n3-jobs']);
  });

  it.each(['best ramen in shibuya', 'how do i open a bank account', 'たこ焼きのおすすめの店'])(
    'GIVEN "%s", about nothing the entries cover THEN nothing is suggested',
    (q) => {
      expect(decision(q)).toEqual({ kind: 'none' });
    },
  );

  it('GIVEN a question made only of private-use or symbol characters THEN nothing is answered', () => {
    expect(decision('\uE000\uE001 \uE0001\uE001')).toEqual({ kind: 'none' });
    expect(decision('??? !!!')).toEqual({ kind: 'none' });
  });

  it('GIVEN a word that asks ("when") beside one subject THEN it is matched but not counted as a known word: suggestions, no answer', () => {
    // The same bank read with "when" as a word: once as any word, once as a word that asks (search.yaml askingWords).
    const stopwords = ANALYZER.stopwords.filter((w) => w !== 'when');
    const phrasings = ENTRIES.flatMap((e) => [e.title, ...e.keywords, ...e.questions, 'when is the nomikai']);
    const plain = createRanker(ENTRIES, createAnalyzer({ ...ANALYZER, stopwords }, phrasings), RANKING);
    const asking = createRanker(ENTRIES, createAnalyzer({ ...ANALYZER, stopwords, askingWords: ['when'] }, phrasings), RANKING);
    expect(plain.rank('when is the nomikai?').known).toBe(2);
    const read = asking.rank('when is the nomikai?');
    expect(read.known).toBe(1);
    expect(read.hits[0]?.entry.id).toBe('nomikai');
    expect(decide(read, DECISION).kind).not.toBe('answer');
    // Beside other subject words too, "when" is the one word not counted.
    const longer = 'when is the nomikai with my boss?';
    expect(asking.rank(longer).known).toBe(plain.rank(longer).known - 1);
    expect(asking.rank(longer).known).toBeGreaterThanOrEqual(2);
  });

  it('GIVEN a question whose only known words are single kanji (verb stems) THEN no word names a subject: declined without suggestions', () => {
    // 上 and 下 are stems of phrasings' verbs (給料上げて, 評価下がる), but alone they say nothing about what is asked.
    const stems = ranker.rank('上げたいけど下がるかも？');
    expect(stems.hits.length).toBeGreaterThan(0);
    expect(stems.known).toBe(0);
    expect(decide(stems, DECISION)).toEqual({ kind: 'none' });
    // The same stem beside a word that names the subject counts as usual.
    expect(ranker.rank('飲み会に行かないと下がる？').known).toBe(2);
    expect(answered('飲み会に行かないと下がる？')).toBe('nomikai');
  });
});
