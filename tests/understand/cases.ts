import { career, none, type Case } from './case.js';
import { HSP_CASES } from './cases-hsp.js';
import { VISA_CASES } from './cases-visa.js';

export type { Case } from './case.js';

/** /career-path questions and questions for no command (tests/understand/case.ts explains the fields). */
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
  career(
    'ALT for 2 years with N3 here. Can I leave teaching with only N3, or is N2 required?',
    'en',
    { jlpt: 'N3', background: 'alt' },
    { guards: '"is N2 required" names a requirement, not a level held' },
  ),
  career(
    'ALT with N2 here, grinding for N1 now. Which careers open up?',
    'en',
    { jlpt: 'N2', background: 'alt' },
    { guards: '"grinding for N1" (studying for it) is a goal, not a level held' },
  ),
  career(
    'Dispatch ALT, N3 now. Would getting N2 change which jobs are open to me, or if I pass N1 later?',
    'en',
    { jlpt: 'N3', background: 'alt' },
    { guards: '"getting N2" and "if I pass N1" are goals, not levels held' },
  ),
  career(
    'Dispatch ALT working toward the JLPT. Is reaching N2 enough for most careers here, or do I need to get to N1?',
    'en',
    { background: 'alt' },
    { missing: ['jlpt'], guards: '"reaching N2" and "get to N1" are goals, not levels held' },
  ),
  career(
    'JETでALTやってます。Would passing N1 get me a non-teaching job after ALT?',
    'mixed',
    { background: 'alt' },
    { missing: ['jlpt'], guards: '"would passing N1" asks what the level would do: a goal, not a level held' },
  ),
  career(
    '派遣のALTで、日本語を勉強中です。N2に届けば仕事の選択肢は増えますか？',
    'ja',
    { background: 'alt' },
    { missing: ['jlpt'], guards: '"勉強中" before "N2に届けば" makes N2 a goal, not a level held' },
  ),
  career(
    "ALT here, I don't even have N3. Which careers are open to me?",
    'en',
    { background: 'alt' },
    { missing: ['jlpt'], guards: '"don\'t even have N3" says N3 is not held' },
  ),
  career(
    'eikaiwa teacher, failed N2 twice but I have N3. What are my career options?',
    'en',
    { jlpt: 'N3', background: 'alt' },
    { guards: '"failed N2" is not a level held; N3 is' },
  ),
  career(
    'below n3 here, what are my options after jet besides teaching',
    'en',
    { background: 'alt' },
    { missing: ['jlpt'], guards: '"below N3" is a level under N3, not N3 held' },
  ),
  career(
    'ALTです。日本語はN3未満ですが、教える以外のキャリアはありますか？',
    'ja',
    { background: 'alt' },
    { missing: ['jlpt'], guards: '"N3未満" (under N3) is not N3 held' },
  ),
  career(
    'ALTです。N3も持ってないけど、キャリアの選択肢はありますか？',
    'ja',
    { background: 'alt' },
    { missing: ['jlpt'], guards: '"N3も持ってない" says N3 is not held' },
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
  none(
    'Developer with N4 here. Realistically, how much Japanese do I need to get promoted to team lead?',
    'en',
    '"realistically" says how, not that career options are asked for',
  ),
];

export const CASES: Case[] = [...HSP_CASES, ...VISA_CASES, ...CAREER_CASES, ...OTHER_CASES];
