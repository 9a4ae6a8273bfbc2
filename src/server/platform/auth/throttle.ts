import { sql } from 'kysely';
import { LOGIN_THROTTLE, loginWaitSeconds } from '#core/accounts/login-delay.ts';
import type { Db } from '../db/database.ts';

const byName = (username: string) => sql<boolean>`lower(username) = ${username.toLowerCase()}`;

/** Seconds this user name must wait before it may try again from this address (0: it may try now). */
export async function loginWait(db: Db, username: string, ip: string, now: Date): Promise<number> {
  const pairSince = new Date(now.getTime() - LOGIN_THROTTLE.pairMemoryHours * 3_600_000);
  const addressSince = new Date(now.getTime() - LOGIN_THROTTLE.addressWindowMinutes * 60_000);
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('loginFailures')
        .select(eb.fn.countAll<string>().as('n'))
        .where(byName(username))
        .where('ip', '=', ip)
        .where('at', '>', pairSince)
        .as('pairFailures'),
      eb
        .selectFrom('loginFailures')
        .select((inner) => inner.fn.max('at').as('last'))
        .where(byName(username))
        .where('ip', '=', ip)
        .where('at', '>', pairSince)
        .as('lastPairFailureAt'),
      eb
        .selectFrom('loginFailures')
        .select(eb.fn.countAll<string>().as('n'))
        .where('ip', '=', ip)
        .where('at', '>', addressSince)
        .as('addressFailures'),
    ])
    .executeTakeFirstOrThrow();
  return loginWaitSeconds(
    {
      pairFailures: Number(row.pairFailures),
      lastPairFailureAt: row.lastPairFailureAt ? new Date(row.lastPairFailureAt as Date | string) : null,
      addressFailures: Number(row.addressFailures),
    },
    now,
  );
}

export async function recordFailure(db: Db, username: string, ip: string, now: Date): Promise<void> {
  await db
    .insertInto('loginFailures')
    .values({ username: username.slice(0, 100), ip, at: now })
    .execute();
}

/** A right password from an address forgets that pair's failures, not those of other addresses. */
export async function clearPairFailures(db: Db, username: string, ip: string): Promise<void> {
  await db.deleteFrom('loginFailures').where(byName(username)).where('ip', '=', ip).execute();
}

/** An admin's unlock or a password reset: the user name may try again from everywhere. */
export async function clearFailures(db: Db, username: string): Promise<number> {
  const result = await db.deleteFrom('loginFailures').where(byName(username)).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Forgets failures too old to count for anything, so the table stays small. */
export async function pruneFailures(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - LOGIN_THROTTLE.pairMemoryHours * 3_600_000);
  const result = await db.deleteFrom('loginFailures').where('at', '<=', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
