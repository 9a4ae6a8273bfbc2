/**
 * Where uploaded and generated files live. Local disk by default; S3-compatible object storage is the
 * production choice (a later implementation of this same interface).
 */
export interface Storage {
  readonly kind: 'disk' | 's3';
  /** Writes and removes a probe object: proves the storage is reachable and writable. */
  check(): Promise<{ ok: boolean; message?: string }>;
}
