/** Bulk import of organisations and accounts from the XLSX template; all or nothing on the server. */

import type { ImportAccountsResponse } from '#core/contract/accounts.ts';
import type { ImportError } from '#core/nomination/index.ts';
import { ApiError, api, send } from './client.ts';

export const TEMPLATE_FILE_NAME = '组织与账号导入模板.xlsx';

/** Fetched rather than linked, so an expired session shows a message instead of saving an error as .xlsx. */
export async function downloadTemplate(): Promise<void> {
  const response = await send('/api/imports/accounts/template');
  saveBlob(await response.blob(), TEMPLATE_FILE_NAME);
}

export type ImportOutcome =
  | { ok: true; result: ImportAccountsResponse }
  | { ok: false; message: string; errors: ImportError[] };

export async function importAccounts(file: File): Promise<ImportOutcome> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    return {
      ok: true,
      result: await api<ImportAccountsResponse>('/api/imports/accounts', { method: 'POST', body: form }),
    };
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

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once cancels the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
