/**
 * 评审即将结束: once per round, when an open round closes within 24 hours, each expert of it who still has
 * reviews to submit is told so (the bell, and mail when configured). The periodic job calls this with its
 * run time from the app's clock; `closing_notified_at` marks the round told (a fact, not a state), and the
 * dedupe key keeps an expert from being told twice should a run be repeated after a crash.
 */
import { formatBeijingDateTime } from '#core/calendar/beijing-time.ts';
import type { Db } from '#server/platform/db/database.ts';
import { notify } from '../notifications/notify.ts';

export const CLOSING_NOTICE_HOURS = 24;

export interface ClosingReminder {
  roundId: string;
  told: number;
}

export async function remindRoundsClosing(db: Db, now: Date): Promise<ClosingReminder[]> {
  const horizon = new Date(now.getTime() + CLOSING_NOTICE_HOURS * 3_600_000);
  const due = await db
    .selectFrom('reviewRounds')
    .select('id')
    .where('state', '=', 'open')
    .where('closingNotifiedAt', 'is', null)
    .where('closesAt', '>', now)
    .where('closesAt', '<=', horizon)
    .execute();
  const done: ClosingReminder[] = [];
  for (const { id } of due) {
    const told = await db.transaction().execute(async (trx) => {
      // Two processes sweeping at once: the second waits here and finds the round told.
      const round = await trx
        .selectFrom('reviewRounds as r')
        .innerJoin('campaigns as c', 'c.id', 'r.campaignId')
        .select(['r.id', 'r.name', 'r.closesAt', 'r.state', 'r.closingNotifiedAt', 'c.title'])
        .where('r.id', '=', id)
        .forUpdate('r')
        .executeTakeFirst();
      if (round?.state !== 'open' || round.closingNotifiedAt !== null) return null;
      const pending = await trx
        .selectFrom('reviewAssignments as a')
        .leftJoin('reviews as v', (join) =>
          join
            .onRef('v.roundId', '=', 'a.roundId')
            .onRef('v.nominationId', '=', 'a.nominationId')
            .onRef('v.expertId', '=', 'a.expertId'),
        )
        .select(['a.expertId', (eb) => eb.fn.countAll<string>().as('open')])
        .where('a.roundId', '=', round.id)
        .where((eb) => eb.or([eb('v.state', 'is', null), eb('v.state', '!=', 'submitted')]))
        .groupBy('a.expertId')
        .execute();
      const closes = formatBeijingDateTime(round.closesAt);
      let count = 0;
      for (const expert of pending) {
        count += await notify(trx, [expert.expertId], {
          kind: 'round_closing',
          title: `「${round.name}」将于${closes}结束`,
          body: `「${round.title}」的${round.name}将于${closes}结束，您还有 ${Number(expert.open)} 项评审尚未提交，请在结束前完成评分并提交。`,
          link: '/reviews',
          dedupeKey: `closing:${round.id}`,
        });
      }
      await trx
        .updateTable('reviewRounds')
        .set({ closingNotifiedAt: now })
        .where('id', '=', round.id)
        .execute();
      return count;
    });
    if (told !== null) done.push({ roundId: id, told });
  }
  return done;
}
