/**
 * Chinese names of the audit log's action and entity codes, shown by the audit page and in exports.
 * A code not listed is shown as it is, so a new action never breaks a page.
 */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  organisation: '组织机构',
  account: '账号',
  campaign: '推介活动',
  calendar: '工作日历',
  nomination: '推介',
  winners: '往届入选名单',
  material: '推介材料',
  package: '提交包',
};

export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'account.created': '创建账号',
  'account.updated': '修改账号',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'account.password_reset': '重置密码',
  'account.password_changed': '修改密码',
  'organisation.created': '创建组织',
  'organisation.updated': '修改组织',
  'organisation.disabled': '停用组织',
  'organisation.enabled': '启用组织',
  'campaign.created': '发起推介活动',
  'campaign.rules_changed': '修改活动规则',
  'campaign.transitioned': '变更活动状态',
  'campaign.extension_granted': '为单位延期',
  'calendar.override_added': '添加日历调整',
  'calendar.override_removed': '删除日历调整',
  'calendar.year_confirmed': '确认年度工作日',
  'calendar.year_unconfirmed': '取消确认年度工作日',
  'nomination.created': '新建推介',
  'nomination.saved': '保存推介表',
  'nomination.transitioned': '变更推介状态',
  'nomination.marked_special': '标注特别推介',
  'nomination.unmarked_special': '取消特别推介',
  'nomination.exported': '导出推介列表',
  'nomination.identity_viewed': '查看身份证号',
  'nomination.warning_accepted': '确认接受提示',
  'registration.ordered': '编排推介登记表',
  'winners.imported': '导入往届入选名单',
  'nomination.forwarded': '报送上级推介',
  'document.downloaded': '下载推介文书',
  'package.requested': '生成提交包',
  'package.built': '提交包生成完成',
  'package.downloaded': '下载提交包',
  'package.exported': '命令行导出提交包',
  'material.uploaded': '上传材料',
  'material.generated': '由填写内容生成工作总结文档',
  'material.deleted': '删除材料',
  'material.chosen': '选定提交的材料',
  'material.waived': '豁免材料问题',
  'material.conversion_requested': '申请转换视频',
};

export function entityTypeLabel(type: string): string {
  return ENTITY_TYPE_LABELS[type] ?? type;
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
