/** Organisation tree calls. The list is the caller's subtree, flat, linked by parentId. */
import { useQuery } from '@tanstack/react-query';
import type {
  Organisation,
  OrganisationInput,
  OrganisationListResponse,
  OrganisationResponse,
} from '#core/contract/organisations.ts';
import { api } from './client.ts';

export type { Organisation, OrganisationAction, OrganisationInput } from '#core/contract/organisations.ts';

export const ORGANISATIONS_KEY = ['organisations'] as const;

export async function listOrganisations(): Promise<Organisation[]> {
  return (await api<OrganisationListResponse>('/api/organisations')).items;
}

/**
 * `quietForbidden`: pages that only borrow the list for a picker (accounts, audit) must not jump to
 * the 403 page when the caller may not browse organisations.
 */
export function useOrganisations(options: { quietForbidden?: boolean } = {}) {
  return useQuery({
    queryKey: ORGANISATIONS_KEY,
    queryFn: listOrganisations,
    meta: { quietForbidden: options.quietForbidden ?? false },
  });
}

export async function createOrganisation(parentId: string, input: OrganisationInput): Promise<Organisation> {
  const body = { parentId, ...input, regionCode: input.regionCode || undefined };
  return (await api<OrganisationResponse>('/api/organisations', { method: 'POST', body })).organisation;
}

export async function updateOrganisation(
  organisation: Pick<Organisation, 'id' | 'version'>,
  input: Partial<OrganisationInput>,
): Promise<Organisation> {
  const body: Record<string, unknown> = { ...input, version: organisation.version };
  // An emptied region code field means "no code", which the server stores as null.
  if ('regionCode' in input) body.regionCode = input.regionCode || null;
  const path = `/api/organisations/${encodeURIComponent(organisation.id)}`;
  return (await api<OrganisationResponse>(path, { method: 'PATCH', body })).organisation;
}

export async function setOrganisationDisabled(id: string, disabled: boolean): Promise<Organisation> {
  const path = `/api/organisations/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`;
  return (await api<OrganisationResponse>(path, { method: 'POST' })).organisation;
}
