/**
 * `material-check`: probes a stored file and judges it against its slot, exactly as `tuijie check`
 * does on a local file (probeMaterial + judgeFile). Running it again gives
 * the same result. A file that breaks a probe ends `failed` with the reason, never stays `pending`;
 * only a database failure throws, so pg-boss retries the job. The verdict, its preview job and what
 * follows it are written by transitionMaterial.
 */
import { error, type Finding } from '#core/findings.ts';
import { judgeFile } from '#core/materials/judge-file.ts';
import { slotMaxBytes } from '#core/materials/limits.ts';
import type { Probed } from '#core/materials/probed.ts';
import type { AppContext } from '#server/platform/context.ts';
import { probeMaterial } from '#server/platform/media/probe-material.ts';
import type { Storage } from '#server/platform/storage/storage.ts';
import { findJobMaterial, type JobMaterial, slotOfRow } from './job-queries.ts';
import { transitionMaterial } from './transition-material.ts';

async function probeStored(storage: Storage, key: string, maxBytes: number): Promise<Probed> {
  try {
    return await storage.withLocalFile(key, (path) => probeMaterial(path, { maxBytes }));
  } catch (caught) {
    const code = (caught as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? '平台上找不到此文件的内容（可能上传未完成），请删除后重新上传。'
        : `检查时无法读取此文件（${(caught as Error).message}），请删除后重新上传；如仍失败，请联系平台管理员。`;
    return { kind: 'unreadable', code: code === 'ENOENT' ? 'NOT_FOUND' : 'PROBE_FAILED', reason };
  }
}

function slotGone(row: JobMaterial): Finding {
  return error(
    'MATERIAL_SLOT_UNKNOWN',
    'slot',
    `文件“${row.fileName}”所属的材料项已不在活动的材料要求中，无法检查。请删除此文件，按当前要求重新上传到对应的材料项。`,
  );
}

export async function runMaterialCheck(
  { db, storage, jobs, clock }: AppContext,
  materialId: string,
): Promise<void> {
  const row = await findJobMaterial(db, materialId);
  // Deleted meanwhile, or a copy still converting (its conversion sends the check when done).
  if (!row || row.state === 'converting') return;
  const slot = slotOfRow(row);
  let probed: Probed | null = null;
  let findings: Finding[];
  if (!slot) {
    findings = [slotGone(row)];
  } else {
    const maxBytes = slotMaxBytes(slot);
    probed = await probeStored(storage, row.storageKey, maxBytes);
    findings = judgeFile(probed, slot, { fileName: row.fileName, maxBytes });
  }
  const to = findings.some((f) => f.severity === 'error') ? 'failed' : 'passed';
  // Deleted meanwhile, or restarted as a conversion: the table refuses and nothing is written.
  await db
    .transaction()
    .execute((trx) =>
      transitionMaterial(trx, jobs, row.id, { to, verdict: { findings, probed } }, clock.now()),
    );
}
