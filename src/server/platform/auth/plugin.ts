import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';
import { findSession, SESSION_COOKIE, type SessionLifetime } from './sessions.ts';

/**
 * Route access, set per route as `config: { access }`:
 * - `public`: no session needed (login, health);
 * - `session`: any live session, even one that must still change its password (me, logout, password);
 * - `optional`: as `session` when there is one, else no actor and no error (who is signed in, if anyone);
 * - unset: a live session whose password has been changed; the default for every other route.
 */
export type Access = 'public' | 'session' | 'optional';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.actor;
}

export function registerAuth(app: FastifyInstance, db: Db, lifetime: SessionLifetime, clock: Clock): void {
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    const url = request.routeOptions.url ?? '';
    // The API documentation is public: it describes routes, it opens none of them.
    if (!url.startsWith('/api/') || url.startsWith('/api/docs') || access === 'public') return;

    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSession(db, token, lifetime, clock.now()) : undefined;
    if (!session) {
      if (access === 'optional') return;
      throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录');
    }
    if (session.disabled || session.organisationDisabled) {
      throw new AppError('ACCOUNT_DISABLED', '账号或所属单位已停用，请联系管理员');
    }
    // A cross-site page can make the browser send the cookie, but cannot read the token to echo it.
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('CSRF_FAILED', '请求缺少有效的安全令牌，请刷新页面后重试');
    }
    if (session.mustChangePassword && access !== 'session' && access !== 'optional') {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录请先修改密码');
    }
    request.actor = {
      accountId: session.accountId,
      username: session.username,
      displayName: session.displayName,
      organisationId: session.organisationId,
      organisationPath: session.organisationPath,
      roles: session.roles,
      sessionId: session.sessionId,
      mustChangePassword: session.mustChangePassword,
      ip: request.ip,
    };
  });
}
