import { Select, type SelectProps } from 'antd';
import { ROLES } from '../../../src/core/accounts/roles.ts';

export const ROLE_OPTIONS = Object.entries(ROLES).map(([value, label]) => ({ value, label }));

/** Role picker with the Chinese labels from core; multiple for account forms, single for filters. */
export function RoleSelect(props: SelectProps) {
  return <Select options={ROLE_OPTIONS} placeholder="选择角色" {...props} />;
}
