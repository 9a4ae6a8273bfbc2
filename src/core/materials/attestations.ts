/**
 * What a machine cannot judge (a 10 s opening, no station logo, a clear subject) is never passed in
 * silence and never failed: each becomes a warning the unit confirms and a reviewer looks at.
 */
import { type Finding, warning } from '../findings.ts';
import type { MaterialSlotSpec } from './spec.ts';

/** The slot's attestations, plus 片头/片尾 lengths when the slot sets them and no attestation says so. */
export function attestationsOf(slot: MaterialSlotSpec): string[] {
  const list = [...slot.attestations];
  const mentions = (word: string) => list.some((text) => text.includes(word));
  if (slot.openingSeconds !== undefined && !mentions('片头')) list.push(`片头${slot.openingSeconds}秒`);
  if (slot.endingSeconds !== undefined && !mentions('片尾')) list.push(`片尾${slot.endingSeconds}秒`);
  return list;
}

export function attestationFindings(slot: MaterialSlotSpec): Finding[] {
  return attestationsOf(slot).map((text, i) =>
    warning(
      'ATTESTATION_NEEDED',
      `attestations.${i}`,
      `需人工确认：${text}。此项机器无法判断，请提交前自行核对，评审时将人工查看。`,
    ),
  );
}
