import { z } from 'zod';

// Shared with the browser's API contract; re-exported so server-only schemas keep one import.
export { nameText, username, version } from '#core/contract/fields.ts';

export const uuidParam = z.object({ id: z.uuid('编号格式不正确') });

export const ErrorResponse = z
  .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
  .meta({ id: 'Error' });
