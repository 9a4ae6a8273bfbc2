/**
 * Builds a submission package: one ZIP streamed to a sink (storage for the background job, a file
 * for `tuijie export`), entry by entry, never whole in memory. Each entry is hashed on its way into
 * the ZIP, and 清单.csv, written last, lists every entry's size and SHA-256 with its check result,
 * and every part that is missing. Who may have the package was decided when it was requested: the
 * builder reads as the platform itself.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { printable } from '#core/documents/form-values.ts';
import {
  MANIFEST_NAME,
  type ManifestRow,
  manifestCsv,
  type PackageNomination,
  type PlannedItem,
  planPackage,
} from '#core/documents/index.ts';
import { packageInputsText } from '#core/documents/package-inputs.ts';
import { QUOTA_STATES } from '#core/nomination/states.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { findSoffice } from '#server/platform/documents/convert-to-pdf.ts';
import { AppError } from '#server/platform/errors.ts';
import { hashingPassThrough } from '#server/platform/storage/hash-stream.ts';
import type { Storage, StoredObject } from '#server/platform/storage/storage.ts';
import type { CampaignRow } from '../campaigns/queries.ts';
import { campaignForJob } from '../campaigns/service.ts';
import { packageFiles } from '../materials/package-files.ts';
import { listVisibleNominations } from '../nominations/service.ts';
import { listActiveChildren } from '../organisations/service.ts';
import { printedForm } from './nomination-documents.ts';
import { packageSources } from './package-sources.ts';

/**
 * The platform reading on behalf of a request already authorised (job) or of the operator (CLI). It reads
 * as the campaign's organiser: an organisation above it is not its organiser (decision 0015).
 */
function builderFor(campaign: Pick<CampaignRow, 'organiserId' | 'organiserPath'>): Actor {
  return {
    accountId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    displayName: '系统',
    organisationId: campaign.organiserId,
    organisationPath: campaign.organiserPath,
    roles: ['organiser_admin'],
    sessionId: '',
    mustChangePassword: false,
    ip: '',
  };
}

export interface PackageScope {
  campaignId: string;
  /** null: every reporting unit of the campaign. */
  unitId: string | null;
}

export interface BuildOptions {
  /** Writes the ZIP stream somewhere and says what was written. */
  sink: (zip: Readable) => Promise<StoredObject>;
  onProgress?: (done: number, total: number) => void;
  /** false: no PDFs even with LibreOffice installed (the benchmark); default: when installed. */
  pdf?: boolean;
  /** The time each entry carries in the ZIP: the caller's clock. */
  now: Date;
}

export interface BuiltPackage extends StoredObject {
  /** Files in the ZIP, 清单.csv included. */
  files: number;
  /** Manifest rows that are not files: missing parts and notes. */
  missing: number;
  /** What it was built from (package-inputs.ts), read in the same pass as the build. */
  inputsHash: string;
}

const PDF_MISSING =
  '平台未安装 PDF 生成组件（LibreOffice），未生成 PDF 版推介表；请用 Word 版（DOCX）打印，或请管理员安装 libreoffice-writer-nogui 后重新生成';

/** The campaign's nominations that go into the package (holding a quota place) and their chosen files. */
async function packageContents(db: Db, scope: PackageScope, campaign: CampaignRow) {
  const rows = (
    await listVisibleNominations(db, builderFor(campaign), campaign, {
      campaignId: scope.campaignId,
      ...(scope.unitId ? { unitId: scope.unitId } : {}),
    })
  ).filter((n) => QUOTA_STATES.has(n.state));
  const files = await packageFiles(
    db,
    rows.map((n) => n.id),
  );
  return { rows, files };
}

/** Whether this build makes PDF copies of the forms. */
const makesPdf = (pdf: boolean | undefined) => pdf !== false && findSoffice() !== undefined;

function inputsHashOf(
  scope: PackageScope,
  campaign: CampaignRow,
  pdf: boolean,
  { rows, files }: Awaited<ReturnType<typeof packageContents>>,
): string {
  const text = packageInputsText({
    campaignId: scope.campaignId,
    unitId: scope.unitId,
    rulesVersion: campaign.rulesVersion,
    pdf,
    nominations: rows.map((n) => ({
      id: n.id,
      version: n.version,
      state: n.state,
      rank: n.rank,
      special: n.special,
      contentHash: n.contentHash,
    })),
    files,
  });
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The hash of what a package of `scope` would be built from now: a request with the hash of a ready
 * package of the same scope reuses it instead of building the same ZIP again.
 */
export async function packageInputsHash(db: Db, scope: PackageScope): Promise<string> {
  const campaign = await campaignForJob(db, scope.campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', '找不到该推介活动，可能已被删除。');
  return inputsHashOf(scope, campaign, makesPdf(undefined), await packageContents(db, scope, campaign));
}

async function loadNominations(db: Db, storage: Storage, scope: PackageScope, campaign: CampaignRow) {
  const contents = await packageContents(db, scope, campaign);
  const { rows, files } = contents;
  // Which files storage still holds, a few lookups at a time (on S3 each is a request).
  const stored = new Map<string, boolean>();
  for (let i = 0; i < files.length; i += 16) {
    const batch = files.slice(i, i + 16);
    const sizes = await Promise.all(batch.map((f) => storage.size(f.storageKey)));
    batch.forEach((f, j) => {
      stored.set(f.id, sizes[j] !== null);
    });
  }
  const planned: PackageNomination[] = rows.map((n) => ({
    id: n.id,
    unitId: n.unitId,
    unitName: n.unitName,
    category: n.category,
    rank: n.rank ?? 0,
    special: n.special,
    state: n.state,
    name: printable(printedForm(n).name),
    materials: files
      .filter((f) => f.nominationId === n.id)
      .map((f) => ({ ...f, stored: stored.get(f.id) === true })),
  }));
  return { rows, planned, contents };
}

/**
 * The campaign and unit a package is for, or NOT_FOUND in Chinese: the command line names them by id,
 * so a mistyped one is said plainly before any work starts.
 */
export async function describePackageScope(db: Db, scope: PackageScope) {
  const campaign = await campaignForJob(db, scope.campaignId);
  if (!campaign)
    throw new AppError('NOT_FOUND', `找不到编号为 ${scope.campaignId} 的推介活动，请核对活动编号。`);
  let unitName: string | null = null;
  if (scope.unitId) {
    const unit = (await listActiveChildren(db, campaign.organiserId)).find((u) => u.id === scope.unitId);
    if (!unit) {
      throw new AppError(
        'NOT_FOUND',
        `编号为 ${scope.unitId} 的单位不是“${campaign.title}”的报送单位，请核对单位编号。`,
      );
    }
    unitName = unit.name;
  }
  return { campaignTitle: campaign.title, organiserPath: campaign.organiserPath, unitName };
}

const SHA_MISMATCH = '文件已损坏：与上传时记录的 SHA-256 不一致，请重新上传';

export async function buildPackage(
  deps: { db: Db; storage: Storage },
  scope: PackageScope,
  options: BuildOptions,
): Promise<BuiltPackage> {
  const campaign = await campaignForJob(deps.db, scope.campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', '找不到该推介活动，可能已被删除。');
  const { rows, planned, contents } = await loadNominations(deps.db, deps.storage, scope, campaign);
  const pdf = makesPdf(options.pdf);
  const inputsHash = inputsHashOf(scope, campaign, pdf, contents);
  const plan = planPackage(planned, {
    rules: campaign.rules,
    byUnit: scope.unitId === null,
    pdfUnavailable: pdf ? null : options.pdf === false ? '本次导出未生成 PDF 版推介表' : PDF_MISSING,
  });
  const entries = plan.filter((item): item is Required<PlannedItem> => item.source !== undefined);
  const open = packageSources({
    storage: deps.storage,
    rules: campaign.rules,
    nominations: rows,
    pdfOrder: entries.flatMap((e) =>
      e.source.kind === 'form' && e.source.format === 'pdf' ? [e.source.nominationId] : [],
    ),
  });

  const total = entries.length + 1;
  let done = 0;
  const written = new Map<PlannedItem, ManifestRow>();
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as unknown as Readable;
  const fail = (error: unknown) => output.destroy(error as Error);
  zip.on('error', fail);
  const mtime = options.now;

  for (const item of entries) {
    // Photos, videos, DOCX and XLSX are compressed already: stored as they are, which is much faster.
    zip.addReadStreamLazy(item.path, { compress: false, mtime }, (callback) => {
      open(item.source).then((source) => {
        const hashing = hashingPassThrough();
        source.on('error', fail);
        hashing.stream.on('end', () => {
          const { bytes, sha256 } = hashing.result();
          const damaged = item.source.kind === 'material' && item.source.sha256 !== sha256;
          written.set(item, {
            path: item.path,
            size: bytes,
            sha256,
            result: damaged ? SHA_MISMATCH : item.result,
          });
          options.onProgress?.(++done, total);
        });
        callback(null, source.pipe(hashing.stream));
      }, fail);
    });
  }
  zip.addReadStreamLazy(MANIFEST_NAME, { compress: true, mtime }, (callback) => {
    const rows = plan.map(
      (item) => written.get(item) ?? { path: item.path, size: null, sha256: null, result: item.result },
    );
    callback(null, Readable.from([Buffer.from(manifestCsv(rows))]));
  });
  zip.end();
  const stored = await options.sink(output);
  options.onProgress?.(total, total);
  return { ...stored, files: total, missing: plan.length - entries.length, inputsHash };
}
