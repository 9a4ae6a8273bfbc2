/** Refuses an activity core finds wrong, with every finding, before anything is stored. */
import type { ActivityKind } from '#core/activities/kinds.ts';
import { type ActivityInput, checkActivity } from '#core/activities/validate.ts';
import { AppError } from '#server/platform/errors.ts';

export function activityRecordOf(input: ActivityInput, now: Date) {
  const { record, findings } = checkActivity(input, now);
  if (findings.length > 0)
    throw new AppError('VALIDATION_FAILED', findings.map((f) => f.message).join(''), { findings });
  // No finding means the kind is one of core's (ACTIVITY_KIND_UNKNOWN otherwise).
  return { ...record, kind: record.kind as ActivityKind };
}
