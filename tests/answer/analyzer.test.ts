import { describe, expect, it } from 'vitest';
import { createAnalyzer, type AnalyzerSettings } from '../../src/answer/analyzer.js';
import { askedSentence, stem } from '../../src/answer/text.js';

const settings: AnalyzerSettings = {
  stopwords: ['the', 'a', 'to', 'for', 'in', 'do', 'i', 'my', 'it', 'is', 'definitely', 'probably'],
  synonyms: [
    { canonical: 'raise', variants: ['pay rise', 'salary increase', '昇給'] },
    { canonical: 'gijinkoku', variants: ['技人国', '技術・人文知識・国際業務', 'engineer visa'] },
    { canonical: 'information technology', variants: ['IT'] },
    { canonical: 'below n3', variants: ['not even n3', 'N3もない', 'N3未満'] },
  ],
  grams: { latin: [3, 4], cjk: [2, 3] },
};
const analyzer = createAnalyzer(settings, ['Asking for a promotion', 'bilingual recruiter', 'translation']);
const terms = (t: string, correct = false) => analyzer.analyze(t, { correct }).terms;

describe('analyzer', () => {
  it('maps English phrases, inflected forms and Japanese terms onto one canonical term, without marker characters', () => {
    expect(terms('How do I ask for a salary increase?')).toEqual(['how', 'ask', 'rais']);
    expect(terms('pay rises in Japan')).toEqual(['rais', 'japan']);
    expect(terms('昇給について')).toEqual(['rais']);
    expect(terms('技人国で転職')).toEqual(['gijinkoku', '転職']);
    expect(analyzer.analyze('pay rise').grams.join(' ')).not.toMatch(/[\uE000-\uF8FF]/u);
  });

  it('finds a Japanese variant written with middle dots (a status by its official name), with no n-gram across a dot', () => {
    expect(terms('「教育」と「技術・人文知識・国際業務」のどちら？')).toEqual(['教育', 'gijinkoku']);
    expect(terms('技術･人文知識･国際業務')).toEqual(['gijinkoku']); // the half-width dot, after NFKC
    expect(terms('日本語・転職・スキル')).toEqual(['日本語', '転職', 'スキル']);
    const grams = analyzer.analyze('日本語・転職').grams;
    expect(grams).toContain('日本語');
    expect(grams.some((g) => g.includes('・'))).toBe(false);
    expect(grams).not.toContain('語転');
  });

  it('reads a level glued to Japanese ("N3もない", "N3未満") as the variant it is, and the rest of the run as usual', () => {
    expect(terms('N3もないけど転職できる？')).toEqual(['below', 'n3', '転職']);
    expect(terms('日本語はN3未満です')).toEqual(['日本語', 'below', 'n3']);
    expect(terms('n3 not even close')).toEqual(['n3', 'not', 'even', 'close']);
    expect(terms('not even N3 yet')).toEqual(['below', 'n3', 'yet']);
    // N3 held, followed by other Japanese: no variant, the level alone.
    expect(terms('N3持ってて転職できる？')).toEqual(['n3', '転職']);
  });

  it('reads a word glued to a number and a Japanese counter ("ALT3年目", "IT5年") as the word and the number; a level stays one', () => {
    expect(terms('ALT3年目で転職')).toEqual(['alt', '3', '転職']);
    expect(terms('IT5年の経験')).toEqual(['inform', 'technolog', '5', '経験']);
    expect(terms('N3持ってて転職できる？')).toEqual(['n3', '転職']);
    expect(terms('mp3 files and covid19')).toEqual(['mp3', 'file', 'and', 'covid19']); // not glued to Japanese: as typed
  });

  it('treats an acronym case-sensitively: "IT" is information technology, the pronoun "it" a stopword', () => {
    expect(terms('jobs in IT')).toEqual(['job', 'inform', 'technolog']);
    expect(terms('is it hard')).toEqual(['hard']);
  });

  it('keeps the question words: "when should I ask" and "how do I ask" are different questions', () => {
    expect(terms('when should i ask')).toContain('when');
    expect(terms('how do i ask')).toContain('how');
  });

  it('keeps content words of Japanese text (no particles) and joins katakana loanwords', () => {
    const t = terms('人材紹介会社でバイリンガルのリクルーターになりたい');
    expect(t).toContain('バイリンガル');
    expect(t).toContain('リクルーター');
    expect(t).not.toContain('で');
  });

  it('reads kana standing alone in an English sentence as the word it mentions, kana glued to words or in Japanese as grammar', () => {
    expect(terms('the difference between は or が')).toEqual(['differ', 'between', 'or', 'は', 'が']);
    expect(terms("what does 'ですね' mean")).toEqual(['what', 'doe', 'mean', 'ですね']);
    expect(terms('N4くらいでjob huntingってきつい')).toEqual(['n4', 'job', 'hunt']);
    expect(terms('meetingで反対意見を言いたいとき、どうやって phrase する')).not.toContain('どうやって');
    expect(analyzer.terms('answer mentioning は', { latinOnly: true })).toEqual(['answer', 'mention']);
  });

  it('counts an inflected Japanese word by its kanji stem, so 移る and 移りにくい share a term', () => {
    expect(terms('他の業界に移りにくい')).toContain('移');
    expect(terms('別の業界へ移る')).toContain('移');
    expect(terms('勤めている会社')).toContain('勤');
    expect(terms('勤めている会社')).not.toContain('勤め');
  });

  it('corrects typos of longer words towards the curated vocabulary only when asked, never changing the first letter', () => {
    expect(terms('promtion', true)).toEqual([stem('promotion')]);
    expect(terms('translaton', true)).toEqual([stem('translation')]);
    expect(terms('promtion')).toEqual(['promtion']);
    expect(terms('romotion', true)).toEqual(['romot']);
  });

  it('drops a misspelled filler word like the stopword it stands for, instead of reading it as an unknown word', () => {
    expect(terms('definitly asking for a promotion', true)).toEqual(terms('asking for a promotion'));
    expect(terms('probaly a bilingual recruiter', true)).toEqual([stem('bilingual'), stem('recruiter')]);
    expect(terms('probaly')).toEqual([stem('probaly')]);
  });

  it('reads a word with a letter stretched for emphasis ("sooo", "pleeease") as the word itself', () => {
    expect(terms('sooo confused about asking for a promotion')).toEqual(terms('so confused about asking for a promotion'));
    expect(terms('recruiterrr')).toEqual([stem('recruiter')]);
    expect(terms('bilingual recruiter')).toEqual([stem('bilingual'), stem('recruiter')]);
  });

  it('gives character n-grams of each word and of Japanese runs, so typos and Japanese without spaces still overlap', () => {
    const a = new Set(analyzer.analyze('notification').grams);
    const b = analyzer.analyze('notifcation').grams;
    expect(b.filter((g) => a.has(g)).length / b.length).toBeGreaterThan(0.6);
    expect(analyzer.analyze('届出が必要').grams).toEqual(expect.arrayContaining(['届出', '必要', '出が']));
  });

  it('brings -ify and -ification together', () => {
    expect(stem('notify')).toBe(stem('notification'));
    expect(stem('qualify')).toBe(stem('qualification'));
  });
});

describe('the sentence a message asks in', () => {
  it.each([
    ['3 years on gijinkoku, moved from QA to dev last spring. do i need to tell immigration?', 'do i need to tell immigration?'],
    ['Is N2 enough? I teach at a JHS and study every night.', 'Is N2 enough?'],
    ['I teach at a JHS. I study every night. thinking about leaving', 'thinking about leaving'],
    ['技人国で3年目です。来月転職します。入管への届出は必要ですか？', '入管への届出は必要ですか？'],
    ['ALTです\nN2持ってます\n教える以外の仕事ある?', '教える以外の仕事ある?'],
    ["I'm 31 and earn 7.2M yen. How many HSP points is that?", 'How many HSP points is that?'],
  ])('GIVEN "%s" THEN it asks in "%s"', (message, sentence) => {
    expect(askedSentence(message)).toBe(sentence);
  });

  it.each(['how do i ask for a raise?', 'N2 enough for a translation job', '7.2M yen at 31, how many points?'])(
    'GIVEN a message of one sentence ("%s") THEN there is no separate sentence to ask in',
    (message) => {
      expect(askedSentence(message)).toBeUndefined();
    },
  );
});
