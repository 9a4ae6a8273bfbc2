/** Account calls. Phones come back masked; the one-time password is shown once and never again. */

import type {
  Account,
  AccountChanges,
  AccountFilters,
  AccountListResponse,
  AccountResponse,
  CreatedAccountResponse,
  NewAccount,
  PasswordResetResponse,
} from '#core/contract/accounts.ts';
import { api, withQuery } from './client.ts';

export type {
  Account,
  AccountAction,
  AccountChanges,
  AccountFilters,
  NewAccount,
  Role,
} from '#core/contract/accounts.ts';

export const ACCOUNTS_KEY = ['accounts'] as const;

export function listAccounts(filters: AccountFilters): Promise<AccountListResponse> {
  return api<AccountListResponse>(withQuery('/api/accounts', { ...filters }));
}

export function createAccount(input: NewAccount): Promise<CreatedAccountResponse> {
  return api('/api/accounts', { method: 'POST', body: { ...input, phone: input.phone || undefined } });
}

export async function updateAccount(account: Pick<Account, 'id' | 'version'>, changes: AccountChanges) {
  const path = `/api/accounts/${encodeURIComponent(account.id)}`;
  const body = { ...changes, version: account.version };
  return (await api<AccountResponse>(path, { method: 'PATCH', body })).account;
}

export async function setAccountDisabled(id: string, disabled: boolean): Promise<Account> {
  const path = `/api/accounts/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`;
  return (await api<AccountResponse>(path, { method: 'POST' })).account;
}

export async function resetPassword(id: string): Promise<string> {
  const path = `/api/accounts/${encodeURIComponent(id)}/reset-password`;
  return (await api<PasswordResetResponse>(path, { method: 'POST' })).initialPassword;
}

/** Forgets the account's failed sign-ins, so its owner need not wait out the delay. */
export async function unlockLogin(id: string): Promise<Account> {
  const path = `/api/accounts/${encodeURIComponent(id)}/unlock-login`;
  return (await api<AccountResponse>(path, { method: 'POST' })).account;
}
