/**
 * 往届入选名单: the registry every nomination is compared with (已获评的不再推介). Listing with search,
 * correcting and deleting a record, the import template, and an all-or-nothing import that reports
 * every bad cell by row and column (records already kept are updated, not added twice).
 */
import { useQuery } from '@tanstack/react-query';
import type {
  PreviousWinner,
  WinnerCorrection,
  WinnerFilter,
  WinnerImportCounts,
  WinnerListResponse,
  WinnerResponse,
} from '#core/contract/winners.ts';
import type { ImportError } from '#core/nomination/index.ts';
import { ApiError, api, send, withQuery } from './client.ts';
import { saveBlob } from './imports.ts';
import { fileNameOf } from './nominations.ts';

export type {
  PreviousWinner,
  WinnerCorrection,
  WinnerFilter,
  WinnerImportCounts,
} from '#core/contract/winners.ts';

export const WINNERS_KEY = ['previous-winners'] as const;

export async function correctWinner(id: string, body: WinnerCorrection): Promise<PreviousWinner> {
  const { winner } = await api<WinnerResponse>(`/api/previous-winners/${id}`, {
    method: 'PUT',
    body,
  });
  return winner;
}

export async function deleteWinner(id: string): Promise<void> {
  await api(`/api/previous-winners/${id}`, { method: 'DELETE' });
}

export function listWinners(filter: WinnerFilter): Promise<WinnerListResponse> {
  return api<WinnerListResponse>(withQuery('/api/previous-winners', { ...filter }));
}

export function useWinners(filter: WinnerFilter) {
  return useQuery({
    queryKey: [...WINNERS_KEY, filter],
    queryFn: () => listWinners(filter),
    placeholderData: (previous) => previous,
  });
}

export async function downloadWinnersTemplate(): Promise<void> {
  const response = await send('/api/previous-winners/template');
  saveBlob(await response.blob(), fileNameOf(response, '往届入选名单导入模板.xlsx'));
}

export type WinnerImportOutcome =
  | ({ ok: true } & WinnerImportCounts)
  | { ok: false; message: string; errors: ImportError[] };

/** `year` stands in for rows (or a sheet) without a 年度. */
export async function importWinners(file: File, year?: number): Promise<WinnerImportOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const counts = await api<WinnerImportCounts>(withQuery('/api/previous-winners/import', { year }), {
      method: 'POST',
      body: form,
    });
    return { ok: true, ...counts };
  } catch (error) {
    // A file too large to read is refused like a file with errors: shown beside the upload, with what to change.
    if (
      error instanceof ApiError &&
      (error.code === 'IMPORT_INVALID' || error.code === 'SPREADSHEET_TOO_LARGE')
    ) {
      const details = error.details as { errors?: ImportError[] } | undefined;
      return { ok: false, message: error.message, errors: details?.errors ?? [] };
    }
    throw error;
  }
}
