/**
 * 宣传推介活动 (五进): the kinds a winner's publicity activity is of, and the forms it usually takes. The
 * kind is one of a fixed list (the statistics count per kind); the form is free text with suggestions,
 * because units name their own formats.
 */
export const ACTIVITY_KINDS = {
  campus: '进校园',
  community: '进社区',
  enterprise: '进企业',
  barracks: '进军营',
  countryside: '进乡村',
  other: '其他',
} as const;

export type ActivityKind = keyof typeof ACTIVITY_KINDS;

export const ACTIVITY_KIND_KEYS = Object.keys(ACTIVITY_KINDS) as [ActivityKind, ...ActivityKind[]];

export const isActivityKind = (value: string): value is ActivityKind => Object.hasOwn(ACTIVITY_KINDS, value);

export const activityKindLabel = (kind: ActivityKind) => ACTIVITY_KINDS[kind];

/** Offered in the form's list; any other form the unit types is kept as typed. */
export const ACTIVITY_FORM_SUGGESTIONS = [
  '报告会',
  '阅读分享会',
  '讲座',
  '线上直播',
  '座谈会',
  '展览展示',
  '志愿服务',
  '经验交流会',
] as const;
