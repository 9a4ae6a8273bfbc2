/** The logged-in account, shared by every page through TanStack Query's cache under one key. */
import { useQuery } from '@tanstack/react-query';
import type { Me } from '#core/contract/auth.ts';
import { fetchMe } from '../api/auth.ts';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

/** For pages inside the authenticated layout, where `me` is known to be loaded. */
export function useCurrentMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentMe 只能在已登录的页面中使用');
  return data;
}

export function can(me: Me | null | undefined, permission: string): boolean {
  return Boolean(me?.permissions.includes(permission));
}
