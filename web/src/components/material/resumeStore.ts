/**
 * Uploads left unfinished by a closed tab or a reload. tus-js-client remembers each started upload in
 * localStorage (`tus::<fingerprint>::<n>` → its URL and metadata); Uppy's fingerprint starts with its
 * instance id, which is one per nomination and slot, so this lists a slot's own unfinished uploads.
 * Choosing the same file again resumes it from the server's offset.
 */

export interface UnfinishedUpload {
  storageKey: string;
  fileName: string;
  size: number;
  uploadUrl: string;
  /** Bytes the server holds, from a HEAD request; undefined when it could not be asked. */
  offset?: number;
}

export function uppyIdFor(nominationId: string, setKey: string, slotId: string): string {
  return `tuijie-${nominationId}-${setKey}-${slotId}`;
}

export function listUnfinished(uppyId: string): UnfinishedUpload[] {
  const prefix = `tus::tus-${uppyId}-`;
  const found: UnfinishedUpload[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(prefix)) continue;
    try {
      const stored = JSON.parse(localStorage.getItem(key) ?? '') as {
        size?: number;
        uploadUrl?: string;
        metadata?: Record<string, string>;
      };
      if (!stored.uploadUrl) continue;
      found.push({
        storageKey: key,
        fileName: stored.metadata?.filename ?? '未命名文件',
        size: stored.size ?? 0,
        uploadUrl: stored.uploadUrl,
      });
    } catch {
      // Not ours or damaged: leave it alone.
    }
  }
  return found;
}

/** Asks the server how far the upload got; forgets it when the server no longer has it. */
export async function withOffset(upload: UnfinishedUpload): Promise<UnfinishedUpload | null> {
  try {
    const response = await fetch(upload.uploadUrl, {
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0' },
      credentials: 'same-origin',
    });
    if (response.status === 404 || response.status === 410 || response.status === 403) {
      localStorage.removeItem(upload.storageKey);
      return null;
    }
    const offset = Number(response.headers.get('Upload-Offset'));
    if (Number.isFinite(offset) && offset >= upload.size && upload.size > 0) {
      localStorage.removeItem(upload.storageKey); // finished: it is in the list of files now
      return null;
    }
    return { ...upload, offset: Number.isFinite(offset) ? offset : undefined };
  } catch {
    return upload;
  }
}

export function forget(upload: UnfinishedUpload): void {
  localStorage.removeItem(upload.storageKey);
}
