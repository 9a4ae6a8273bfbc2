/**
 * Submission packages (提交包): a unit asks for its own; an organiser for one of its units' or for the
 * whole campaign. The request inserts the row and its job in one transaction; the job builds the ZIP
 * (package-worker.ts); the browser polls the row and then downloads the file, resumably.
 */
import type { Readable } from 'node:stream';
import { safeFileName } from '#core/documents/index.ts';
import { PACKAGE_RETENTION_DAYS, packageExpiresAt } from '#core/documents/package-retention.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { hasRole } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound } from '#server/platform/errors.ts';
import { parseRange } from '#server/platform/http/byte-range.ts';
import type { Jobs } from '#server/platform/jobs/jobs.ts';
import type { ByteRange, Storage } from '#server/platform/storage/storage.ts';
import { recordAudit } from '../audit/service.ts';
import { isReportingUnitOf } from '../campaigns/rules.ts';
import { visibleCampaign } from '../campaigns/service.ts';
import { isOrganiserOf } from '../nominations/rules.ts';
import { listActiveChildren } from '../organisations/service.ts';
import { packageInputsHash } from './build-package.ts';
import { findPackage, findReusablePackage, listPackages, type PackageRow } from './package-queries.ts';
import { createPackage } from './transition-package.ts';

/** An organiser of the campaign sees every package of it; a unit its own unit's. */
function mayHave(actor: Actor, p: Pick<PackageRow, 'unitId' | 'organiserPath'>): boolean {
  if (isOrganiserOf(actor, p)) return true;
  return p.unitId !== null && p.unitId === actor.organisationId && hasRole(actor, 'unit_submitter');
}

export function presentPackage(p: PackageRow) {
  return {
    id: p.id,
    campaignId: p.campaignId,
    unitId: p.unitId,
    unitName: p.unitName,
    state: p.state,
    done: p.done,
    total: p.total,
    bytes: p.bytes === null ? null : Number(p.bytes),
    sha256: p.sha256,
    error: p.error,
    fileName: packageFileName(p),
    downloadUrl: p.state === 'ready' ? `/api/packages/${p.id}/download` : null,
    createdAt: p.createdAt.toISOString(),
    finishedAt: p.finishedAt ? p.finishedAt.toISOString() : null,
    expiresAt: p.state === 'ready' && p.finishedAt ? packageExpiresAt(p.finishedAt).toISOString() : null,
  };
}

export function packageFileName(p: Pick<PackageRow, 'campaignYear' | 'unitName'>): string {
  return safeFileName(`${p.campaignYear}年推介材料提交包-${p.unitName ?? '全部报送单位'}`, 'zip');
}

export async function visiblePackage(db: Db, actor: Actor, id: string): Promise<PackageRow> {
  const p = await findPackage(db, id);
  if (!p || !mayHave(actor, p)) throw notFound('提交包');
  return p;
}

export async function requestPackage(
  db: Db,
  jobs: Jobs,
  actor: Actor,
  input: { campaignId: string; unitId?: string },
): Promise<PackageRow> {
  const campaign = await visibleCampaign(db, actor, input.campaignId);
  let unitId: string | null;
  if (isOrganiserOf(actor, campaign)) {
    unitId = input.unitId ?? null;
    if (unitId) {
      const units = await listActiveChildren(db, campaign.organiserId);
      if (!units.some((u) => u.id === unitId)) {
        throw new AppError('VALIDATION_FAILED', '所选单位不是本活动的报送单位，请从报送单位列表中选择。');
      }
    }
  } else if (isReportingUnitOf(actor, campaign.organiserPath) && hasRole(actor, 'unit_submitter')) {
    if (input.unitId && input.unitId !== actor.organisationId) {
      throw forbidden('报送单位只能生成本单位的提交包。');
    }
    unitId = actor.organisationId;
  } else {
    throw forbidden('只有报送单位的填报员或本活动的组织单位可以生成提交包。');
  }
  const scope = { campaignId: campaign.id, unitId };
  const inputsHash = await packageInputsHash(db, scope);
  const id = await db.transaction().execute(async (trx) => {
    // The scope's rows are locked in one order, so two identical clicks build one package.
    await trx.selectFrom('campaigns').select('id').where('id', '=', campaign.id).forNoKeyUpdate().execute();
    const same = await findReusablePackage(trx, scope, inputsHash);
    if (same) return same.id;
    return createPackage(trx, jobs, actor, { ...scope, inputsHash });
  });
  return (await findPackage(db, id))!;
}

export async function listVisiblePackages(db: Db, actor: Actor, campaignId: string) {
  const campaign = await visibleCampaign(db, actor, campaignId);
  const organiser = isOrganiserOf(actor, campaign);
  if (!organiser && !hasRole(actor, 'unit_submitter')) throw forbidden();
  return listPackages(db, campaign.id, organiser ? null : actor.organisationId);
}

export type PackageDownload =
  | { kind: 'unsatisfiable'; size: number }
  | {
      kind: 'whole' | 'partial';
      fileName: string;
      size: number;
      etag: string;
      range?: ByteRange;
      body: Readable;
    };

/**
 * The ZIP, or the range of it a resuming download asks for (`Range`, `If-Range`). The first request
 * of a download is audited (PIPL: the package holds ID numbers and phones); resumed parts are not.
 */
export async function downloadPackage(
  db: Db,
  storage: Storage,
  actor: Actor,
  id: string,
  headers: { range?: string; ifRange?: string },
): Promise<PackageDownload> {
  const p = await visiblePackage(db, actor, id);
  if (p.state === 'expired') {
    throw new AppError(
      'PACKAGE_EXPIRED',
      `该材料包已过期，文件已按规定删除（材料包保留 ${PACKAGE_RETENTION_DAYS} 天）。请重新生成材料包后下载。`,
    );
  }
  if (p.state !== 'ready' || !p.storageKey || !p.sha256) {
    throw new AppError(
      'PACKAGE_NOT_READY',
      p.state === 'failed'
        ? `提交包生成失败：${p.error ?? ''}请重新生成。`
        : '提交包还在生成中，请等进度完成后再下载。',
    );
  }
  const size = Number(p.bytes);
  const etag = `"${p.sha256}"`;
  const answer = parseRange(headers.range, size, { ifRange: headers.ifRange, etag });
  if (answer.kind === 'unsatisfiable') return { kind: 'unsatisfiable', size };
  const range = answer.kind === 'partial' ? answer.range : undefined;
  const body = await storage.read(p.storageKey, range);
  if (!range || range.start === 0) {
    await recordAudit(db, actor, {
      action: 'package.downloaded',
      entityType: 'package',
      entityId: p.id,
      scopePath: actor.organisationPath,
      after: { campaignId: p.campaignId, unitId: p.unitId, bytes: size },
    });
  }
  return { kind: answer.kind, fileName: packageFileName(p), size, etag, range, body };
}
