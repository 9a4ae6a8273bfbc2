import { Select, type SelectProps } from 'antd';
import { ROLES } from '../../../src/core/accounts/roles.ts';
import { useMe } from '../auth/useMe.ts';

export const ROLE_OPTIONS = Object.entries(ROLES).map(([value, label]) => ({ value, label }));

/**
 * Role picker with the Chinese labels from core; multiple for account forms, single for filters.
 * `grantable`: only a platform admin may make platform admins (the server's rule; it refuses otherwise),
 * so other admins are not offered that role in the first place.
 */
export function RoleSelect({ grantable = false, ...props }: SelectProps & { grantable?: boolean }) {
  const { data: me } = useMe();
  const options =
    grantable && !me?.roles.includes('platform_admin')
      ? ROLE_OPTIONS.filter((option) => option.value !== 'platform_admin')
      : ROLE_OPTIONS;
  return <Select options={options} placeholder="选择角色" {...props} />;
}
