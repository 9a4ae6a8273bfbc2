import type { Role } from '#core/accounts/roles.ts';
import { type Actor, inSubtree } from '#server/platform/auth/actor.ts';
import { generateOneTimePassword, hashPassword } from '#server/platform/auth/passwords.ts';
import { clearFailures } from '#server/platform/auth/throttle.ts';
import type { Db, Trx } from '#server/platform/db/database.ts';
import { AppError, forbidden, notFound, staleVersion } from '#server/platform/errors.ts';
import { type DataKeyring, dataKeys } from '#server/platform/personal-data/data-keys.ts';
import { sealedColumn } from '#server/platform/personal-data/sealed-column.ts';
import { recordAudit } from '../audit/service.ts';
import { findVisibleOrganisation } from '../organisations/service.ts';
import {
  type AccountFilter,
  type AccountRow,
  findAccount,
  listAccounts,
  lockAccount,
  usernameTaken,
} from './queries.ts';
import { accountRules, canCreateAccountIn } from './rules.ts';

// Audit rows keep who had which roles, never a password hash, and phones only masked.
const snapshot = (
  a: Pick<AccountRow, 'username' | 'displayName' | 'roles' | 'disabled' | 'organisationId'>,
) => ({
  username: a.username,
  displayName: a.displayName,
  roles: a.roles,
  disabled: a.disabled,
  organisationId: a.organisationId,
});

/** An account's phone as written: sealed (decision 0016), never in clear. */
export function storedPhone(phone: string | null | undefined, keyring: DataKeyring = dataKeys()) {
  return {
    phone: null,
    phoneSealed: sealedColumn('phone', phone, keyring).sealed,
    dataKeyId: keyring.current.kid,
  };
}

async function visibleForUpdate(trx: Trx, actor: Actor, id: string): Promise<AccountRow> {
  const account = await lockAccount(trx, id);
  if (!account || !inSubtree(actor, account.organisationPath)) throw notFound('账号');
  return account;
}

export async function listVisibleAccounts(db: Db, actor: Actor, filter: Omit<AccountFilter, 'subtreePath'>) {
  const own = await findVisibleOrganisation(db, actor, actor.organisationId);
  if (!accountRules.can(actor, 'view', { id: '', organisationPath: own.path, disabled: false }))
    throw forbidden();
  return listAccounts(db, { ...filter, subtreePath: actor.organisationPath });
}

export interface NewAccount {
  username: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  phone?: string | null;
}

/** Inserts an account with a one-time password; shared by the create use case, the import and the seed. */
export async function insertAccount(
  trx: Trx,
  actor: Actor | null,
  org: { id: string; path: string },
  input: Omit<NewAccount, 'organisationId'>,
) {
  if (await usernameTaken(trx, input.username)) {
    throw new AppError('DUPLICATE_USERNAME', `用户名「${input.username}」已被使用，请换一个`);
  }
  const initialPassword = generateOneTimePassword();
  const initialHash = await hashPassword(initialPassword);
  const row = await trx
    .insertInto('accounts')
    .values({
      organisationId: org.id,
      username: input.username,
      displayName: input.displayName,
      passwordHash: initialHash,
      oneTimePasswordHash: initialHash,
      roles: input.roles,
      ...storedPhone(input.phone),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const account = (await findAccount(trx, row.id))!;
  await recordAudit(trx, actor, {
    action: 'account.created',
    entityType: 'account',
    entityId: account.id,
    scopePath: org.path,
    after: snapshot(account),
  });
  return { account, initialPassword };
}

export async function createAccount(db: Db, actor: Actor, input: NewAccount) {
  return db.transaction().execute(async (trx) => {
    const org = await findVisibleOrganisation(trx, actor, input.organisationId, true);
    if (!canCreateAccountIn(actor, org.path, input.roles))
      throw forbidden('您不能在该单位创建具有这些角色的账号');
    if (org.disabled) throw new AppError('ORGANISATION_DISABLED', `单位「${org.name}」已停用，不能新增账号`);
    return insertAccount(trx, actor, org, input);
  });
}

export async function updateAccount(
  db: Db,
  actor: Actor,
  id: string,
  input: { displayName?: string; roles?: Role[]; phone?: string | null; version: number },
  now: Date,
) {
  return db.transaction().execute(async (trx) => {
    const before = await visibleForUpdate(trx, actor, id);
    accountRules.authorize(actor, 'update', before);
    if (before.version !== input.version) throw staleVersion();
    if (input.roles && !canCreateAccountIn(actor, before.organisationPath, input.roles)) {
      throw forbidden('您不能授予这些角色');
    }
    await trx
      .updateTable('accounts')
      .set({
        displayName: input.displayName ?? before.displayName,
        roles: input.roles ?? before.roles,
        // Left out, the sealed phone stays as it is.
        ...(input.phone === undefined ? {} : storedPhone(input.phone)),
        version: before.version + 1,
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    const after = (await findAccount(trx, id))!;
    await recordAudit(trx, actor, {
      action: 'account.updated',
      entityType: 'account',
      entityId: id,
      scopePath: after.organisationPath,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function setAccountDisabled(db: Db, actor: Actor, id: string, disabled: boolean, now: Date) {
  return db.transaction().execute(async (trx) => {
    const before = await visibleForUpdate(trx, actor, id);
    accountRules.authorize(actor, disabled ? 'disable' : 'enable', before);
    await trx
      .updateTable('accounts')
      .set({ disabled, version: before.version + 1, updatedAt: now })
      .where('id', '=', id)
      .execute();
    // A disabled account's open sessions end now, not when they expire.
    if (disabled) await trx.deleteFrom('sessions').where('accountId', '=', id).execute();
    const after = (await findAccount(trx, id))!;
    await recordAudit(trx, actor, {
      action: disabled ? 'account.disabled' : 'account.enabled',
      entityType: 'account',
      entityId: id,
      scopePath: after.organisationPath,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function resetPassword(db: Db, actor: Actor, id: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const account = await visibleForUpdate(trx, actor, id);
    accountRules.authorize(actor, 'resetPassword', account);
    const initialPassword = generateOneTimePassword();
    const initialHash = await hashPassword(initialPassword);
    await trx
      .updateTable('accounts')
      .set({
        passwordHash: initialHash,
        oneTimePasswordHash: initialHash,
        mustChangePassword: true,
        version: account.version + 1,
        updatedAt: now,
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('sessions').where('accountId', '=', id).execute();
    // The new password is the admin's word that this is the owner: past failures no longer hold them back.
    await clearFailures(trx, account.username);
    await recordAudit(trx, actor, {
      action: 'account.password_reset',
      entityType: 'account',
      entityId: id,
      scopePath: account.organisationPath,
    });
    return { initialPassword };
  });
}

/** 解除登录限制: the account's failed sign-ins from every address are forgotten, audited with their number. */
export async function unlockLogin(db: Db, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const account = await visibleForUpdate(trx, actor, id);
    accountRules.authorize(actor, 'unlockLogin', account);
    const failuresCleared = await clearFailures(trx, account.username);
    await recordAudit(trx, actor, {
      action: 'account.login_unlocked',
      entityType: 'account',
      entityId: id,
      scopePath: account.organisationPath,
      after: { failuresCleared },
    });
    return account;
  });
}
