/**
 * What the browser sees of material: never raw rows, and per file and slot the actions the caller may
 * take, so the page shows only those buttons (house rule 2).
 */
import type { Finding } from '#core/findings.ts';
import type { AppliedSet } from '#core/materials/nomination-slots.ts';
import { fileStatus, SLOT_STATUS_LABELS, slotStatus } from '#core/materials/slot-status.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { MaterialRow } from './queries.ts';
import { type MaterialSubject, materialRules } from './rules.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

type FileAction = 'delete' | 'choose' | 'convert' | 'waive';

function fileActions(
  actor: Actor,
  subject: MaterialSubject,
  m: MaterialRow,
  siblings: readonly MaterialRow[],
): FileAction[] {
  const actions: FileAction[] = [];
  if (materialRules.can(actor, 'delete', subject)) actions.push('delete');
  if (!m.chosen && materialRules.can(actor, 'choose', subject)) actions.push('choose');
  // Only an uploaded original that the check found wanting is worth converting, and only once at a time.
  const liveCopy = siblings.some((s) => s.convertedFrom === m.id && s.state !== 'failed');
  if (
    m.convertedFrom === null &&
    m.state === 'failed' &&
    !liveCopy &&
    materialRules.can(actor, 'convert', subject)
  ) {
    actions.push('convert');
  }
  if (m.state === 'failed' && materialRules.can(actor, 'waive', subject)) actions.push('waive');
  return actions;
}

export function presentMaterial(
  actor: Actor,
  subject: MaterialSubject,
  m: MaterialRow,
  /** The other files of its slot, to tell whether a converted copy is already on its way. */
  siblings: readonly MaterialRow[] = [],
) {
  const status = fileStatus(m);
  return {
    id: m.id,
    setKey: m.setKey,
    slotId: m.slotId,
    fileName: m.fileName,
    bytes: Number(m.bytes),
    sha256: m.sha256,
    state: m.state,
    status,
    statusLabel: SLOT_STATUS_LABELS[status],
    findings: m.findings,
    waivers: m.waivers,
    probed: m.probed,
    convertedFrom: m.convertedFrom,
    forwarded: m.copiedFrom !== null,
    progress: m.progress,
    chosen: m.chosen,
    contentUrl: `/api/materials/${m.id}/content`,
    previewUrl: m.previewKey ? `/api/materials/${m.id}/preview` : null,
    createdAt: iso(m.createdAt),
    actions: fileActions(actor, subject, m, siblings),
  };
}

export type PresentedMaterial = ReturnType<typeof presentMaterial>;

export function presentSlot(
  actor: Actor,
  subject: MaterialSubject,
  setKey: AppliedSet['setKey'],
  slot: MaterialSlotSpec,
  files: MaterialRow[],
) {
  const status = slotStatus(files);
  const originals = files.filter((f) => f.convertedFrom === null).length;
  const canUpload = materialRules.can(actor, 'upload', subject) && originals < slot.count.max;
  return {
    setKey,
    slot,
    status,
    statusLabel: SLOT_STATUS_LABELS[status],
    files: files.map((f) => presentMaterial(actor, subject, f, files)),
    actions: canUpload ? ['upload' as const] : [],
  };
}

export function presentNominationMaterials(
  actor: Actor,
  subject: MaterialSubject,
  sets: AppliedSet[],
  rows: MaterialRow[],
  findings: Finding[],
  /** ffmpeg is installed: films the conversion mends may go up and are converted after upload. */
  conversionAvailable: boolean,
) {
  const inSlot = (setKey: string, slotId: string) =>
    rows.filter((r) => r.setKey === setKey && r.slotId === slotId);
  const slots = sets.flatMap(({ setKey, set }) =>
    set.slots.map((slot) => presentSlot(actor, subject, setKey, slot, inSlot(setKey, slot.id))),
  );
  const placed = new Set(slots.flatMap((s) => s.files.map((f) => f.id)));
  // Files outside the slots (special pick withdrawn, rules edited, no place in a forwarded-to round):
  // kept, shown, deletable; never submitted, so there is nothing to waive.
  const otherFiles = rows
    .filter((r) => !placed.has(r.id))
    .map((r) => presentMaterial(actor, subject, r))
    .map((f) => ({ ...f, actions: f.actions.filter((a) => a !== 'waive') }));
  return {
    slots,
    otherFiles,
    findings,
    conversionAvailable,
    actions: materialRules.can(actor, 'upload', subject) ? ['upload' as const] : [],
  };
}
