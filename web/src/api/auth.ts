/** Session calls: who am I, log in, log out, change password. */

import type { Me, MeResponse, MySessionsResponse, SessionResponse } from '#core/contract/auth.ts';
import { claimLocalDrafts } from '../lib/localDrafts.ts';
import { api, setCsrfToken, stopSending } from './client.ts';

export type { Me } from '#core/contract/auth.ts';

/** The current account, or null when nobody is logged in (an answer the server gives with 200). */
export async function fetchMe(): Promise<Me | null> {
  const response = await api<SessionResponse>('/api/auth/session');
  setCsrfToken(response.csrfToken);
  return response.me;
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

/** Ends the session: the last request this page sends (the login page's full load follows). */
export async function logout(): Promise<void> {
  const request = api<void>('/api/auth/logout', { method: 'POST', expectUnauthorized: true });
  stopSending();
  try {
    await request;
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
