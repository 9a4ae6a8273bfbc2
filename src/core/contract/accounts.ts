/** Accounts and the organisation-and-account import: what the server sends and what it accepts. */
import { z } from 'zod';
import { ROLES } from '../accounts/roles.ts';
import { nameText, username, version } from './fields.ts';

export const role = z.enum(Object.keys(ROLES) as [keyof typeof ROLES], { error: '角色不正确' });
const roles = z.array(role).min(1, '请至少选择一个角色').max(5);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() 转]{7,30}$/, '联系电话格式不正确')
  .nullable()
  .optional();

export const AccountAction = z.enum(['view', 'update', 'disable', 'enable', 'resetPassword', 'unlockLogin']);

export const Account = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    roles: z.array(role),
    /** Masked (138****1234) unless the caller may see it whole. */
    phone: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.string().nullable(),
    version: z.number(),
    actions: z.array(AccountAction),
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

export const ImportAccountsResponse = z.object({
  organisationsCreated: z.number(),
  accounts: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      organisationName: z.string(),
      initialPassword: z.string(),
    }),
  ),
});

export type Role = z.infer<typeof role>;
export type AccountAction = z.infer<typeof AccountAction>;
export type Account = z.infer<typeof Account>;
/** The filters as the server reads them; the browser writes them into the query string. */
export type AccountFilters = z.output<typeof ListAccountsQuery>;
export type NewAccount = z.input<typeof CreateAccountBody>;
export type AccountChanges = Omit<z.input<typeof UpdateAccountBody>, 'version'>;
export type AccountResponse = z.infer<typeof AccountResponse>;
export type CreatedAccountResponse = z.infer<typeof CreatedAccountResponse>;
export type AccountListResponse = z.infer<typeof AccountListResponse>;
export type PasswordResetResponse = z.infer<typeof PasswordResetResponse>;
export type ImportAccountsResponse = z.infer<typeof ImportAccountsResponse>;
