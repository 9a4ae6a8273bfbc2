/**
 * The use cases behind a tus upload: may this upload start (before a byte is stored), may this caller
 * touch this existing upload (HEAD/PATCH/DELETE), and turning a finished upload into a material row. Every
 * refusal is a `TusRefusal` (`{ status_code, body }`, the shape tus hooks throw) with the API's JSON error
 * body, so the browser shows the same Chinese message as for any other request.
 */
import { createHash } from 'node:crypto';
import type { Upload } from '@tus/server';
import type { Finding } from '#core/findings.ts';
import { normaliseFileName } from '#core/materials/file-name.ts';
import { findNominationSlot, isMaterialSetKey, slotDisplayName } from '#core/materials/nomination-slots.ts';
import { checkUploadAdmission } from '#core/materials/upload-admission.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Trx } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { assertBeforeDeadline } from '../nominations/deadline.ts';
import { visibleNomination } from '../nominations/service.ts';
import { countSlotOriginals, findMaterialByUpload } from './queries.ts';
import { subjectOf } from './rules.ts';
import { createMaterial } from './transition-material.ts';
import { authorizeMaterial } from './visible-material.ts';

export interface TusRefusal {
  status_code: number;
  body: string;
}

export function refusal(status: number, code: string, message: string, details?: unknown): TusRefusal {
  return { status_code: status, body: JSON.stringify({ code, message, ...(details ? { details } : {}) }) };
}

export function isRefusal(e: unknown): e is TusRefusal {
  return typeof e === 'object' && e !== null && 'status_code' in e && 'body' in e;
}

/** AppErrors from shared checks (visibility, deadline) become tus refusals with the same code and status. */
export async function asRefusal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError) throw refusal(e.status, e.code, e.message, e.details);
    throw e;
  }
}

const STATUS_BY_FINDING: Record<string, [number, string]> = {
  UPLOAD_SLOT_FULL: [409, 'SLOT_FULL'],
  UPLOAD_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
};

function refuseFindings(findings: Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const [status, code] = STATUS_BY_FINDING[errors[0]!.code] ?? [400, 'VALIDATION_FAILED'];
  throw refusal(status, code, errors.map((f) => f.message).join('；'), { findings: errors });
}

/** What the client declared in Upload-Metadata; the server adds `unitId` and `accountId` at creation. */
export interface UploadMetadata {
  nominationId: string;
  setKey: string;
  slotId: string;
  filename: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readMetadata(metadata: Upload['metadata']): UploadMetadata {
  const value = (key: string) => metadata?.[key] ?? '';
  const nominationId = value('nominationId');
  if (!UUID.test(nominationId)) {
    throw refusal(400, 'VALIDATION_FAILED', '上传缺少推介编号（nominationId），请从推介的材料页面上传。');
  }
  if (!value('setKey') || !value('slotId')) {
    throw refusal(
      400,
      'VALIDATION_FAILED',
      '上传没有说明是哪一项材料（setKey、slotId），请从材料列表中选择后上传。',
    );
  }
  // Mended here too, whatever the client sent: the stored name is what downloads and the package use.
  const filename = normaliseFileName(value('filename'));
  return { nominationId, setKey: value('setKey'), slotId: value('slotId'), filename };
}

/**
 * Loads the nomination (locked in `trx` when finishing), checks the caller may upload to it now, and
 * judges the slot, its count, the declared length and the name with the same core rule the browser runs.
 */
async function admit(
  trx: Trx,
  actor: Actor,
  meta: UploadMetadata,
  declaredBytes: number | undefined,
  lock: boolean,
  now: Date,
) {
  const n = await asRefusal(() => visibleNomination(trx, actor, meta.nominationId, lock));
  const campaign = await asRefusal(async () => {
    authorizeMaterial(actor, 'upload', subjectOf(n));
    const found = await visibleCampaign(trx, actor, n.campaignId);
    await assertBeforeDeadline(trx, found, n.unitId, now);
    return found;
  });
  const kind = { category: n.category, special: n.special };
  const setKey = isMaterialSetKey(meta.setKey) ? meta.setKey : undefined;
  const slot = setKey ? findNominationSlot(campaign.rules.materials, kind, setKey, meta.slotId) : undefined;
  const slotName = slot && setKey ? slotDisplayName(setKey, slot) : `「${meta.slotId}」`;
  const existingFiles = slot && setKey ? await countSlotOriginals(trx, n.id, setKey, meta.slotId) : 0;
  refuseFindings(
    checkUploadAdmission({ slot, slotName, existingFiles, declaredBytes, fileName: meta.filename }),
  );
  // Admitted: the set key and the slot were found (an unknown one is refused above).
  return { n, slot: slot!, setKey: setKey! };
}

/** tus `onUploadCreate`: refuse before anything is stored, or stamp the upload with its owner. */
export async function admitUpload(context: AppContext, actor: Actor, upload: Upload) {
  const meta = readMetadata(upload.metadata);
  const { n } = await context.db
    .transaction()
    .execute((trx) => admit(trx, actor, meta, upload.size, false, context.clock.now()));
  return { metadata: { ...upload.metadata, unitId: n.unitId, accountId: actor.accountId } };
}

/**
 * tus HEAD/PATCH/DELETE on an existing upload: only the unit that created it may see or continue it, and
 * only continue it while the nomination is still editable.
 */
export async function checkUploadOwner(context: AppContext, actor: Actor, upload: Upload, method: string) {
  const unitId = upload.metadata?.unitId;
  if (!unitId || unitId !== actor.organisationId || !actor.roles.includes('unit_submitter')) {
    throw refusal(403, 'FORBIDDEN', '这不是本单位的上传，不能查看或续传。');
  }
  if (method === 'PATCH') {
    const meta = readMetadata(upload.metadata);
    await asRefusal(async () => {
      const n = await visibleNomination(context.db, actor, meta.nominationId);
      authorizeMaterial(actor, 'upload', subjectOf(n));
    });
  }
  if (method === 'DELETE' && (await findMaterialByUpload(context.db, upload.id))) {
    throw refusal(409, 'UPLOAD_ALREADY_MATERIAL', '该上传已成为推介材料，请在材料列表中删除。');
  }
}

/** SHA-256 and length of what storage holds, read as a stream (never whole in memory). */
async function hashStored(context: AppContext, key: string) {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of await context.storage.read(key)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function discard(context: AppContext, uploadId: string) {
  await context.storage
    .tusStore()
    .remove(uploadId)
    .catch(() => undefined);
  await context.storage.remove(context.storage.uploadKey(uploadId));
}

/**
 * tus `onUploadFinish` (and a HEAD that finds a finished upload without its row, after a crash between the
 * two): hash the stored bytes (unless they were hashed on the way in), then in one transaction re-admit under the nomination's lock, insert the
 * `pending` row, queue its check and audit. Idempotent by upload id. A refusal now (the slot filled up
 * meanwhile, the nomination was submitted) removes the upload: nothing half-made remains.
 */
export async function finishUpload(
  context: AppContext,
  actor: Actor,
  upload: Upload,
  /** The SHA-256 taken while the bytes arrived, when it saw all of them (see hashing-tus-store.ts). */
  streamed: { bytes: number; sha256: string } | null = null,
): Promise<string> {
  const existing = await findMaterialByUpload(context.db, upload.id);
  if (existing) return existing.id;
  const meta = readMetadata(upload.metadata);
  const storageKey = context.storage.uploadKey(upload.id);
  const stored = streamed ?? (await hashStored(context, storageKey));
  if (stored.bytes !== upload.size) {
    await discard(context, upload.id);
    throw refusal(
      500,
      'INTERNAL',
      `平台收到的文件长度（${stored.bytes} 字节）与上传时声明的长度（${upload.size} 字节）不一致，已丢弃，请重新上传。`,
    );
  }
  try {
    return await context.db.transaction().execute(async (trx) => {
      const { n, slot, setKey } = await admit(trx, actor, meta, stored.bytes, true, context.clock.now());
      // Two uploads finishing at once both passed the check at creation; the lock above orders them here.
      const again = await findMaterialByUpload(trx, upload.id);
      if (again) return again.id;
      return createMaterial(trx, context.jobs, {
        origin: 'uploaded',
        values: {
          nominationId: n.id,
          setKey,
          slotId: meta.slotId,
          uploadId: upload.id,
          storageKey,
          fileName: meta.filename,
          bytes: stored.bytes,
          sha256: stored.sha256,
          uploadedBy: actor.accountId,
        },
        audit: {
          actor,
          action: 'material.uploaded',
          scopePath: n.unitPath,
          after: {
            nominationId: n.id,
            setKey: meta.setKey,
            slotId: meta.slotId,
            slotLabel: slot.label,
            fileName: meta.filename,
            bytes: stored.bytes,
            sha256: stored.sha256,
          },
        },
      });
    });
  } catch (e) {
    if (isRefusal(e)) await discard(context, upload.id);
    throw e;
  }
}
