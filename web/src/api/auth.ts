/** Session calls: who am I, log in, log out, change password. */

import type { Me, MeResponse, MySessionsResponse } from '#core/contract/auth.ts';
import { claimLocalDrafts } from '../lib/localDrafts.ts';
import { ApiError, api, setCsrfToken } from './client.ts';

export type { Me } from '#core/contract/auth.ts';

/** The current account, or null when nobody is logged in (a 401 here is an answer, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const response = await api<MeResponse>('/api/auth/me', { expectUnauthorized: true });
    setCsrfToken(response.csrfToken);
    return response.me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function login(username: string, password: string): Promise<Me> {
  const response = await api<MeResponse>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    expectUnauthorized: true,
  });
  setCsrfToken(response.csrfToken);
  claimLocalDrafts(response.me.id);
  return response.me;
}

export const MY_SESSIONS_KEY = ['my-sessions'] as const;

export function fetchMySessions(): Promise<MySessionsResponse> {
  return api<MySessionsResponse>('/api/auth/sessions');
}

export function signOutElsewhere(): Promise<{ signedOut: number }> {
  return api<{ signedOut: number }>('/api/auth/sessions/sign-out-others', { method: 'POST' });
}

export async function logout(): Promise<void> {
  try {
    await api<void>('/api/auth/logout', { method: 'POST', expectUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api<void>('/api/auth/password', {
    method: 'POST',
    body: { currentPassword, newPassword },
    expectUnauthorized: true,
  });
}
