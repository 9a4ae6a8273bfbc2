/**
 * Media types of the files routes send, for their `schema.produces` (the API description lists them;
 * each route still sets its own `content-type` when it sends).
 */
import { MEDIA_TYPES } from '#core/materials/content-type.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF = 'application/pdf';
export const ZIP = 'application/zip';
export const JPEG = 'image/jpeg';
export const PNG = 'image/png';

/** A stored material as served (materialContentType): its probed type, else a plain download. */
export const MATERIAL_TYPES = [
  ...new Set([...Object.values(MEDIA_TYPES), 'video/quicktime', 'application/octet-stream']),
];
