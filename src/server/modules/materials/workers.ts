/**
 * The material jobs run inside every app process (the server and each test's app): checks and
 * previews two at a time, conversions one at a time (ffmpeg takes every core it gets). A check or conversion
 * pg-boss gives up fails its row with the reason; at start, rows a crash left waiting are handed a new job,
 * or failed the same way when their job failed for good before the give-up queues existed.
 */
import { error } from '#core/findings.ts';
import type { AppContext } from '#server/platform/context.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { runMaterialCheck } from './check-worker.ts';
import { runMaterialConvert } from './convert-worker.ts';
import { strandedMaterials } from './job-queries.ts';
import { runMaterialPreview } from './preview-worker.ts';
import { transitionMaterial } from './transition-material.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Handler = (context: AppContext, materialId: string) => Promise<void>;

/** A job whose data names no material is dropped with a log line instead of failing on every retry. */
function forMaterial(context: AppContext, queue: string, handler: Handler) {
  return async (data: { materialId?: unknown }) => {
    const id = data.materialId;
    if (typeof id !== 'string' || !UUID.test(id)) {
      console.warn(`任务 ${queue} 的数据中没有有效的材料编号，已忽略：${JSON.stringify(data)}`);
      return;
    }
    await handler(context, id);
  };
}

const NEVER_FINISHED = {
  pending: error(
    'MATERIAL_CHECK_CRASHED',
    'file',
    '检查此文件时多次中断，未能完成。请确认文件能正常打开后删除并重新上传；如仍失败，请联系平台管理员。',
  ),
  converting: error(
    'VIDEO_CONVERSION_FAILED',
    'file',
    '视频转换多次中断，未能完成。请删除此副本后重新申请转换，或用剪辑软件按要求导出后重新上传。',
  ),
};

/** Fails a row still waiting for the job that was given up, saying why; any other row is left as it is. */
async function giveUp(context: AppContext, materialId: string, waiting: keyof typeof NEVER_FINISHED) {
  const { db, jobs, clock } = context;
  const row = await db
    .selectFrom('materials')
    .select('state')
    .where('id', '=', materialId)
    .executeTakeFirst();
  if (row?.state !== waiting) return;
  const verdict = { findings: [NEVER_FINISHED[waiting]] };
  await db
    .transaction()
    .execute((trx) => transitionMaterial(trx, jobs, materialId, { to: 'failed', verdict }, clock.now()));
}

export async function rescueStrandedMaterials(context: AppContext): Promise<void> {
  for (const row of await strandedMaterials(context.db)) {
    if (row.live) continue;
    if (row.exhausted) {
      await giveUp(context, row.id, row.state);
      continue;
    }
    const queue = row.state === 'pending' ? QUEUES.materialCheck : QUEUES.materialConvert;
    await context.jobs.send(queue, { materialId: row.id });
  }
}

export async function registerMaterialWorkers(context: AppContext): Promise<void> {
  const { jobs } = context;
  await jobs.work(QUEUES.materialCheck, forMaterial(context, QUEUES.materialCheck, runMaterialCheck), {
    concurrency: 2,
  });
  await jobs.work(QUEUES.materialPreview, forMaterial(context, QUEUES.materialPreview, runMaterialPreview), {
    concurrency: 2,
  });
  await jobs.work(QUEUES.materialConvert, forMaterial(context, QUEUES.materialConvert, runMaterialConvert), {
    concurrency: 1,
  });
  await jobs.work(
    QUEUES.materialCheckGaveUp,
    forMaterial(context, QUEUES.materialCheckGaveUp, (c, id) => giveUp(c, id, 'pending')),
  );
  await jobs.work(
    QUEUES.materialConvertGaveUp,
    forMaterial(context, QUEUES.materialConvertGaveUp, (c, id) => giveUp(c, id, 'converting')),
  );
  await jobs.work(QUEUES.uploadCleanup, async () => {
    await cleanUpExpiredUploads(context);
  });
  await jobs.schedule(QUEUES.uploadCleanup, '17 3 * * *');
  await rescueStrandedMaterials(context);
}

/**
 * Removes uploads begun but never finished within the expiry (a closed laptop that never came back): on
 * disk their partial files, on S3 their multipart parts. Finished uploads are material and stay.
 */
export async function cleanUpExpiredUploads(context: Pick<AppContext, 'storage'>): Promise<number> {
  const removed = await context.storage.removeExpiredUploads();
  if (removed > 0) console.info(`已清理 ${removed} 个过期未完成的上传。`);
  return removed;
}
