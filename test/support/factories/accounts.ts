/**
 * Accounts as the platform makes them: created by an admin above through the accounts service, the
 * one-time password changed on first use through the auth service, and a live session behind every
 * actor (the same row the login route writes), so a factory's actor is what the auth plugin would build.
 */
import type { FastifyInstance } from 'fastify';
import { isRole, type Role } from '#core/accounts/roles.ts';
import { createAccount, insertAccount } from '#server/modules/accounts/service.ts';
import { changePassword, login } from '#server/modules/auth/service.ts';
import { findOrganisation } from '#server/modules/organisations/queries.ts';
import { insertRootOrganisation } from '#server/modules/organisations/service.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { findSession } from '#server/platform/auth/sessions.ts';
import type { AppContext } from '#server/platform/context.ts';
import { login as loginOverHttp, type Session } from '../app.ts';

/** What a factory needs of a test app: its context (a `TestApp` is one). */
export interface HasContext {
  context: AppContext;
}

export interface TestAccount {
  id: string;
  username: string;
  displayName: string;
  /** The account's own password (the one-time one is already changed). */
  password: string;
  roles: Role[];
  organisationId: string;
  organisationPath: string;
  organisationName: string;
  /** The account as services see it, behind a real session. */
  actor: Actor;
}

let sequence = 0;

/** A username no other factory call in this process has used (test databases are per file, runs may share one). */
export function uniqueName(prefix: string): string {
  sequence += 1;
  return `${prefix}-${process.pid}-${sequence}`;
}

const IP = '127.0.0.1';

/** Logs in through the auth service and builds the actor from the session row, as the auth plugin does. */
async function actorOf({ context }: HasContext, username: string, password: string): Promise<Actor> {
  const { token } = await login(context.db, {
    username,
    password,
    ip: IP,
    userAgent: 'factory',
    idleMinutes: context.config.sessionIdleMinutes,
    now: context.clock.now(),
  });
  const s = await findSession(context.db, token, sessionLifetime(context), context.clock.now());
  if (!s) throw new Error(`no session for ${username}`);
  return actorOfSession(s);
}

/** The actor behind a session logged in over HTTP, as the auth plugin builds it from the cookie. */
export async function sessionActor({ context }: HasContext, session: Session): Promise<Actor> {
  const token = decodeURIComponent(session.cookie.replace(/^tuijie_session=/, ''));
  const s = await findSession(context.db, token, sessionLifetime(context), context.clock.now());
  if (!s) throw new Error(`no session for account ${session.accountId}`);
  return actorOfSession(s);
}

const sessionLifetime = ({ config }: HasContext['context']) => ({
  idleMinutes: config.sessionIdleMinutes,
  maxHours: config.sessionMaxHours,
});

function actorOfSession(s: NonNullable<Awaited<ReturnType<typeof findSession>>>): Actor {
  return {
    accountId: s.accountId,
    username: s.username,
    displayName: s.displayName,
    organisationId: s.organisationId,
    organisationPath: s.organisationPath,
    roles: s.roles.filter(isRole),
    sessionId: s.sessionId,
    mustChangePassword: s.mustChangePassword,
    ip: IP,
  };
}

/** First use of a new account: log in with the one-time password and change it, as every user must. */
async function firstUse(
  t: HasContext,
  created: { account: { id: string; username: string; displayName: string; roles: string[] } },
  initialPassword: string,
  org: { id: string; path: string; name: string },
): Promise<TestAccount> {
  const { username } = created.account;
  const password = `Factory9${initialPassword}`;
  const first = await actorOf(t, username, initialPassword);
  await changePassword(
    t.context.db,
    first,
    { currentPassword: initialPassword, newPassword: password },
    t.context.clock.now(),
  );
  const actor = await actorOf(t, username, password);
  return {
    id: created.account.id,
    username,
    displayName: created.account.displayName,
    password,
    roles: actor.roles,
    organisationId: org.id,
    organisationPath: org.path,
    organisationName: org.name,
    actor,
  };
}

/** An account in `organisationId` with `roles`, created by `admin` through the accounts service. */
export async function newAccount(
  t: HasContext,
  admin: Pick<TestAccount, 'actor'>,
  input: { organisationId: string; roles: Role[]; username?: string; displayName?: string },
): Promise<TestAccount> {
  const username = input.username ?? uniqueName(input.roles[0]!.replace('_', '-'));
  const created = await createAccount(t.context.db, admin.actor, {
    username,
    displayName: input.displayName ?? `测试${username.slice(-4)}`,
    organisationId: input.organisationId,
    roles: input.roles,
  });
  const org = (await findOrganisation(t.context.db, input.organisationId))!;
  return firstUse(t, created, created.initialPassword, org);
}

const platforms = new WeakMap<AppContext, Promise<TestAccount>>();

/**
 * The platform's own admin: the root organisation (made as on a first start when the database has none)
 * and a platform admin account in it, made once per app.
 */
export function platformAdmin(t: HasContext): Promise<TestAccount> {
  let admin = platforms.get(t.context);
  if (!admin) {
    admin = t.context.db
      .transaction()
      .execute(async (trx) => {
        const existing = await trx
          .selectFrom('organisations')
          .select('id')
          .where('parentId', 'is', null)
          .executeTakeFirst();
        const root = existing
          ? (await findOrganisation(trx, existing.id))!
          : await insertRootOrganisation(trx, '推介平台');
        // Nobody above the platform: its first admin is made by the platform itself, as the seed does.
        const created = await insertAccount(trx, null, root, {
          username: uniqueName('platform-admin'),
          displayName: '平台管理员',
          roles: ['platform_admin'],
        });
        return { created, root };
      })
      .then(({ created, root }) => firstUse(t, created, created.initialPassword, root));
    platforms.set(t.context, admin);
  }
  return admin;
}

/** Logs a factory account in over HTTP, as a browser would; its password is already its own. */
export function loginAs(
  app: FastifyInstance,
  account: Pick<TestAccount, 'username' | 'password'>,
): Promise<Session> {
  return loginOverHttp(app, account.username, account.password);
}
