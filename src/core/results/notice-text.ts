/**
 * The result notice (印发通知公布) as text: title, 文号, body and signatories, in the names the notices
 * give. The national notice: 以“全民终身学习活动周领导小组”和“中国成人教育协会”名义印发通知公布; Jilin's:
 * 以“吉林省成人教育协会”名义. A campaign's rules carry these names (`publishers`); without them a national
 * round uses the national pair and any other round its organiser's own name.
 */
import { formatChineseDate } from '../calendar/format.ts';
import type { CampaignLevel } from '../campaign/rules.ts';
import { describeCounts, type ResultSection } from './result-list.ts';

export const NATIONAL_ISSUERS = ['全民终身学习活动周领导小组', '中国成人教育协会'] as const;

export function noticeIssuers(c: {
  level: CampaignLevel;
  organiserName: string;
  publishers?: readonly string[];
}): string[] {
  const named = (c.publishers ?? []).map((p) => p.trim()).filter((p) => p !== '');
  if (named.length > 0) return named;
  return c.level === 'national' ? [...NATIONAL_ISSUERS] : [c.organiserName];
}

/** 关于公布2026年“百姓学习之星”和“终身学习品牌项目”推介结果的通知 */
export function noticeTitle(year: number): string {
  return `关于公布${year}年“百姓学习之星”和“终身学习品牌项目”推介结果的通知`;
}

export interface NoticeInput {
  year: number;
  level: CampaignLevel;
  /** Where the list was announced, e.g. 中国成人教育协会官网. */
  venue: string;
  /** First and last day of the 公示 (YYYY-MM-DD), when known. */
  announcedFrom: string | null;
  announcedTo: string | null;
  issuers: readonly string[];
  sections: readonly ResultSection[];
  /** Objections received during the 公示, and how many were upheld (their entries left the list). */
  objections: { total: number; upheld: number };
  /** The day of publication (YYYY-MM-DD, Beijing). */
  day: string;
}

/** Addressees: the national notice writes to the provinces, a province's to its cities and colleges. */
function addressees(level: CampaignLevel): string {
  return level === 'national'
    ? '各省、自治区、直辖市教育厅（教委），各计划单列市教育局，新疆生产建设兵团教育局，各有关单位：'
    : '各有关单位：';
}

/** What became of the objections, in the notice's words: 「无异议」 only when there were none. */
function objectionOutcome({ total, upheld }: NoticeInput['objections']): string {
  if (total === 0) return '公示期满无异议';
  if (upheld === 0) return `公示期间收到的${total}件异议经核实均不成立`;
  return `公示期间收到异议${total}件，经核实${upheld}件成立，相关推介对象已移出名单`;
}

/** The body paragraphs, one per line, as the DOCX and the public page print them. */
export function noticeBody(n: NoticeInput): string {
  const period =
    n.announcedFrom && n.announcedTo
      ? `于${formatChineseDate(n.announcedFrom)}至${formatChineseDate(n.announcedTo)}在${n.venue}公示`
      : `在${n.venue}公示`;
  return [
    addressees(n.level),
    `根据${n.year}年“百姓学习之星”和“终身学习品牌项目”宣传推介工作安排，经各地各单位推荐、专家遴选，拟推介名单${period}。${objectionOutcome(n.objections)}，经审定，确定${describeCounts(n.sections)}为${n.year}年“百姓学习之星”和“终身学习品牌项目”推介结果，现予公布（名单见附件）。`,
    '希望受到推介的个人和项目珍惜荣誉，发挥示范引领作用。各地各单位要加大宣传力度，营造人人皆学、处处能学、时时可学的良好氛围，推动学习型社会建设。',
  ].join('\n');
}

/** The signature block: each issuer on its line, then the date. */
export function noticeSignature(issuers: readonly string[], day: string): string[] {
  return [...issuers, formatChineseDate(day)];
}
