/** Account calls. Phones come back masked; the one-time password is shown once and never again. */
import { api, withQuery } from './client.ts';
import type { Account, Page, Role } from './types.ts';

export const ACCOUNTS_KEY = ['accounts'] as const;

export interface AccountFilters {
  organisationId?: string;
  role?: Role;
  q?: string;
  page: number;
  pageSize: number;
}

export function listAccounts(filters: AccountFilters): Promise<Page<Account>> {
  return api<Page<Account>>(withQuery('/api/accounts', { ...filters }));
}

export interface NewAccount {
  username: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  phone?: string;
}

export function createAccount(input: NewAccount): Promise<{ account: Account; initialPassword: string }> {
  return api('/api/accounts', { method: 'POST', body: { ...input, phone: input.phone || undefined } });
}

export interface AccountChanges {
  displayName?: string;
  roles?: Role[];
  phone?: string;
}

export async function updateAccount(account: Pick<Account, 'id' | 'version'>, changes: AccountChanges) {
  const path = `/api/accounts/${encodeURIComponent(account.id)}`;
  const body = { ...changes, version: account.version };
  return (await api<{ account: Account }>(path, { method: 'PATCH', body })).account;
}

export async function setAccountDisabled(id: string, disabled: boolean): Promise<Account> {
  const path = `/api/accounts/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`;
  return (await api<{ account: Account }>(path, { method: 'POST' })).account;
}

export async function resetPassword(id: string): Promise<string> {
  const path = `/api/accounts/${encodeURIComponent(id)}/reset-password`;
  return (await api<{ initialPassword: string }>(path, { method: 'POST' })).initialPassword;
}
