/** tus-js-client in Node against a listening server, with the session cookie and CSRF token a browser sends. */
import { Upload } from 'tus-js-client';
import type { Session } from '#test/support/app.ts';

export interface ClientUpload {
  /** Resolves with the upload URL once every byte is stored; rejects with the server's answer. */
  done: Promise<string>;
  upload: Upload;
}

export function startTusUpload(
  base: string,
  session: Session,
  data: Buffer,
  metadata: Record<string, string>,
  options: {
    uploadUrl?: string;
    chunkSize?: number;
    onProgress?: (sent: number, total: number, upload: Upload) => void;
  } = {},
): ClientUpload {
  let upload!: Upload;
  const done = new Promise<string>((resolve, reject) => {
    upload = new Upload(data, {
      endpoint: `${base}/api/uploads`,
      uploadUrl: options.uploadUrl ?? null,
      metadata,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      chunkSize: options.chunkSize ?? Number.POSITIVE_INFINITY,
      // The tests drop and resume connections themselves; the client must not hide that by retrying.
      retryDelays: null,
      onProgress: (sent, total) => options.onProgress?.(sent, total, upload),
      onSuccess: () => resolve(upload.url!),
      onError: reject,
    });
  });
  upload.start();
  return { done, upload };
}

/** Resolves once the upload has a URL (its creation succeeded). */
export async function uploadUrlOf(upload: Upload): Promise<string> {
  while (!upload.url) await new Promise((r) => setTimeout(r, 5));
  return upload.url;
}
