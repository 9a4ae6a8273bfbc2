/** What the platform tells people of, inside the platform (the bell) and by mail when configured. */
export const NOTIFICATION_KINDS = {
  review_assigned: '评审任务',
  round_closing: '评审即将结束',
  reviews_complete: '评分已全部提交',
  shortlist_proposed: '拟推介名单待确认',
  objection_received: '收到异议',
  objection_to_confirm: '异议成立待复核',
  explanation_requested: '异议待说明',
  approval_requested: '结果待审定',
  approval_returned: '审定退回',
} as const;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
