/** Probe failures with the Chinese reasons users see. */
import type { ProbeFailure, UnreadableCode } from '#core/materials/probed.ts';

export function unreadable(code: UnreadableCode, reason: string): ProbeFailure {
  return { kind: 'unreadable', code, reason };
}
