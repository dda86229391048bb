import type { RuleCommand } from '../../src/kb/understand.js';
import type { Inputs } from '../../src/understand/decide.js';

/**
 * Free-form questions and how they must be read (issue 9). `inputs` are what a member would type into the command
 * (its option names); `missing` the options the reply must ask for (empty: the command's answer is given). Without
 * `command`, the question must not be read as any command's request (the knowledge base answers it).
 * `result` is the command's answer for these inputs: the HSP total, the visa-check verdict, or the career paths
 * that are open. Written for this test, not taken from the evaluation sets.
 */
export interface Case {
  q: string;
  lang: 'en' | 'ja' | 'mixed';
  command?: RuleCommand;
  inputs?: Inputs;
  missing?: string[];
  result?: { total?: number; verdict?: string; open?: string[] };
  /** The misreading this case guards against. */
  guards?: string;
}

const hsp = (q: string, lang: Case['lang'], inputs: Inputs, rest: Partial<Case> = {}): Case => ({
  q,
  lang,
  command: 'hsp-points',
  inputs,
  missing: [],
  ...rest,
});
const visa = (q: string, lang: Case['lang'], inputs: Inputs, rest: Partial<Case> = {}): Case => ({
  q,
  lang,
  command: 'visa-check',
  inputs,
  missing: [],
  ...rest,
});
const career = (q: string, lang: Case['lang'], inputs: Inputs, rest: Partial<Case> = {}): Case => ({
  q,
  lang,
  command: 'career-path',
  inputs,
  missing: [],
  ...rest,
});
const none = (q: string, lang: Case['lang'], guards?: string): Case => ({ q, lang, ...(guards ? { guards } : {}) });

export const HSP_CASES: Case[] = [
  hsp(
    "hsp? 30, master's, 5 yrs exp, 7.5M, N2 — do i make 70?",
    'en',
    { age: 30, degree: 'master', experience: 5, salary: 7_500_000, jlpt: 'N2' },
    { result: { total: 75 } },
  ),
  hsp(
    "How many HSP points would I get? I'm 29 with a BSc, 3 years of experience, salary 6,500,000 yen, JLPT N1, and I graduated from a Japanese university.",
    'en',
    { age: 29, degree: 'bachelor', experience: 3, salary: 6_500_000, jlpt: 'N1', 'japanese-degree': true },
    { result: { total: 75 } },
  ),
  hsp(
    'HSP calc: 34yo, PhD, 8 years exp, ¥9.2m',
    'en',
    { age: 34, degree: 'doctorate', experience: 8, salary: 9_200_000 },
    { result: { total: 90 } },
  ),
  hsp(
    'highly skilled visa points: age 41, MBA, 12 years of experience, 11M yen, no JLPT',
    'en',
    { age: 41, degree: 'mba', experience: 12, salary: 11_000_000, jlpt: 'none' },
    { result: { total: 85 } },
  ),
  hsp(
    "I'm 27, bachelor's degree, 2 years of work experience, offered 5.5 million a year. N3 — do I qualify for HSP?",
    'en',
    { age: 27, degree: 'bachelor', experience: 2, salary: 5_500_000, jlpt: 'N3' },
    { result: { total: 40 } },
  ),
  hsp(
    "hsp points? age 35, I don't have a degree, 10 years experience, 8M",
    'en',
    { age: 35, degree: 'none', experience: 10, salary: 8_000_000 },
    { result: { total: 55 }, guards: '"I don\'t have a degree" is a degree of none, not a missing degree' },
  ),
  hsp(
    "HSP points for me: 38 years old, master's, 3 kids, 6 years as a data engineer, 7M a year",
    'en',
    { age: 38, degree: 'master', experience: 6, salary: 7_000_000 },
    { result: { total: 60 }, guards: 'the 3 in "3 kids" is not years' },
  ),
  hsp(
    'Do I qualify for HSP at 28 years old with a Master of Science, 3 yrs experience and ¥6,000,000 a year?',
    'en',
    { age: 28, degree: 'master', experience: 3, salary: 6_000_000 },
    { result: { total: 60 } },
  ),
  hsp(
    "HSP points? age 36, bachelor's, 9 years of experience, 8.5M, BJT 530",
    'en',
    { age: 36, degree: 'bachelor', experience: 9, salary: 8_500_000, bjt: 530 },
    { result: { total: 75 } },
  ),
  hsp(
    "On gijinkoku, thinking of switching to HSP — I'm 33, master's, 6 years experience, 7.8M",
    'en',
    { age: 33, degree: 'master', experience: 6, salary: 7_800_000 },
    { result: { total: 65 } },
  ),
  hsp(
    'Would I hit 70 HSP points? 32, MSc, 5-6 years experience, 7.2M',
    'en',
    { age: 32, degree: 'master', salary: 7_200_000 },
    { missing: ['experience'], guards: 'a range ("5-6 years") is not one number' },
  ),
  hsp(
    'HSP points? 31yo, PhD, 6 years experience, monthly salary 450k yen',
    'en',
    { age: 31, degree: 'doctorate', experience: 6 },
    { missing: ['salary'], guards: 'a monthly salary is not an annual one' },
  ),
  hsp(
    "hsp: 33, master's, 7 years exp, N1 - enough for 80 points?",
    'en',
    { age: 33, degree: 'master', experience: 7, jlpt: 'N1' },
    { missing: ['salary'], guards: '80 (the points wanted) is not an age or a salary' },
  ),
  hsp(
    "HSP points: 30, master's, 4 years experience, 7.5M, and I'm taking the N1 exam in December",
    'en',
    { age: 30, degree: 'master', experience: 4, salary: 7_500_000 },
    { missing: ['jlpt'], guards: 'a level taken later is not held' },
  ),
  hsp(
    "HSP points? about 30 years old, master's, around 5 years exp, 7M",
    'en',
    { degree: 'master', salary: 7_000_000 },
    { missing: ['age', 'experience'], guards: 'approximate numbers are asked for' },
  ),
  none('What is HSP?', 'en', 'naming HSP is not a points question'),
  none('How many points do I need for HSP?', 'en'),
  none('Does JLPT N2 count for HSP points?', 'en'),
  none('hsp points with a PhD?', 'en'),
  hsp(
    '高度専門職のポイント計算をお願いします。32歳、修士、実務経験4年、年収650万円、N2です。',
    'ja',
    { age: 32, degree: 'master', experience: 4, salary: 6_500_000, jlpt: 'N2' },
    { result: { total: 65 } },
  ),
  hsp(
    '高度人材ポイント：29歳、学士、経験3年、年収550万、日本の大学卒業、N1',
    'ja',
    { age: 29, degree: 'bachelor', experience: 3, salary: 5_500_000, jlpt: 'N1', 'japanese-degree': true },
    { result: { total: 70 } },
  ),
  hsp(
    '高度専門職ポイント、35歳、博士、経験10年、年収1000万円',
    'ja',
    { age: 35, degree: 'doctorate', experience: 10, salary: 10_000_000 },
    { result: { total: 95 } },
  ),
  hsp(
    '高度専門職のポイントは？30歳、修士、実務経験5年、月給40万、N2',
    'ja',
    { age: 30, degree: 'master', experience: 5, jlpt: 'N2' },
    { missing: ['salary'], guards: '月給 is monthly: annual only if stated' },
  ),
  hsp(
    '高度専門職ポイント：31歳、修士、経験6年、月給45万で年収700万、N1',
    'ja',
    { age: 31, degree: 'master', experience: 6, salary: 7_000_000, jlpt: 'N1' },
    { result: { total: 80 }, guards: 'the annual salary, stated beside the monthly one, is the one read' },
  ),
  hsp(
    '学位はないけど、高度専門職のポイントは足りる？40歳、経験15年、年収1200万',
    'ja',
    { age: 40, degree: 'none', experience: 15, salary: 12_000_000 },
    { result: { total: 60 } },
  ),
  hsp(
    '高度専門職ポイント：28歳、修士、経験3年、年収600万。7月にN1を受験予定です',
    'ja',
    { age: 28, degree: 'master', experience: 3, salary: 6_000_000 },
    { missing: ['jlpt'] },
  ),
  none('高度専門職って何ですか？', 'ja'),
  hsp(
    "HSPのポイント教えて: 30歳, master's, 5 yrs exp, 7.5M, N2",
    'mixed',
    { age: 30, degree: 'master', experience: 5, salary: 7_500_000, jlpt: 'N2' },
    { result: { total: 75 } },
  ),
  hsp(
    '高度専門職 points? 33歳、PhD、exp 7 years、年収800万',
    'mixed',
    { age: 33, degree: 'doctorate', experience: 7, salary: 8_000_000 },
    { result: { total: 85 } },
  ),
  hsp(
    'HSP計算：age 29, 学士, 実務経験2年, 450万円',
    'mixed',
    { age: 29, degree: 'bachelor', experience: 2, salary: 4_500_000 },
    { result: { total: 35 } },
  ),
];

export const VISA_CASES: Case[] = [
  visa('I work as a developer on a gijinkoku visa and my company wants to move me to sales — is that OK?', 'en', {
    status: 'engineer-specialist',
    'current-work': 'system-development',
    'new-work': 'sales',
    employer: 'same',
  }),
  visa('Spouse visa, eikaiwa teacher, want to do translation at a new company - allowed?', 'en', {
    status: 'unrestricted',
    'current-work': 'language-teaching-private',
    'new-work': 'translation-interpretation',
    employer: 'new',
  }),
  visa("I'm an ALT on an instructor visa. Can I switch to an eikaiwa at another company?", 'en', {
    status: 'instructor',
    'current-work': 'language-teaching-school',
    'new-work': 'language-teaching-private',
    employer: 'new',
  }),
  visa('Engineer visa holder here: moving from QA to development at the same company, any visa issue?', 'en', {
    status: 'engineer-specialist',
    'current-work': 'qa-testing',
    'new-work': 'system-development',
    employer: 'same',
  }),
  visa('On gijinkoku doing IT support, got an offer from another company for a hotel front desk job. Visa ok?', 'en', {
    status: 'engineer-specialist',
    'current-work': 'it-support',
    'new-work': 'hospitality-service',
    employer: 'new',
  }),
  visa('SSW visa, factory line work, changing jobs to another factory — is that allowed?', 'en', {
    status: 'specified-skilled',
    'current-work': 'factory-line',
    'new-work': 'factory-line',
    employer: 'new',
  }),
  visa("I'm on HSP working in system development; my company is transferring me to the marketing team. Is that fine?", 'en', {
    status: 'highly-skilled',
    'current-work': 'system-development',
    'new-work': 'marketing',
    employer: 'same',
  }),
  visa('on gijinkoku, moving from software engineering to QA at a new company, salary 4.8M — visa ok?', 'en', {
    status: 'engineer-specialist',
    'current-work': 'system-development',
    'new-work': 'qa-testing',
    employer: 'new',
    salary: 4_800_000,
  }),
  visa('Engineer visa, developer, changing jobs to an SES company, still a developer, client-site work. OK?', 'en', {
    status: 'engineer-specialist',
    'current-work': 'system-development',
    'new-work': 'system-development',
    employer: 'new',
    dispatch: true,
  }),
  visa(
    'my company wants to move me from backend dev to the marketing team. is my visa fine?',
    'en',
    { 'current-work': 'system-development', 'new-work': 'marketing', employer: 'same' },
    { missing: ['status'] },
  ),
  visa(
    'On gijinkoku, I want to go from teaching to marketing at my company — ok?',
    'en',
    { status: 'engineer-specialist', 'new-work': 'marketing', employer: 'same' },
    { missing: ['current-work'], guards: '"teaching" could be at a school or private' },
  ),
  visa(
    'Can I move from development to sales on my engineer visa?',
    'en',
    { status: 'engineer-specialist', 'current-work': 'system-development', 'new-work': 'sales' },
    { missing: ['employer'] },
  ),
  visa(
    "I'm on a work visa doing marketing, can I move into sales at the same company?",
    'en',
    { 'current-work': 'marketing', 'new-work': 'sales', employer: 'same' },
    { missing: ['status'], guards: '"work visa" could be gijinkoku or instructor' },
  ),
  none('What does the gijinkoku visa cover?', 'en'),
  none("I'm a developer on gijinkoku, how do I renew my visa?", 'en', 'one duty and a status, but no move'),
  visa('技人国で開発からマーケに異動になったけどビザ大丈夫？', 'ja', {
    status: 'engineer-specialist',
    'current-work': 'system-development',
    'new-work': 'marketing',
    employer: 'same',
  }),
  visa('技人国ビザでエンジニアとして働いていますが、転職して営業になりたいです。大丈夫ですか？', 'ja', {
    status: 'engineer-specialist',
    'current-work': 'system-development',
    'new-work': 'sales',
    employer: 'new',
  }),
  visa('教育ビザでALTをしています。英会話スクールに転職できますか？', 'ja', {
    status: 'instructor',
    'current-work': 'language-teaching-school',
    'new-work': 'language-teaching-private',
    employer: 'new',
  }),
  visa('永住者です。翻訳の仕事から工場のライン作業に転職しても問題ないですか？', 'ja', {
    status: 'unrestricted',
    'current-work': 'translation-interpretation',
    'new-work': 'factory-line',
    employer: 'new',
  }),
  visa('特定技能で工場で働いていますが、同じ会社でデータ入力の仕事に変われますか？', 'ja', {
    status: 'specified-skilled',
    'current-work': 'factory-line',
    'new-work': 'data-entry',
    employer: 'same',
  }),
  visa('技人国で通訳をしていますが、社内でマーケティング部に異動します。ビザは大丈夫？', 'ja', {
    status: 'engineer-specialist',
    'current-work': 'translation-interpretation',
    'new-work': 'marketing',
    employer: 'same',
  }),
  visa('配偶者ビザで英会話講師をしています。ホテルのフロントに転職できますか？', 'ja', {
    status: 'unrestricted',
    'current-work': 'language-teaching-private',
    'new-work': 'hospitality-service',
    employer: 'new',
  }),
  visa(
    '開発から営業に異動になりました。在留資格は大丈夫ですか？',
    'ja',
    { 'current-work': 'system-development', 'new-work': 'sales', employer: 'same' },
    { missing: ['status'] },
  ),
  visa('技人国 visa, moving from QA to 開発 at the same company — OK?', 'mixed', {
    status: 'engineer-specialist',
    'current-work': 'qa-testing',
    'new-work': 'system-development',
    employer: 'same',
  }),
  visa('gijinkokuで、developerからsalesに転職 — ビザ的にOK?', 'mixed', {
    status: 'engineer-specialist',
    'current-work': 'system-development',
    'new-work': 'sales',
    employer: 'new',
  }),
];

export const CAREER_CASES: Case[] = [
  career('N3, ALT in a small town, I can code — can I leave teaching?', 'en', {
    jlpt: 'N3',
    background: 'alt',
    technical: true,
    location: 'regional',
  }),
  career("I'm an ALT with N2 in Osaka. What careers can I move into?", 'en', { jlpt: 'N2', background: 'alt', location: 'city' }),
  career('ex-ALT, N1, looking for jobs in Tokyo that sponsor visas', 'en', {
    jlpt: 'N1',
    background: 'alt',
    location: 'tokyo',
    sponsorship: true,
  }),
  career('Engineer with N4, want to move to Fukuoka — what are my options?', 'en', {
    jlpt: 'N4',
    background: 'engineer',
    location: 'city',
  }),
  career(
    'N2 level, eikaiwa teacher, no coding skills, on a spouse visa — what jobs could I get besides teaching?',
    'en',
    { jlpt: 'N2', background: 'alt', technical: false, sponsorship: false },
    { guards: '"N2 level" is a level held' },
  ),
  career('JLPT N3, I teach English, need visa sponsorship — can I get out of teaching?', 'en', {
    jlpt: 'N3',
    background: 'alt',
    sponsorship: true,
  }),
  career(
    "I'm an ALT, the N2 exam is in July, what are my career options in Tokyo?",
    'en',
    { background: 'alt', location: 'tokyo' },
    { missing: ['jlpt'], guards: '"the N2 exam is in July" is not a level held' },
  ),
  none('What careers are there after ALT?', 'en'),
  none('My JLPT N2 exam is in July, any study tips?', 'en'),
  career('私はALTでN2を持っています。地方に住んでいますが、東京で働きたいです。キャリアの選択肢は？', 'ja', {
    jlpt: 'N2',
    background: 'alt',
    location: 'tokyo',
  }),
  career('N3の英語講師です。プログラミングができます。英語以外の仕事に転職できる？', 'ja', {
    jlpt: 'N3',
    background: 'alt',
    technical: true,
  }),
  career('エンジニアでN1です。大阪でどんな仕事がありますか？', 'ja', { jlpt: 'N1', background: 'engineer', location: 'city' }),
  career('ALTです。12月にN2を受ける予定ですが、キャリアパスは？', 'ja', { background: 'alt' }, { missing: ['jlpt'] }),
  career('ALTやめたいけどN3でIT行ける？coding少しできる', 'mixed', { jlpt: 'N3', background: 'alt', technical: true }),
  career('N2持ちのALT, want to work in Tokyo — options?', 'mixed', { jlpt: 'N2', background: 'alt', location: 'tokyo' }),
];

export const OTHER_CASES: Case[] = [
  none('I have 3 kids and N2, how do I renew my visa?', 'en', 'the 3 in "3 kids" is nothing'),
  none("I've lived in Japan for 5 years, can I get permanent residency?", 'en'),
  none('日本語能力試験N2は転職に役立ちますか？', 'ja'),
];

export const CASES: Case[] = [...HSP_CASES, ...VISA_CASES, ...CAREER_CASES, ...OTHER_CASES];
