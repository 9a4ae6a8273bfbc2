/** The activities a reader may see: a unit its winners', an organiser its rounds' and those below it. */
import type { Actor } from '#server/platform/auth/actor.ts';
import type { Db } from '#server/platform/db/database.ts';
import { presentActivity, presentWinner } from './presenter.ts';
import { type ActivityFilter, activityRows, photosOf, publishedWinnersFor } from './queries.ts';
import { readerOf, winnerToView } from './winner-context.ts';

export async function listActivities(db: Db, actor: Actor, filter: ActivityFilter) {
  // One winner asked for by id: refused as absent when the reader may not see it.
  if (filter.nominationId) await winnerToView(db, actor, filter.nominationId);
  const rows = await activityRows(db, readerOf(actor), filter);
  const photos = await photosOf(
    db,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) =>
    presentActivity(
      actor,
      r,
      photos.filter((p) => p.activityId === r.id),
    ),
  );
  const provinces = new Map<string, { id: string; name: string; activities: number; audience: number }>();
  for (const a of items) {
    const p = provinces.get(a.provinceId) ?? {
      id: a.provinceId,
      name: a.provinceName,
      activities: 0,
      audience: 0,
    };
    p.activities += 1;
    p.audience += a.audience;
    provinces.set(a.provinceId, p);
  }
  return {
    items,
    provinces: [...provinces.values()].sort(
      (a, b) => b.activities - a.activities || a.name.localeCompare(b.name, 'zh-CN'),
    ),
  };
}

export async function listActivityWinners(db: Db, actor: Actor) {
  const rows = await publishedWinnersFor(db, readerOf(actor));
  return { items: rows.map((w) => presentWinner(actor, w)) };
}
