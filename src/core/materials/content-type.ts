/**
 * How a stored material is served: its media type (by what the probe found in the bytes, else by the
 * accepted extension, else a plain download) and a `content-disposition` that keeps the Chinese name.
 */
import type { Probed } from './probed.ts';
import type { MaterialFormat } from './spec.ts';
import { FORMAT_EXTENSIONS } from './upload-admission.ts';

export const MEDIA_TYPES: Record<MaterialFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  mp4: 'video/mp4',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  pdf: 'application/pdf',
};

const OCTET = 'application/octet-stream';

export function materialContentType(fileName: string, probed?: Probed | null): string {
  if (probed?.kind === 'image') {
    if (probed.format === 'jpeg' || probed.format === 'png') return MEDIA_TYPES[probed.format];
    return OCTET;
  }
  if (probed?.kind === 'video') return probed.container === 'mov' ? 'video/quicktime' : 'video/mp4';
  if (probed?.kind === 'document') {
    const format = probed.format as string;
    return format === 'pdf' || format === 'docx' || format === 'doc' ? MEDIA_TYPES[format] : OCTET;
  }
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const format = (Object.keys(FORMAT_EXTENSIONS) as MaterialFormat[]).find((f) =>
    FORMAT_EXTENSIONS[f].includes(ext ?? ''),
  );
  return format ? MEDIA_TYPES[format] : OCTET;
}

/**
 * RFC 6266 with the RFC 5987 `filename*` for the UTF-8 name, after an ASCII fallback for old clients.
 * `inline` lets the browser's player or viewer show it; the name is kept when the user saves it.
 */
export function materialDisposition(fileName: string, type: 'inline' | 'attachment' = 'inline'): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1] ?? '';
  const fallback = `material${ext ? `.${ext}` : ''}`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
