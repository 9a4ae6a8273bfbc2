/**
 * The scan of the stamped pages a unit adds to its dispatch: streamed into the file storage (never whole
 * in memory), refused above 20 MB, judged by its bytes with the same probe as uploaded material (PDF or
 * JPEG, complete and readable), then recorded on the dispatch in one transaction, audited. A replaced
 * scan's bytes are removed once the new one is committed.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { MEDIA_TYPES, materialDisposition } from '#core/materials/content-type.ts';
import { checkFileName } from '#core/materials/file-name.ts';
import { judgeScan, SCAN_MAX_BYTES } from '#core/paper/scan.ts';
import { paperMove } from '#core/paper/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound } from '#server/platform/errors.ts';
import { probeMaterial } from '#server/platform/media/probe-material.ts';
import { recordAudit } from '../audit/service.ts';
import { isOrganiserOf } from '../nominations/rules.ts';
import { paperContext } from './paper-context.ts';
import { findPaperRecord, type PaperRecord } from './queries.ts';
import { sentences } from './record-dispatch.ts';
import { paperRules } from './rules.ts';

const MEBIBYTES = SCAN_MAX_BYTES / 1024 / 1024;

/** Why the unit may not change its scan now, or undefined: only while its parcel is on its way. */
function scanProblem(record: PaperRecord | undefined, campaignStatus: string): string | undefined {
  if (!record) return '请先登记寄送信息（快递公司、单号、寄出日期），再上传盖章扫描件。';
  if (record.state === 'received') return '组织单位已签收纸质材料，不能再更换扫描件。';
  const move = paperMove('dispatched', 'dispatched', 'unit', {
    campaignState: campaignStatus,
    receiptProblems: [],
  });
  return move.ok ? undefined : move.message;
}

/** Refuses before a byte is read: only the unit's own submitter, only while its parcel is on its way. */
async function assertMayAddScan(db: Db, actor: Actor, campaignId: string, unitId: string) {
  const target = await paperContext(db, actor, campaignId, unitId);
  if (!paperRules.can(actor, 'dispatch', target.subject)) {
    throw forbidden(
      isOrganiserOf(actor, target.subject)
        ? '盖章扫描件由报送单位上传。'
        : '只能为本单位的纸质材料上传扫描件，不能替其他单位上传。',
    );
  }
  const problem = scanProblem(await findPaperRecord(db, campaignId, unitId), target.campaign.status);
  if (problem) throw new AppError('PAPER_SCAN_NOT_ALLOWED', problem);
  return target;
}

export async function uploadScan(
  { db, storage, clock }: Pick<AppContext, 'db' | 'storage' | 'clock'>,
  actor: Actor,
  campaignId: string,
  unitId: string,
  openFile: () => Promise<{ fileName: string; stream: Readable; truncated: () => boolean } | undefined>,
) {
  const { campaign, unit } = await assertMayAddScan(db, actor, campaignId, unitId);
  const file = await openFile();
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的盖章扫描件（PDF 或 JPEG）。');
  const nameFindings = checkFileName(file.fileName);
  if (nameFindings.length > 0) {
    file.stream.resume();
    throw new AppError('VALIDATION_FAILED', sentences(nameFindings), { findings: nameFindings });
  }
  const fileName = file.fileName.trim();
  const key = `paper-scans/${campaignId}/${unitId}/${randomUUID()}`;
  let keep = false;
  try {
    const stored = await storage.write(key, file.stream);
    if (file.truncated() || stored.bytes > SCAN_MAX_BYTES) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `扫描件超过 ${MEBIBYTES} MB，请降低扫描分辨率（如 200 dpi）或分页压缩后再上传。`,
      );
    }
    if (stored.bytes === 0) throw new AppError('VALIDATION_FAILED', '扫描件是空文件，请重新扫描后上传。');
    const verdict = judgeScan(
      await storage.withLocalFile(key, (path) =>
        probeMaterial(path, { maxBytes: SCAN_MAX_BYTES, decode: true }),
      ),
    );
    if ('findings' in verdict) {
      const wrongFormat = verdict.findings.some((f) => f.code === 'SCAN_FORMAT');
      const code = wrongFormat ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION_FAILED';
      throw new AppError(code, sentences(verdict.findings), { findings: verdict.findings });
    }
    const replaced = await db.transaction().execute(async (trx) => {
      // Checked again under the lock: the organiser may have signed for the parcel meanwhile.
      await trx.selectFrom('organisations').select('id').where('id', '=', unitId).forUpdate().execute();
      const locked = await findPaperRecord(trx, campaignId, unitId, true);
      const problem = scanProblem(locked, campaign.status);
      if (problem) throw new AppError('PAPER_SCAN_NOT_ALLOWED', problem);
      const record = locked!;
      await trx
        .updateTable('paperDispatches')
        .set({
          scanStorageKey: key,
          scanFileName: fileName,
          scanFormat: verdict.format,
          scanBytes: stored.bytes,
          scanSha256: stored.sha256,
          version: record.version + 1,
          updatedAt: clock.now(),
        })
        .where('id', '=', record.id)
        .execute();
      await recordAudit(trx, actor, {
        action: 'paper.scan_uploaded',
        entityType: 'paper_dispatch',
        entityId: record.id,
        scopePath: unit.path,
        before: record.scanFileName ? { fileName: record.scanFileName, sha256: record.scanSha256 } : null,
        after: { fileName, bytes: stored.bytes, sha256: stored.sha256, unitName: unit.name },
      });
      return record.scanStorageKey;
    });
    keep = true;
    if (replaced) await storage.remove(replaced).catch(() => undefined);
  } finally {
    if (!keep) await storage.remove(key).catch(() => undefined);
  }
}

/** The scan's bytes for the unit itself and the organiser. */
export async function scanContent(
  { db, storage }: Pick<AppContext, 'db' | 'storage'>,
  actor: Actor,
  campaignId: string,
  unitId: string,
) {
  const { subject } = await paperContext(db, actor, campaignId, unitId);
  if (!paperRules.can(actor, 'view', subject)) throw notFound('盖章扫描件');
  const record = await findPaperRecord(db, campaignId, unitId);
  if (!record?.scanStorageKey || !record.scanFileName) throw notFound('盖章扫描件');
  return {
    headers: {
      'content-type': MEDIA_TYPES[record.scanFormat === 'pdf' ? 'pdf' : 'jpeg'],
      'content-disposition': materialDisposition(record.scanFileName),
      'content-length': String(record.scanBytes),
      etag: `"${record.scanSha256}"`,
      'cache-control': 'private, no-cache',
    },
    body: await storage.read(record.scanStorageKey),
  };
}
