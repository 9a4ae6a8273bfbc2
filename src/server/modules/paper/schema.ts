import { z } from 'zod';

// What the browser sends and receives lives in #core/contract/paper.ts; these are the route's own.
export const PaperUnitParams = z.object({
  id: z.uuid('活动编号格式不正确'),
  unitId: z.uuid('单位编号格式不正确'),
});
