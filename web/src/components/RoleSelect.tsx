import { Select, type SelectProps } from 'antd';
import type { ReactNode } from 'react';
import { ROLES, type Role } from '#core/accounts/roles.ts';
import { useMe } from '../auth/useMe.ts';

export const ROLE_OPTIONS = Object.entries(ROLES).map(([value, label]) => ({ value, label }));

/**
 * Role picker with the Chinese labels from core; multiple for account forms, single for filters.
 * `grantable`: only the roles the server says this account may give (`me.grantableRoles`), so nobody is
 * offered a role the server would refuse.
 */
export function RoleSelect({ grantable = false, ...props }: SelectProps & { grantable?: boolean }) {
  const { data: me } = useMe();
  const grantableRoles: string[] = me?.grantableRoles ?? [];
  const options = grantable
    ? ROLE_OPTIONS.filter((option) => grantableRoles.includes(option.value))
    : ROLE_OPTIONS;
  // A role the account already holds but this admin may not give still shows its Chinese name.
  const labelRender = ({ value, label }: { value: string | number; label: ReactNode }) =>
    ROLES[value as Role] ?? label;
  return <Select options={options} placeholder="选择角色" labelRender={labelRender} {...props} />;
}
