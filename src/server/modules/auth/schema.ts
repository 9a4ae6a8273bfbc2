import { z } from 'zod';
import { ROLES } from '#core/accounts/roles.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名不能超过 64 个字符'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export const Me = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    organisation: z.object({ id: z.string(), name: z.string(), type: z.string(), typeLabel: z.string() }),
    roles: z.array(z.enum(Object.keys(ROLES) as [keyof typeof ROLES])),
    /** Roles this account may give others, so the account form offers only those. */
    grantableRoles: z.array(z.enum(Object.keys(ROLES) as [keyof typeof ROLES])),
    mustChangePassword: z.boolean(),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'Me' });

export const MeResponse = z.object({ me: Me, csrfToken: z.string() });
