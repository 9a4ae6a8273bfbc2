/**
 * Chinese names for the audit codes the server writes (`account.created`, `auth.login`, ...).
 * Codes not listed are shown as they are, so a new server action never breaks the page; the raw
 * code stays in the cell's tooltip and works as the action filter.
 */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  organisation: '组织机构',
  account: '账号',
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
};

export function entityTypeLabel(type: string): string {
  return ENTITY_TYPE_LABELS[type] ?? type;
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
