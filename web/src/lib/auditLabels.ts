/**
 * Chinese names for audit codes. The server sends stable codes (e.g. `account.create`); codes not
 * listed here are shown as they are, so a new server action never breaks the page.
 */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  organisation: '组织机构',
  account: '账号',
  session: '登录会话',
  import: '批量导入',
};

const VERB_LABELS: Record<string, string> = {
  create: '创建',
  update: '修改',
  disable: '停用',
  enable: '启用',
  delete: '删除',
  login: '登录',
  logout: '退出登录',
  login_failed: '登录失败',
  reset_password: '重置密码',
  resetPassword: '重置密码',
  change_password: '修改密码',
  password_change: '修改密码',
  import: '批量导入',
};

export function entityTypeLabel(type: string): string {
  return ENTITY_TYPE_LABELS[type] ?? type;
}

/** `account.reset_password` → 账号·重置密码; unknown codes stay as they are. */
export function actionLabel(action: string): string {
  const [entity, verb] = action.split('.');
  if (!entity || !verb) return VERB_LABELS[action] ?? action;
  const verbLabel = VERB_LABELS[verb];
  return verbLabel ? `${entityTypeLabel(entity)}·${verbLabel}` : action;
}
