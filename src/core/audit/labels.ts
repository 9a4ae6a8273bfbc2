/**
 * Chinese names of the audit log's action and entity codes, shown by the audit page and in exports.
 * A code not listed is shown as it is, so a new action never breaks a page.
 */
import { CAMPAIGN_STATES } from '../campaign/states.ts';
import { PACKAGE_STATES } from '../documents/package-states.ts';
import { MATERIAL_STATES } from '../materials/states.ts';
import { NOMINATION_STATES } from '../nomination/states.ts';

export const ENTITY_TYPE_LABELS: Record<string, string> = {
  organisation: '组织机构',
  account: '账号',
  campaign: '推介活动',
  calendar: '工作日历',
  nomination: '推介',
  winners: '往届入选名单',
  winner: '往届入选记录',
  material: '推介材料',
  package: '提交包',
  paper_dispatch: '纸质材料寄送',
  review_expert: '评审专家',
  review_round: '评审轮次',
  review: '专家评分',
  shortlist_proposal: '拟推介名单',
  unit_publicity: '报送单位公示',
  objection: '异议',
  announcement: '公示',
  winner_activity: '宣传推介活动',
};

export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.login_while_disabled': '已停用的账号尝试登录（密码正确）',
  'auth.logout': '退出登录',
  'auth.signed_out_elsewhere': '退出其他设备的登录',
  'account.created': '创建账号',
  'account.updated': '修改账号',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'account.password_reset': '重置密码',
  'account.login_unlocked': '解除登录限制',
  'account.password_changed': '修改密码',
  'organisation.created': '创建组织',
  'organisation.updated': '修改组织',
  'organisation.disabled': '停用组织',
  'organisation.enabled': '启用组织',
  'campaign.created': '发起推介活动',
  'campaign.rules_changed': '修改活动规则',
  'campaign.transitioned': '变更活动状态',
  'campaign.extension_granted': '为单位延期',
  'results.approval_requested': '提请审定',
  'results.approved': '审定通过拟推介名单',
  'results.returned': '退回拟推介名单',
  'results.published': '公布推介结果',
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
  'nomination.review_requested': '请组织单位查看草稿',
  'nomination.review_request_withdrawn': '取消请组织单位查看草稿',
  'registration.ordered': '编排推介登记表',
  'winners.imported': '导入往届入选名单',
  'winners.corrected': '更正往届入选记录',
  'winners.deleted': '删除往届入选记录',
  'nomination.forwarded': '报送上级推介',
  'document.downloaded': '下载推介文书',
  'package.requested': '生成提交包',
  'package.building': '开始生成提交包',
  'package.built': '提交包生成完成',
  'package.failed': '提交包生成失败',
  'package.expired': '提交包过期（文件已删除）',
  'package.downloaded': '下载提交包',
  'package.exported': '命令行导出提交包',
  'material.uploaded': '上传材料',
  'material.generated': '由填写内容生成工作总结文档',
  'material.deleted': '删除材料',
  'material.chosen': '选定提交的材料',
  'material.waived': '豁免材料问题',
  'material.conversion_requested': '申请转换视频',
  'paper.dispatched': '登记纸质材料寄送',
  'paper.dispatch_corrected': '更正纸质材料寄送信息',
  'paper.dispatched_again': '补寄纸质材料',
  'paper.scan_uploaded': '上传盖章扫描件',
  'paper.received': '登记纸质材料签收',
  'paper.receipt_corrected': '更正纸质材料签收信息',
  'publicity.recorded': '登记本单位公示',
  'publicity.updated': '修改本单位公示记录',
  'publicity.deleted': '删除本单位公示记录',
  'publicity.file_uploaded': '上传公示截图或 PDF',
  // Winners' publicity activities (五进).
  'activity.recorded': '登记宣传推介活动',
  'activity.updated': '修改宣传推介活动',
  'activity.deleted': '删除宣传推介活动',
  'activity.photo_uploaded': '上传宣传活动照片',
  'activity.photo_removed': '删除宣传活动照片',
  'material.converted_automatically': '自动转换视频',
  'material.transitioned': '材料检查结果变更',
  // Objections (异议) to a 公示 and their handling.
  'objection.received': '收到异议',
  'objection.moved': '办理异议',
  'objection.identity_viewed': '查看异议人信息',
  'objection.note_added': '添加异议核实记录',
  'objection.files_added': '上传异议核实材料',
  'objection.explanation_requested': '要求报送单位说明情况',
  'objection.explained': '报送单位提交情况说明',
  'announcement.entry_removed': '移出公示名单',
  // Expert review setup: the pool, recusal, rounds and assignment.
  'review.expert_invited': '邀请评审专家',
  'review.expert_updated': '修改评审专家信息',
  'review.expert_removed': '移出评审专家',
  'review.conflict_dismissed': '排除误判的回避情形',
  'review.conflict_declared': '专家申请回避',
  'review.exclusions_requested': '推介单位申请专家回避',
  'review.assignments_recused': '因回避撤下评审任务',
  'review.round_created': '新建评审轮次',
  'review.round_updated': '修改评审轮次',
  'review.round_moved': '变更评审轮次状态',
  'announcement.created': '起草公示',
  'announcement.updated': '修改公示内容',
  'announcement.moved': '变更公示状态',
  'review.assigned': '自动分配评审任务',
  'review.assignment_added': '手动安排评审任务',
  'review.assignment_removed': '撤下评审任务',
  'review.submitted': '提交评分',
  'review.reopened': '撤回评分修改',
  'review.shortlist_proposed': '拟定拟推介名单',
  'review.shortlist_confirmed': '确认拟推介名单',
  'review.exported': '导出评审文书',
};

export function entityTypeLabel(type: string): string {
  return ENTITY_TYPE_LABELS[type] ?? type;
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** Names of the fields audit entries keep in their before and after. A field not listed shows as it is. */
export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  title: '标题',
  type: '类型',
  regionCode: '行政区划代码',
  disabled: '已停用',
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  organisationId: '所属单位',
  organisationName: '单位名称',
  parentId: '上级单位',
  campaignId: '推介活动',
  sourceCampaignId: '原推介活动',
  targetCampaignId: '上级推介活动',
  nominationId: '推介',
  unitId: '报送单位',
  from: '原推介',
  convertedFrom: '转换自',
  category: '类别',
  state: '状态',
  status: '状态',
  materialState: '检查状态',
  packageState: '生成状态',
  findings: '检查结果',
  error: '原因',
  label: '操作',
  reason: '理由',
  version: '版本',
  rulesVersion: '规则版本',
  afterOpening: '开放报送后修改',
  changes: '修改内容',
  special: '特别推介',
  order: '排序',
  count: '数量',
  file: '文件',
  fileName: '文件名',
  copyFileName: '副本文件名',
  setKey: '材料组',
  slotId: '材料项',
  slotLabel: '材料项',
  bytes: '大小（字节）',
  sha256: '校验码（SHA-256）',
  contentHash: '内容校验码（SHA-256）',
  finding: '检查问题',
  code: '问题类别',
  until: '延期至',
  year: '年度',
  confirmed: '已确认',
  templateId: '活动模板',
  copiedFrom: '复制自',
  document: '文书',
  format: '格式',
  files: '文件数',
  missing: '缺少的文件',
  place: '公示地点',
  url: '公示网页链接',
  fromDay: '公示开始日期',
  toDay: '公示结束日期',
  nominationIds: '公示的推介',
  published: '在平台公开展示',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: CAMPAIGN_STATES,
  state: NOMINATION_STATES,
  materialState: MATERIAL_STATES,
  packageState: PACKAGE_STATES,
  category: { star: '百姓学习之星', project: '终身学习品牌项目' },
};

/**
 * A before/after value as people read it: a state or category by its Chinese name, an id by the name
 * of what it stands for (`names`, from the server), a list item by item; anything else unchanged.
 */
export function auditValue(field: string, value: unknown, names: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') {
    const named = names[value.toLowerCase()];
    if (named) return named;
    const labels = VALUE_LABELS[field];
    return labels && Object.hasOwn(labels, value) ? labels[value] : value;
  }
  if (Array.isArray(value)) return value.map((item) => auditValue(field, item, names));
  if (field === 'roles' || typeof value !== 'boolean') return value;
  return value ? '是' : '否';
}
