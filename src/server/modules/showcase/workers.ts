/**
 * The showcase's background work: each published winner's photos and videos get their web copies
 * (derivatives-worker.ts). Which still need them is asked at start-up and after every public change (a
 * publication of results is one), so a restart or a crash between a publication and its jobs heals.
 */
import { sql } from 'kysely';
import type { AppContext } from '#server/platform/context.ts';
import { QUEUES } from '#server/platform/jobs/jobs.ts';
import { runShowcaseDerivatives } from './derivatives-worker.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A 证件照 is for the file, not for the public page. */
const PRIVATE_SLOTS = ['idPhoto'];

/**
 * Photos and videos of published winners without web copies yet; `unqueued`: only those with no job queued
 * or under way (pg-boss's standard queues keep no key unique, so asking twice would make a film twice).
 */
export async function materialsAwaitingDerivatives(
  db: AppContext['db'],
  { unqueued = false } = {},
): Promise<string[]> {
  let query = db
    .selectFrom('materials as m')
    .innerJoin('nominations as n', 'n.id', 'm.nominationId')
    .innerJoin('resultNotices as r', 'r.campaignId', 'n.campaignId')
    .leftJoin('showcaseMedia as s', 's.materialId', 'm.id')
    .select('m.id')
    .where('n.state', 'in', ['selected', 'forwarded'])
    .where('m.chosen', '=', true)
    .where('m.state', 'in', ['passed', 'failed'])
    .where('m.slotId', 'not in', PRIVATE_SLOTS)
    .where(sql<string>`m.probed->>'kind'`, 'in', ['image', 'video'])
    .where('s.materialId', 'is', null);
  if (unqueued)
    query = query.where(
      sql<boolean>`not exists (select 1 from pgboss.job j where j.name = ${QUEUES.showcaseDerivatives}
        and j.data->>'materialId' = m.id::text and j.state in ('created', 'retry', 'active'))`,
    );
  return (await query.execute()).map((r) => r.id);
}

export async function queueShowcaseDerivatives(context: Pick<AppContext, 'db' | 'jobs'>): Promise<number> {
  const ids = await materialsAwaitingDerivatives(context.db, { unqueued: true });
  for (const materialId of ids)
    await context.jobs.send(QUEUES.showcaseDerivatives, { materialId }, { singletonKey: materialId });
  return ids.length;
}

export async function registerShowcaseWorkers(context: AppContext): Promise<void> {
  await context.jobs.work<{ materialId?: unknown }>(
    QUEUES.showcaseDerivatives,
    async ({ materialId }) => {
      if (typeof materialId !== 'string' || !UUID.test(materialId)) return;
      await runShowcaseDerivatives(context, materialId);
    },
    // ffmpeg takes every core it gets; photos are quick.
    { concurrency: 1 },
  );
  // One at a time: changes in a row would each find the same copies missing before any job was sent.
  let queuing: Promise<unknown> = Promise.resolve();
  const queue = () => {
    queuing = queuing
      .then(() => queueShowcaseDerivatives(context))
      .catch((e: unknown) => console.warn(`展示用图片和视频未能排入后台任务：${(e as Error).message}`));
    return queuing;
  };
  context.publicPages.onChange(() => {
    void queue();
  });
  await queue();
}
