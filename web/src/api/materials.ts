/**
 * Material calls (docs/materials-and-packages.md): a nomination's slots with their files, polled while a
 * check or a conversion runs; delete, convert, choose original or converted, the organiser's waiver;
 * and the CSRF token the tus uploads carry.
 */
import { useQuery } from '@tanstack/react-query';
import type { MeResponse } from '#core/contract/auth.ts';
import type { Material, MaterialResponse, NominationMaterials } from '#core/contract/materials.ts';
import type { MaterialSetKey } from '#core/materials/nomination-slots.ts';
import type { MaterialState, SlotStatus } from '#core/materials/slot-status.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import { api } from './client.ts';

export type {
  Material,
  MaterialAction,
  MaterialSlot,
  NominationMaterials,
} from '#core/contract/materials.ts';
export type { MaterialSetKey, MaterialSlotSpec, MaterialState, SlotStatus };

export const materialsKey = (nominationId: string) => ['nominations', 'materials', nominationId] as const;

const materialPath = (id: string, rest = '') => `/api/materials/${encodeURIComponent(id)}${rest}`;

export function getNominationMaterials(nominationId: string): Promise<NominationMaterials> {
  return api<NominationMaterials>(`/api/nominations/${encodeURIComponent(nominationId)}/materials`);
}

function busy(data: NominationMaterials | undefined): boolean {
  const files = [...(data?.slots.flatMap((s) => s.files) ?? []), ...(data?.otherFiles ?? [])];
  return files.some((f) => f.state === 'pending' || f.state === 'converting');
}

/** A checked photo or film whose thumbnail (made just after the check) has not arrived yet. */
function awaitingPreview(data: NominationMaterials | undefined): boolean {
  const files = [...(data?.slots.flatMap((s) => s.files) ?? []), ...(data?.otherFiles ?? [])];
  return files.some((f) => {
    const kind = (f.probed as { kind?: string } | null)?.kind;
    return f.previewUrl === null && (kind === 'image' || kind === 'video');
  });
}

/** A thumbnail may never come (no ffmpeg for a film's poster): wait for it this many polls at most. */
const PREVIEW_POLLS = 20;
const previewPolls = new Map<string, number>();

/**
 * Polls every 1.5 s while any file is being checked or converted, so the page shows it live, and a
 * little longer for the thumbnails that follow a check.
 */
export function useNominationMaterials(nominationId: string) {
  return useQuery({
    queryKey: materialsKey(nominationId),
    queryFn: () => getNominationMaterials(nominationId),
    refetchInterval: (query) => {
      if (busy(query.state.data)) {
        previewPolls.set(nominationId, 0);
        return 1500;
      }
      const polls = previewPolls.get(nominationId) ?? 0;
      if (!awaitingPreview(query.state.data) || polls >= PREVIEW_POLLS) return false;
      previewPolls.set(nominationId, polls + 1);
      return 1500;
    },
  });
}

export async function deleteMaterial(id: string): Promise<void> {
  await api<void>(materialPath(id), { method: 'DELETE' });
}

export async function convertMaterial(id: string): Promise<Material> {
  return (await api<MaterialResponse>(materialPath(id, '/convert'), { method: 'POST', body: {} })).material;
}

export async function chooseMaterial(id: string): Promise<Material> {
  return (await api<MaterialResponse>(materialPath(id, '/choose'), { method: 'POST', body: {} })).material;
}

export async function waiveMaterial(id: string, code: string, reason: string): Promise<Material> {
  return (await api<MaterialResponse>(materialPath(id, '/waive'), { method: 'POST', body: { code, reason } }))
    .material;
}

let csrf: Promise<string> | null = null;

/**
 * The session's CSRF token for tus requests, which do not go through `api()`. It comes with
 * /api/auth/me; asked once per page load, and again after a refusal (`fresh`).
 */
export function uploadCsrfToken(fresh = false): Promise<string> {
  if (!csrf || fresh) {
    csrf = api<MeResponse>('/api/auth/me').then((r) => r.csrfToken);
    csrf.catch(() => {
      csrf = null;
    });
  }
  return csrf;
}

/** The project's 工作总结 as a Word document made from the text written on the page, put in its slot. */
export async function generateWorkSummary(nominationId: string): Promise<Material> {
  return (
    await api<MaterialResponse>(
      `/api/nominations/${encodeURIComponent(nominationId)}/materials/work-summary`,
      { method: 'POST', body: {} },
    )
  ).material;
}
