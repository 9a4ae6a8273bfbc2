/**
 * The rules of one campaign (one organiser, one year, one level) as plain JSON data. The server stores
 * them as versioned campaign data, the browser edits them, and every business rule in core reads its
 * thresholds from here, so a new year's notice is a data change, not a code change.
 * The zod schema in rules-schema.ts mirrors this type and is checked against it at compile time.
 */

import type { FormLayout } from '../documents/form-layout.ts';
import type { MaterialSetSpec } from '../materials/spec.ts';
import type { ReviewRules } from '../review/review-rules.ts';
import type { CampaignSupervision } from './organiser-scope.ts';
import type { OrganisationType } from './unit-types.ts';

export const CATEGORIES = ['star', 'project'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CAMPAIGN_LEVELS = ['national', 'provincial', 'city'] as const;
export type CampaignLevel = (typeof CAMPAIGN_LEVELS)[number];

export const CAMPAIGN_LEVEL_LABELS: Record<CampaignLevel, string> = {
  national: '全国',
  provincial: '省级',
  city: '市级',
};

/** China has had no daylight saving time since 1991, so Asia/Shanghai is always UTC+08:00. */
export const CAMPAIGN_TIME_ZONE = 'Asia/Shanghai';

export interface QuotaRange {
  min: number;
  max: number;
}

export type CategoryQuota = Record<Category, QuotaRange>;

/** A unit's own quota, replacing its type's quota for the categories it names. */
export type UnitQuotaOverride = Partial<Record<Category, QuotaRange>>;

export interface CategoryInfo {
  /** 百姓学习之星 */
  label: string;
  /** 名 / 个, the measure word the notices use. */
  unit: string;
  /** 事迹特别感人的百姓学习之星 */
  specialLabel: string;
}

export interface Deadline {
  /** YYYY-MM-DD in Asia/Shanghai; null while an organiser prepares a copied campaign. */
  date: string | null;
  /** HH:mm, Asia/Shanghai. Both notices give only a day, so templates use 23:59 (end of that day). */
  time: string;
  /** False when the time is our reading, not the notice's, so the UI can say so. */
  timeFromNotice: boolean;
}

export interface RequiredForm {
  id: string;
  category: Category;
  /** 《百姓学习之星推介表》 */
  title: string;
  /** 附件 number in the notice. */
  attachment: number | null;
  /** 一式N份, stamped paper copies. */
  paperCopies: number;
}

export interface CampaignMaterials {
  star: MaterialSetSpec;
  project: MaterialSetSpec;
  /** Extra material for the special pick, on top of the category's regular material. */
  specialStar: MaterialSetSpec;
  specialProject: MaterialSetSpec;
}

export interface Announcement {
  workingDays: number;
  /** 'counts_if_working_day': the publication day counts when it is a working day (common practice). */
  startDay: 'counts_if_working_day' | 'never_counts';
  /** Where the 公示 happens, e.g. 中国成人教育协会官网. */
  venue: string;
}

export type ProjectRegistrationScope =
  | { scope: 'china' }
  /** provinceCode: the first two digits of the administrative division code (吉林 22). */
  | { scope: 'province'; provinceCode: string; provinceName: string };

export interface StarEligibilityRules {
  /** Accepted spellings are normalised by the eligibility code; this is what the notice says. */
  nationality: string;
  focusGroups: string[];
  /** 一般情况下不推介县处级及以上领导干部: a warning an organiser may override with a reason. */
  warnOfficialRank: boolean;
  /** Short titles of 条件1–N, attested by the unit one by one. */
  conditions: string[];
  excludePreviousWinners: boolean;
}

export interface ProjectEligibilityRules {
  registration: ProjectRegistrationScope;
  /** 项目启动或创建时间应不少于两年, measured at the deadline. */
  minYearsRunning: number;
  /** 参与学习人数每年不少于1000人次（线下）或3000人次（线上）: either suffices. */
  minParticipationsOffline: number;
  minParticipationsOnline: number;
  /**
   * 工作总结 1500字左右: `target` is the notice's number; outside [min, max] is warned, never refused.
   * The templates read 左右 as ±20% (1,200–1,800): wide enough for a well-written summary, narrow
   * enough to catch a one-paragraph note or a pasted report.
   */
  workSummaryChars: { target: number; min: number; max: number };
  /**
   * A credit check older than this many days on the day of submission (today while drafting) is warned
   * about (templates: 90, one quarter): a record can turn bad at any time.
   */
  creditCheckMaxAgeDays: number;
  conditions: string[];
  excludePreviousWinners: boolean;
}

export interface Contact {
  /** The body the people belong to, e.g. 中国成人教育协会. */
  organisation: string;
  /** What to ask them about, e.g. 技术咨询; '' when the notice does not say. */
  topic: string;
  people: string[];
  phones: string[];
  emails: string[];
  address: string | null;
  postcode: string | null;
}

export interface Submission {
  /** Online platform named by the notice, if any. */
  onlineUrl: string | null;
  /** Where the stamped paper copies go. */
  paperAddress: string | null;
  /** 电子材料请刻制光盘或用U盘等形式一并邮寄 */
  electronicCopyByMail: boolean;
  /** 逾期视为自动放弃 */
  lateCountsAsWithdrawn: boolean;
}

/**
 * The campaign's own 推介表 layouts, when its attachments differ from the built-in ones (a province
 * adds a row or renames a label). Absent: the built-in layout (core/documents/default-layouts.ts).
 * The number of paper copies is `forms[].paperCopies`.
 */
export interface CampaignDocuments {
  starForm?: FormLayout;
  projectForm?: FormLayout;
}

export interface CampaignRules {
  schemaVersion: 1;
  /** The built-in template this was made from, if any. */
  templateId: string | null;
  year: number;
  level: CampaignLevel;
  title: string;
  /** The body that issued the notice and runs the round. */
  organisers: string[];
  /** In whose names the result is published (印发通知公布). */
  publishers: string[];
  /** 中成协〔2024〕023号; null when the notice carries none. */
  documentNumber: string | null;
  /** Date on the notice, YYYY-MM-DD, or null. */
  issuedOn: string | null;
  deadline: Deadline;
  categories: Record<Category, CategoryInfo>;
  quotas: {
    byUnitType: Partial<Record<OrganisationType, CategoryQuota>>;
    /** Keyed by organisation id. */
    unitOverrides: Record<string, UnitQuotaOverride>;
  };
  /** Special picks per unit per category, on top of the quota. */
  specialPicks: Record<Category, number>;
  forms: RequiredForm[];
  materials: CampaignMaterials;
  announcement: Announcement;
  eligibility: { star: StarEligibilityRules; project: ProjectEligibilityRules };
  contacts: Contact[];
  submission: Submission;
  /** Whether the selected nominees go on to the national round of the same year. */
  forwardsToNationalRound: boolean;
  /** Optional: rules stored before it existed have none, and that means the built-in layouts. */
  documents?: CampaignDocuments;
  /** Optional: the expert review's rubric and settings; none means the defaults (core/review/review-rules.ts). */
  review?: ReviewRules;
  /**
   * Optional, off when absent: whether an organisation above the organiser may see this campaign,
   * read-only with personal data masked (core/campaign/organiser-scope.ts). It never makes it the organiser.
   */
  supervision?: CampaignSupervision;
}
