/**
 * Official documents: the 推介表 of a nomination (DOCX, PDF when the server has LibreOffice), a unit's
 * 推介登记表 (XLSX), and the submission package (a ZIP built by a background job whose progress the
 * browser polls). Single files are fetched rather than linked, so a refusal (no LibreOffice, an expired
 * session) shows its Chinese message instead of saving an error page; the package ZIP is a plain link,
 * so the browser's own download manager can pause and resume it (the server answers range requests).
 */
import { useQuery } from '@tanstack/react-query';
import type { Category } from '#core/campaign/rules.ts';
import type { ExportPackage, PackageListResponse, PackageState } from '#core/contract/packages.ts';
import { ApiError, api, send, withQuery } from './client.ts';
import { saveBlob } from './imports.ts';
import { fileNameOf } from './nominations.ts';

export type { ExportPackage, PackageState } from '#core/contract/packages.ts';

const nominationPath = (id: string, rest: string) => `/api/nominations/${encodeURIComponent(id)}${rest}`;
const campaignPath = (id: string, rest: string) => `/api/campaigns/${encodeURIComponent(id)}${rest}`;

export const formDocxUrl = (nominationId: string) => nominationPath(nominationId, '/form.docx');
export const formPdfUrl = (nominationId: string) => nominationPath(nominationId, '/form.pdf');
export const registrationXlsxUrl = (campaignId: string, category: Category, unitId?: string) =>
  withQuery(campaignPath(campaignId, '/registration-table.xlsx'), { category, unitId });

/** The organiser's campaign-wide tables (the list of every nomination is /api/nominations/export). */
export type OrganiserTable = 'quota' | 'findings' | 'results';
export const organiserTableUrl = (campaignId: string, table: OrganiserTable) =>
  campaignPath(campaignId, `/tables/${table}.xlsx`);

/** Fetches a generated document and hands it to the browser under the server's Chinese file name. */
export async function downloadDocument(url: string, fallbackName: string): Promise<void> {
  const response = await send(url);
  saveBlob(await response.blob(), fileNameOf(response, fallbackName));
}

/* ---- print view addresses (web routes, not API) ---- */

export const nominationPrintPath = (nominationId: string) =>
  `/nominations/${encodeURIComponent(nominationId)}/print`;

export interface CampaignPrintOptions {
  unitId?: string;
  category: Category;
  /** forms: the registration table and every form; registration: the table only. */
  what?: 'forms' | 'registration';
}

export const campaignPrintPath = (campaignId: string, options: CampaignPrintOptions) =>
  withQuery(`/campaigns/${encodeURIComponent(campaignId)}/print`, {
    unit: options.unitId,
    category: options.category,
    what: options.what === 'registration' ? 'registration' : undefined,
  });

/* ---- submission package ---- */

export const PACKAGE_STATE_LABELS: Record<PackageState, string> = {
  queued: '排队等待生成',
  building: '正在生成',
  ready: '已生成，可以下载',
  failed: '生成失败',
  expired: '已过期，文件已删除',
};

export const packageKey = (id: string) => ['packages', id] as const;

export function createPackage(campaignId: string, unitId?: string): Promise<ExportPackage> {
  return api<ExportPackage>(campaignPath(campaignId, '/packages'), {
    method: 'POST',
    body: unitId ? { unitId } : {},
  });
}

export function getPackage(id: string): Promise<ExportPackage> {
  return api<ExportPackage>(`/api/packages/${encodeURIComponent(id)}`);
}

/** The campaign's recent packages, newest first (a unit sees only its own). */
export async function listPackages(campaignId: string): Promise<ExportPackage[]> {
  return (await api<PackageListResponse>(campaignPath(campaignId, '/packages'))).items;
}

export function useLatestPackage(campaignId: string, unitId: string | undefined) {
  return useQuery({
    queryKey: ['packages', 'list', campaignId],
    queryFn: () => listPackages(campaignId),
    meta: { quietForbidden: true },
    select: (items) => items.find((p) => p.unitId === (unitId ?? null)) ?? null,
  });
}

export const packageDownloadUrl = (p: ExportPackage) =>
  p.downloadUrl ?? `/api/packages/${encodeURIComponent(p.id)}/download`;

/** Polls a package once a second while it is being built; stops when it is ready or failed. */
export function usePackage(id: string | null) {
  return useQuery({
    queryKey: packageKey(id ?? ''),
    queryFn: () => getPackage(id!),
    enabled: id !== null,
    // Quiet about a 403 on a page that would otherwise leave for /403: the package is one card of it.
    meta: { quietForbidden: true },
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      if (state === 'ready' || state === 'failed') return false;
      // A package that is gone (another database, cleaned up) or refused is not waited for.
      const error = query.state.error;
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
      return 1000;
    },
  });
}
