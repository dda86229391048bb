import { z } from 'zod';

/**
 * The input vocabulary of /career-path, /visa-check and /hsp-points: the interface contract shared by the CLI, the
 * Discord commands (choices) and the rule tables in knowledge/rules/ (validation rejects any other value).
 */
export interface Choice<V extends string = string> {
  value: V;
  label: string;
  label_ja: string;
}

const values = <V extends string>(choices: readonly Choice<V>[]) => choices.map((c) => c.value) as [V, ...V[]];

/** A zod enum whose messages list the allowed values (for CLI errors, Discord re-validation and kb:check). */
export function vocabularyEnum<V extends string>(choices: readonly Choice<V>[]) {
  const allowed = values(choices);
  return z.enum(allowed, {
    error: (issue) =>
      issue.input === undefined
        ? `is required; allowed values: ${allowed.join(', ')}`
        : `${JSON.stringify(issue.input)} is not allowed; allowed values: ${allowed.join(', ')}`,
  });
}

export function labelOf<V extends string>(choices: readonly Choice<V>[], value: V): string {
  return choices.find((c) => c.value === value)?.label ?? value;
}

export const JLPT_LEVELS = [
  { value: 'none', label: 'No JLPT / self-assessment only', label_ja: 'JLPTなし・自己評価のみ' },
  { value: 'N5', label: 'JLPT N5', label_ja: 'JLPT N5' },
  { value: 'N4', label: 'JLPT N4', label_ja: 'JLPT N4' },
  { value: 'N3', label: 'JLPT N3', label_ja: 'JLPT N3' },
  { value: 'N2', label: 'JLPT N2', label_ja: 'JLPT N2' },
  { value: 'N1', label: 'JLPT N1', label_ja: 'JLPT N1' },
] as const satisfies readonly Choice[];
export const jlptSchema = vocabularyEnum(JLPT_LEVELS);
export type Jlpt = z.infer<typeof jlptSchema>;
/** Lowest to highest, for `jlpt_min` / `jlpt_max` comparisons. */
export const jlptRank = (level: Jlpt): number => JLPT_LEVELS.findIndex((l) => l.value === level);

export const BACKGROUNDS = [
  { value: 'alt', label: 'ALT / English teaching', label_ja: 'ALT・英語指導' },
  { value: 'engineer', label: 'Engineering / IT', label_ja: 'エンジニア・IT' },
  { value: 'other', label: 'Other background', label_ja: 'その他の経歴' },
] as const satisfies readonly Choice[];
export const backgroundSchema = vocabularyEnum(BACKGROUNDS);
export type Background = z.infer<typeof backgroundSchema>;

export const LOCATIONS = [
  { value: 'tokyo', label: 'Tokyo area', label_ja: '東京圏' },
  { value: 'city', label: 'Other big city (Osaka, Nagoya, Yokohama…)', label_ja: 'その他の大都市（大阪・名古屋・横浜など）' },
  { value: 'regional', label: 'Regional / rural Japan', label_ja: '地方・郊外' },
] as const satisfies readonly Choice[];
export const locationSchema = vocabularyEnum(LOCATIONS);
export type Location = z.infer<typeof locationSchema>;

export const CAREER_STATUSES = [
  { value: 'open', label: 'Open', label_ja: '可能' },
  { value: 'stretch', label: 'Stretch', label_ja: '挑戦' },
  { value: 'closed', label: 'Closed for now', label_ja: '現状は困難' },
] as const satisfies readonly Choice[];
export const careerStatusSchema = vocabularyEnum(CAREER_STATUSES);
export type CareerStatus = z.infer<typeof careerStatusSchema>;

export const RESIDENCE_STATUSES = [
  { value: 'engineer-specialist', label: 'Engineer/Specialist in Humanities/International Services', label_ja: '技術・人文知識・国際業務' },
  { value: 'instructor', label: 'Instructor', label_ja: '教育' },
  { value: 'highly-skilled', label: 'Highly Skilled Professional (i)', label_ja: '高度専門職1号' },
  { value: 'specified-skilled', label: 'Specified Skilled Worker', label_ja: '特定技能' },
  { value: 'designated-activities-46', label: 'Designated Activities No. 46', label_ja: '特定活動46号' },
  { value: 'unrestricted', label: 'Permanent resident, spouse or long-term resident', label_ja: '永住者・配偶者等・定住者' },
  { value: 'student', label: 'Student', label_ja: '留学' },
  { value: 'working-holiday', label: 'Working holiday', label_ja: 'ワーキング・ホリデー' },
  { value: 'other', label: 'Other status', label_ja: 'その他の在留資格' },
] as const satisfies readonly Choice[];
export const residenceStatusSchema = vocabularyEnum(RESIDENCE_STATUSES);
export type ResidenceStatus = z.infer<typeof residenceStatusSchema>;

export const DUTIES = [
  { value: 'system-development', label: 'System development', label_ja: 'システム開発' },
  { value: 'it-support', label: 'IT support', label_ja: 'ITサポート' },
  { value: 'qa-testing', label: 'QA / testing', label_ja: 'QA・テスト' },
  { value: 'translation-interpretation', label: 'Translation / interpretation', label_ja: '翻訳・通訳' },
  {
    value: 'language-teaching-school',
    label: 'Language teaching at schools (ALT, public or private schools)',
    label_ja: '学校での語学指導（ALT等）',
  },
  {
    value: 'language-teaching-private',
    label: 'Private language teaching (eikaiwa, company classes)',
    label_ja: '英会話スクール・企業研修での語学指導',
  },
  { value: 'marketing', label: 'Marketing', label_ja: 'マーケティング' },
  { value: 'sales', label: 'Sales', label_ja: '営業' },
  { value: 'hr-recruiting', label: 'HR / recruiting', label_ja: '人事・採用' },
  { value: 'accounting-finance', label: 'Accounting / finance', label_ja: '経理・財務' },
  { value: 'hospitality-service', label: 'Hands-on hospitality / service work', label_ja: '接客・サービス業務' },
  { value: 'data-entry', label: 'Data entry', label_ja: 'データ入力' },
  { value: 'factory-line', label: 'Factory line work', label_ja: '工場ライン作業' },
  { value: 'own-business', label: 'Running your own business', label_ja: '自分の会社の経営' },
] as const satisfies readonly Choice[];
export const dutySchema = vocabularyEnum(DUTIES);
export type Duty = z.infer<typeof dutySchema>;

export const EMPLOYERS = [
  { value: 'same', label: 'Same employer', label_ja: '同じ勤務先' },
  { value: 'new', label: 'New employer', label_ja: '新しい勤務先' },
] as const satisfies readonly Choice[];
export const employerSchema = vocabularyEnum(EMPLOYERS);
export type Employer = z.infer<typeof employerSchema>;

export const VERDICTS = [
  { value: 'likely-fine', label: 'Likely fine', label_ja: 'おそらく問題なし' },
  { value: 'needs-review', label: 'Needs review', label_ja: '要確認' },
  { value: 'change-of-status-needed', label: 'Change of status needed', label_ja: '在留資格変更が必要' },
  { value: 'not-permitted', label: 'Not permitted', label_ja: '認められない' },
] as const satisfies readonly Choice[];
export const verdictSchema = vocabularyEnum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

export const DEGREES = [
  { value: 'doctorate', label: 'Doctorate', label_ja: '博士' },
  { value: 'mba', label: 'MBA / MOT (business-management professional degree)', label_ja: '経営管理の専門職学位（MBA・MOT）' },
  { value: 'master', label: "Master's or other professional degree", label_ja: '修士・専門職学位' },
  { value: 'bachelor', label: "Bachelor's or equivalent", label_ja: '学士・同等以上' },
  { value: 'none', label: 'No degree', label_ja: '学位なし' },
] as const satisfies readonly Choice[];
export const degreeSchema = vocabularyEnum(DEGREES);
export type Degree = z.infer<typeof degreeSchema>;

/** Yes/no HSP claims; the CLI flag is `--<value>`. Points for each live in knowledge/rules/hsp-points.yaml. */
export const HSP_CLAIMS = [
  { value: 'japanese-degree', label: 'Graduated from a Japanese university or graduate school', label_ja: '本邦の大学等を卒業' },
  { value: 'japanese-major', label: 'Foreign university degree majoring in Japanese', label_ja: '外国の大学で日本語を専攻して卒業' },
  {
    value: 'multiple-degrees',
    label: "Two or more doctorates/master's/professional degrees in different fields",
    label_ja: '複数分野の博士・修士・専門職学位',
  },
  { value: 'research', label: 'Research record (patent, 3+ funded projects or 3+ indexed papers)', label_ja: '研究実績' },
  { value: 'top-university', label: 'Graduated from a designated top university', label_ja: '一定の大学を卒業' },
  { value: 'foreign-qualification', label: 'Related foreign qualification or award', label_ja: '職務に関連する外国の資格等' },
  {
    value: 'employer-innovation',
    label: 'Employer receives innovation-promotion support',
    label_ja: 'イノベーション促進支援措置を受けている機関',
  },
  { value: 'employer-sme', label: 'Employer is a small or medium-sized enterprise', label_ja: '中小企業' },
  { value: 'employer-rd', label: 'Employer (an SME) spends over 3% of sales on R&D', label_ja: '試験研究費等が売上高の3%超の中小企業' },
  {
    value: 'employer-local-support',
    label: 'Employer receives recognised local-government support',
    label_ja: '地方公共団体の支援を受けている機関',
  },
  {
    value: 'growth-project',
    label: 'Working on a ministry-backed advanced project in a growth field',
    label_ja: '成長分野の先端プロジェクトに従事',
  },
  { value: 'jica-training', label: 'Completed JICA Innovative Asia training (1+ year)', label_ja: 'JICAイノベーティブ・アジア研修修了' },
  { value: 'investment-management', label: 'Working in investment management', label_ja: '投資運用業務に従事' },
] as const satisfies readonly Choice[];
export const hspClaimSchema = vocabularyEnum(HSP_CLAIMS);
export type HspClaim = z.infer<typeof hspClaimSchema>;

/** The choices of each command option that has them, by option (flag) name: the forms and kb:check read them. */
export const FACT_CHOICES: Readonly<Record<string, readonly Choice[]>> = {
  jlpt: JLPT_LEVELS,
  degree: DEGREES,
  status: RESIDENCE_STATUSES,
  'current-work': DUTIES,
  'new-work': DUTIES,
  employer: EMPLOYERS,
  background: BACKGROUNDS,
  location: LOCATIONS,
};
