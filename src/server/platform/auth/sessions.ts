import { createHash, randomBytes } from 'node:crypto';
import { compiledOnce } from '../db/compiled-once.ts';
import type { Db } from '../db/database.ts';

export const SESSION_COOKIE = 'tuijie_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  input: { accountId: string; ip: string; userAgent: string | null; idleMinutes: number; now: Date },
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      tokenHash: hashToken(token),
      accountId: input.accountId,
      csrfToken,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.idleMinutes * 60_000),
    })
    .execute();
  return { token, csrfToken };
}

/** How long sessions last: idle minutes (renewed on use) and at most this many hours after login. */
export interface SessionLifetime {
  idleMinutes: number;
  maxHours: number;
}

const liveSession = compiledOnce((db, tokenHash: string, now: Date, createdAfter: Date) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.accountId')
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .select([
      's.id as sessionId',
      's.csrfToken',
      's.lastSeenAt',
      's.createdAt',
      'a.id as accountId',
      'a.username',
      'a.displayName',
      'a.roles',
      'a.disabled',
      'a.mustChangePassword',
      'o.id as organisationId',
      'o.path as organisationPath',
      'o.disabled as organisationDisabled',
    ])
    .where('s.tokenHash', '=', tokenHash)
    .where('s.expiresAt', '>', now)
    .where('s.createdAt', '>', createdAfter),
);

/**
 * The live session behind a cookie token with its account. Its idle expiry is renewed on use, never past
 * the absolute end: a session left open on a shared office PC ends however busy it was kept.
 */
export async function findSession(db: Db, token: string, lifetime: SessionLifetime, now: Date) {
  const createdAfter = new Date(now.getTime() - lifetime.maxHours * 3_600_000);
  const row = await liveSession.first(db, hashToken(token), now, createdAfter);
  if (!row) return undefined;
  // Renewing at most once a minute keeps reads from turning every request into a write.
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({
        lastSeenAt: now,
        expiresAt: new Date(
          Math.min(
            now.getTime() + lifetime.idleMinutes * 60_000,
            new Date(row.createdAt).getTime() + lifetime.maxHours * 3_600_000,
          ),
        ),
      })
      .where('id', '=', row.sessionId)
      .execute();
  }
  return row;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
