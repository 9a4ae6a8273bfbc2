/**
 * Files the public half accepts, by their real content (checked by magic bytes, not by name): evidence of
 * an objection (PDF or JPEG, as the notice asks), and a unit's 公示 as posted (a PDF or a screenshot).
 */
export const OBJECTION_FILE_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
} as const;
export type ObjectionFileType = keyof typeof OBJECTION_FILE_TYPES;

export const PUBLICITY_FILE_TYPES = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
} as const;
export type PublicityFileType = keyof typeof PUBLICITY_FILE_TYPES;
