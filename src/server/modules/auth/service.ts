import { sql } from 'kysely';
import { deviceLabel } from '#core/accounts/device-label.ts';
import { waitInWords } from '#core/accounts/login-delay.ts';
import { passwordFindings } from '#core/accounts/password-policy.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '#server/platform/auth/passwords.ts';
import { createSession } from '#server/platform/auth/sessions.ts';
import { clearPairFailures, loginWait, recordFailure } from '#server/platform/auth/throttle.ts';
import type { Db } from '#server/platform/db/database.ts';
import { AppError } from '#server/platform/errors.ts';
import { recordAudit } from '../audit/service.ts';

const LOGIN_FAILED = () => new AppError('LOGIN_FAILED', '用户名或密码错误');

export async function login(
  db: Db,
  input: {
    username: string;
    password: string;
    ip: string;
    userAgent: string | null;
    idleMinutes: number;
    now: Date;
  },
) {
  const { now } = input;
  // Checked before the password, so a held-back guess learns nothing about it.
  const wait = await loginWait(db, input.username, input.ip, now);
  if (wait > 0) {
    throw new AppError(
      'LOGIN_THROTTLED',
      `登录失败次数过多，请 ${waitInWords(wait)}后再试；如忘记密码，请联系本单位的账号管理员`,
      { retryAfterSeconds: wait },
    );
  }
  const account = await db
    .selectFrom('accounts as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisationId')
    .select([
      'a.id',
      'a.username',
      'a.displayName',
      'a.passwordHash',
      'a.disabled',
      'o.path',
      'o.disabled as orgDisabled',
    ])
    .where(sql`lower(a.username)`, '=', input.username.toLowerCase())
    .executeTakeFirst();
  if (!account) {
    await verifyAgainstDummy(input.password);
    await recordFailure(db, input.username, input.ip, now);
    throw LOGIN_FAILED();
  }
  const who = { accountId: account.id, displayName: account.displayName, ip: input.ip };
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await recordFailure(db, input.username, input.ip, now);
    await recordAudit(db, who, {
      action: 'auth.login_failed',
      entityType: 'account',
      entityId: account.id,
      scopePath: account.path,
    });
    throw LOGIN_FAILED();
  }
  if (account.disabled || account.orgDisabled) {
    // Answered as a wrong password (and counted as one): a distinct answer, or a failure not counted, would
    // tell a guesser the password is right. The owner learns of it from an admin, who sees this entry.
    await recordFailure(db, input.username, input.ip, now);
    await recordAudit(db, who, {
      action: 'auth.login_while_disabled',
      entityType: 'account',
      entityId: account.id,
      scopePath: account.path,
    });
    throw LOGIN_FAILED();
  }
  await clearPairFailures(db, input.username, input.ip);
  const session = await createSession(db, {
    accountId: account.id,
    ip: input.ip,
    userAgent: input.userAgent,
    idleMinutes: input.idleMinutes,
    now,
  });
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('accounts').set({ lastLoginAt: now }).where('id', '=', account.id).execute();
    await recordAudit(trx, who, {
      action: 'auth.login',
      entityType: 'account',
      entityId: account.id,
      scopePath: account.path,
    });
  });
  return { accountId: account.id, ...session };
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', actor.sessionId).execute();
    await recordAudit(trx, actor, {
      action: 'auth.logout',
      entityType: 'account',
      entityId: actor.accountId,
      scopePath: actor.organisationPath,
    });
  });
}

export async function changePassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  now: Date,
) {
  const findings = passwordFindings(input.newPassword, actor.username);
  if (findings.length > 0) {
    throw new AppError('PASSWORD_TOO_WEAK', findings.map((f) => f.message).join('；'), { findings });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('PASSWORD_TOO_WEAK', '新密码不能与当前密码相同');
  }
  const account = await db
    .selectFrom('accounts')
    .select(['passwordHash', 'oneTimePasswordHash'])
    .where('id', '=', actor.accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', '当前密码不正确');
  }
  if (account.oneTimePasswordHash && (await verifyPassword(account.oneTimePasswordHash, input.newPassword))) {
    throw new AppError('PASSWORD_TOO_WEAK', '新密码不能是管理员发给您的初始密码，请设置只有您自己知道的密码');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('accounts')
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: now,
        version: sql<number>`version + 1`,
        updatedAt: now,
      })
      .where('id', '=', actor.accountId)
      .execute();
    // Whoever else holds a session of this account is logged out: that is the point of changing it.
    await trx
      .deleteFrom('sessions')
      .where('accountId', '=', actor.accountId)
      .where('id', '!=', actor.sessionId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'account.password_changed',
      entityType: 'account',
      entityId: actor.accountId,
      scopePath: actor.organisationPath,
    });
  });
}

/** The caller's own live sessions, newest first, the current one marked. */
export async function listMySessions(db: Db, actor: Actor, maxHours: number, now: Date) {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'createdAt', 'lastSeenAt', 'expiresAt', 'ip', 'userAgent'])
    .where('accountId', '=', actor.accountId)
    .where('expiresAt', '>', now)
    .where('createdAt', '>', new Date(now.getTime() - maxHours * 3_600_000))
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    current: row.id === actor.sessionId,
    signedInAt: new Date(row.createdAt).toISOString(),
    lastSeenAt: new Date(row.lastSeenAt).toISOString(),
    endsAt: new Date(new Date(row.createdAt).getTime() + maxHours * 3_600_000).toISOString(),
    ip: row.ip,
    device: deviceLabel(row.userAgent),
  }));
}

/** 退出其他设备: every session of the caller but this one ends, audited. */
export async function signOutElsewhere(db: Db, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const ended = await trx
      .deleteFrom('sessions')
      .where('accountId', '=', actor.accountId)
      .where('id', '!=', actor.sessionId)
      .returning('id')
      .execute();
    await recordAudit(trx, actor, {
      action: 'auth.signed_out_elsewhere',
      entityType: 'account',
      entityId: actor.accountId,
      scopePath: actor.organisationPath,
      after: { sessions: ended.length },
    });
    return { signedOut: ended.length };
  });
}
