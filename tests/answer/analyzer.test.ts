import { describe, expect, it } from 'vitest';
import { createAnalyzer, stem } from '../../src/answer/analyzer.js';
import type { SearchSettings } from '../../src/kb/schema.js';

const settings: SearchSettings = {
  boosts: { title: 1, keywords: 1, questions: 1, answer: 1, guide: 1 },
  unmatchedKnownWeight: 0.3,
  unknownWeight: 1,
  answerThreshold: 0.5,
  requireCuratedMatch: true,
  outOfScope: [],
  relatedMinShare: 0.5,
  suggestThreshold: 0.3,
  stopwords: ['the', 'a', 'to', 'for', 'in', 'how', 'do', 'i', 'my', 'japan', 'it'],
  synonyms: [
    { canonical: 'raise', variants: ['salary increase', 'pay rise', '昇給'] },
    { canonical: 'gijinkoku', variants: ['技人国', 'engineer visa'] },
    { canonical: 'information technology', variants: ['IT'] },
    { canonical: 'leave japan', variants: ['帰国'] },
  ],
};
const analyzer = createAnalyzer(settings, ['Asking for a promotion', 'bilingual recruiter', 'translation']);

describe('analyzer', () => {
  it('maps English phrases, inflected forms and Japanese terms onto one canonical term', () => {
    expect(analyzer.terms('How do I ask for a salary increase?')).toEqual(['ask', 'rais']);
    expect(analyzer.terms('pay rises in Japan')).toEqual(['rais']);
    expect(analyzer.terms('昇給について')).toEqual(['rais']);
    expect(analyzer.terms('技人国で転職')).toContain('gijinkoku');
  });

  it('keeps only content words of Japanese text and joins katakana loanwords', () => {
    const terms = analyzer.terms('人材紹介会社でバイリンガルのリクルーターになりたい');
    expect(terms).toContain('バイリンガル');
    expect(terms).toContain('リクルーター');
    expect(terms).not.toContain('で');
  });

  it('treats the acronym IT case-sensitively, so the pronoun "it" stays a stopword', () => {
    expect(analyzer.terms('jobs in IT')).toEqual(['job', 'inform', 'technolog']);
    expect(analyzer.terms('is it hard')).toEqual(['is', 'hard']);
  });

  it('corrects typos of longer words towards the curated vocabulary, but never changes the first letter', () => {
    expect(analyzer.terms('promtion', { correct: true })).toEqual([stem('promotion')]);
    expect(analyzer.terms('translaton', { correct: true })).toEqual([stem('translation')]);
    expect(analyzer.terms('promtion')).toEqual(['promtion']);
    expect(analyzer.terms('romotion', { correct: true })).toEqual(['romot']);
  });

  it('drops stopwords and their contractions but never a content word that merely stems like one ("use" vs "us")', () => {
    const a = createAnalyzer({ ...settings, stopwords: [...settings.stopwords, 'us', 'who', 'dont', 'im'] }, []);
    expect(a.terms("who's going to use it? I'm sure they don't")).toEqual(['go', 'us', 'sure', 'thei']);
  });

  it('never "corrects" a real word into another by swapping letters, but fixes dropped, doubled and transposed letters', () => {
    const a = createAnalyzer(settings, ['tourism and hospitality', 'recommendation']);
    expect(a.terms('tourist', { correct: true })).toEqual([stem('tourist')]);
    expect(a.terms('toursim', { correct: true })).toEqual([stem('tourism')]);
    expect(a.terms('reccomendation', { correct: true })).toEqual([stem('recommendation')]);
  });

  it('brings -ify and -ification together', () => {
    expect(stem('notify')).toBe(stem('notification'));
    expect(stem('qualify')).toBe(stem('qualification'));
  });
});
