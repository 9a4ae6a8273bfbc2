import { z } from 'zod';
import { ROLES } from '#core/accounts/roles.ts';
import { nameText, username, version } from '#server/platform/http/schemas.ts';

export const role = z.enum(Object.keys(ROLES) as [keyof typeof ROLES], { error: '角色不正确' });
const roles = z.array(role).min(1, '请至少选择一个角色').max(5);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() 转]{7,30}$/, '联系电话格式不正确')
  .nullable()
  .optional();

export const Account = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    roles: z.array(role),
    phone: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    version: z.number(),
    actions: z.array(z.string()),
  })
  .meta({ id: 'Account' });

export const ListAccountsQuery = z.object({
  organisationId: z.uuid('单位编号格式不正确').optional(),
  role: role.optional(),
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const CreateAccountBody = z.object({
  username,
  displayName: nameText('姓名', 50),
  organisationId: z.uuid('单位编号格式不正确'),
  roles,
  phone,
});

export const UpdateAccountBody = z.object({
  displayName: nameText('姓名', 50).optional(),
  roles: roles.optional(),
  phone,
  version,
});

export const AccountResponse = z.object({ account: Account });
export const CreatedAccountResponse = z.object({ account: Account, initialPassword: z.string() });
export const AccountListResponse = z.object({ items: z.array(Account), total: z.number() });
export const PasswordResetResponse = z.object({ initialPassword: z.string() });
