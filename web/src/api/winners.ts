/**
 * 往届入选名单: the registry every nomination is compared with (已获评的不再推介). Listing with search,
 * the import template, and an all-or-nothing import that reports every bad cell by row and column.
 */
import { useQuery } from '@tanstack/react-query';
import type { Category } from '../../../src/core/campaign/rules.ts';
import { ApiError, api, send, withQuery } from './client.ts';
import { saveBlob } from './imports.ts';
import { fileNameOf } from './nominations.ts';
import type { ImportError, Page } from './types.ts';

export const WINNERS_KEY = ['previous-winners'] as const;

export interface PreviousWinner {
  id: string;
  year: number;
  level: string;
  category: Category | string;
  name: string;
  provinceOrUnit: string | null;
  workUnit: string | null;
  /** Masked by the server. */
  idNumber: string | null;
  creditCode: string | null;
}

export interface WinnerFilter {
  q?: string;
  category?: Category;
  page: number;
  pageSize: number;
}

export function listWinners(filter: WinnerFilter): Promise<Page<PreviousWinner>> {
  return api<Page<PreviousWinner>>(withQuery('/api/previous-winners', { ...filter }));
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
  | { ok: true; imported: number }
  | { ok: false; message: string; errors: ImportError[] };

export async function importWinners(file: File): Promise<WinnerImportOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const { imported } = await api<{ imported: number }>('/api/previous-winners/import', {
      method: 'POST',
      body: form,
    });
    return { ok: true, imported };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'IMPORT_INVALID') {
      const details = error.details as { errors?: ImportError[] } | undefined;
      return { ok: false, message: error.message, errors: details?.errors ?? [] };
    }
    throw error;
  }
}
