/** Roles an account may hold. An account belongs to one organisation and acts within its subtree. */
export const ROLES = {
  platform_admin: '平台管理员',
  organiser_admin: '组织方管理员',
  unit_submitter: '单位填报员',
  expert: '评审专家',
  approver: '审定人',
} as const;

export type Role = keyof typeof ROLES;

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}

export function roleLabel(role: Role): string {
  return ROLES[role];
}
