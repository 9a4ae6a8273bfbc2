import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Failures allowed within the window before further attempts are refused, per account name and per address. */
export const THROTTLE = { windowMinutes: 15, perUsername: 5, perAddress: 30 } as const;

export async function isThrottled(db: Db, username: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('loginFailures')
        .select(eb.fn.countAll<number>().as('n'))
        .where(sql`lower(username)`, '=', username.toLowerCase())
        .where('at', '>', since)
        .as('byUsername'),
      eb
        .selectFrom('loginFailures')
        .select(eb.fn.countAll<number>().as('n'))
        .where('ip', '=', ip)
        .where('at', '>', since)
        .as('byAddress'),
    ])
    .executeTakeFirstOrThrow();
  return Number(row.byUsername) >= THROTTLE.perUsername || Number(row.byAddress) >= THROTTLE.perAddress;
}

export async function recordFailure(db: Db, username: string, ip: string, now: Date): Promise<void> {
  await db
    .insertInto('loginFailures')
    .values({ username: username.slice(0, 100), ip, at: now })
    .execute();
}

export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('loginFailures').where(sql`lower(username)`, '=', username.toLowerCase()).execute();
}
