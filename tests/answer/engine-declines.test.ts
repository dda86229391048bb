import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerEngine, type AnswerEngine } from '../../src/answer/engine.js';
import { resultView } from '../../src/answer/view.js';
import { realKnowledgeBase } from '../support/kb.js';

/** Questions about subjects and details no entry covers, on the real knowledge base (search.yaml outOfScope, asksFor). */
let engine: AnswerEngine;
beforeAll(async () => {
  engine = createAnswerEngine(await realKnowledgeBase());
});

describe('declining what the entries do not cover', () => {
  it.each([
    'best ramen in Tokyo?',
    "what's the weather in Osaka tomorrow",
    'how do I set up Kubernetes on my laptop',
    'write me a poem about cherry blossoms',
    '大阪でおすすめのたこ焼き屋さん教えて！',
    'how do I open a bank account as a foreigner',
    // The post office bank by name (main answered it from the periods-of-stay entry).
    'ゆうちょって在留期間が短くても使える？',
    "do I need a japanese driver's license for my job",
    'can my parents visit on a tourist visa?',
    'can i work part time at a bar on an engineer visa',
    '技人国ビザで副業ってできますか？',
    'can i have a second job on gijinkoku?',
    'is side income allowed on an instructor visa',
    'can i do freelance translation on the side while on an instructor visa',
    'is it ok to do some tutoring on the side on gijinkoku',
    'how much unemployment pay do foreigners get after a layoff',
    '旅行で大阪に行くので、おすすめの観光スポットを教えて',
    'married a japanese guy and took his surname, do i update my zairyu card within 14 days like an address change?',
    '結婚して旧姓から変わりました。在留カードの氏名変更はいつまでに？住所変更と同じ14日？',
    'can my boss be my guarantor?',
    '部屋を借りたいけど保証人がいない外国人はどうすればいい？',
    // An English subject written straight against Japanese (mixed writing) is still that subject.
    'My Number cardの更新って区役所？在留カードはもう更新した',
    'where do i renew the My Numberカード? my residence card was just renewed',
    // Renewing a subscription shares "renew" and "card" with the residence card's renewal.
    'how do i renew my netflix subscription after my card expired',
    // A kind of detail the best entry cannot give (search.yaml asksFor): a pay figure, names of agencies.
    "what's the usual salary range for an in-house translator in Tokyo?",
    'recommend me some recruitment agencies for bilingual jobs, names please',
    'how much do bilingual recruiters in Osaka earn a year?',
    'average pay for a localization coordinator in osaka?',
    // Naturalization's own requirements: the PR-or-naturalization entry compares the routes and says it does not cover them.
    'been here 8 years, what are the requirements to naturalise?',
    'if i naturalize would i have to renounce my canadian citizenship',
    '帰化の要件ってどんな感じ？',
    'naturalization instead of PR - what would immigration require from me?',
    "been weighing PR vs naturalizing. what's required for the second one?",
    '日本に帰化するための条件は何ですか？',
    // A processing time no source gives (PR's); the renewal and certificate entries give theirs.
    'how long is the PR processing in nagoya these days?',
    'how long does it take for a spouse visa application?',
    'which eikaiwa company is the best to work for?',
    "what's the typical monthly pay for an ALT in osaka?",
    'ok but what do translators earn in tokyo, real numbers please',
    'what salary can a first-year bilingual recruiter expect in tokyo?',
    'in actual yen, what does a dispatch ALT get a month?',
    // The same in Japanese: an average salary (平均年収), or how much a job pays (給料ってどのくらい).
    '東京でリクルーターの給料ってどのくらい？',
    '翻訳の仕事って給料どのくらい？',
    // …with 平均 or だいたい between the pay word and どのくらい.
    'リクルーターの年収って普通どのくらい？',
    '英会話講師の給料ってだいたいどのくらい？',
    'ローカライズ業界の年収ってだいたいどれくらい？',
    // Reviews of a named company: no entry names or ranks one.
    'is interac a good company to work for?',
    'InteracとBorderlink、ALTの派遣会社ならどっちがいい？',
    'which of the big dispatch companies pays ALTs the most?',
    // Two named dispatch companies compared (the instructor entry's phrasing naming two made their names known words).
    'Signing my ALT contract soon. Interac or Borderlink, which one is better to work for?',
    'Moving from Interac to Borderlink as an ALT next year, which one treats ALTs better on pay?',
    'which staffing agencies in osaka are good for bilinguals? names pls',
    'moving to rural nagano as an ALT, can i convert my US license or do i take the test?',
    // Hello Work (the public employment office), the special re-entry permit's rules, where to eat sushi.
    'does my company have to tell hello work when i quit?',
    '外国人を採用したら会社はハローワークに何か届け出る必要がある？',
    'みなし再入国で何か月まで出国できますか？',
    'good sushi place near shinjuku?',
    // Applying for a spouse visa (holding one and asking about work is covered).
    'what papers does my wife need to apply for a spouse visa?',
    '配偶者ビザの必要書類を教えてください',
    // Films to watch (unlike evenings spent watching them instead of job hunting).
    'any good movies on netflix rn',
    // Games to play (unlike evenings spent gaming instead of job hunting, or game localization as a career).
    '週末にやるおすすめのゲームある？',
  ])('GIVEN "%s", about nothing the entries cover THEN it declines with no suggestions and no LLM context', (question) => {
    const r = engine.answer(question);
    expect(r).toMatchObject({ answered: false, entry: undefined, suggestions: [], candidates: [] });
    const view = resultView(engine.kb, r);
    expect(view.title).toBe('Not in my guides');
    expect(view.body).toContain('/career-path');
    expect(view.sources).toEqual([]);
  });
});
