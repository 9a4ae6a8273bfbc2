import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordBody,
  LoginBody,
  MeResponse,
  MySessionsResponse,
  SessionResponse,
  SignedOutResponse,
} from '#core/contract/auth.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import { requireActor } from '#server/platform/auth/plugin.ts';
import { SESSION_COOKIE } from '#server/platform/auth/sessions.ts';
import type { AppContext } from '#server/platform/context.ts';
import { forgetDemoCredential } from '#server/platform/demo-credentials-file.ts';
import { presentMe } from './presenter.ts';
import { changePassword, listMySessions, login, logout, signOutElsewhere } from './service.ts';

const tags = ['认证'];

export function authRoutes(app: FastifyInstance, { db, config, clock }: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
  } as const;
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOptions);
  const signedIn = async (actor: Actor) => {
    const session = await db
      .selectFrom('sessions')
      .select('csrfToken')
      .where('id', '=', actor.sessionId)
      .executeTakeFirstOrThrow();
    return { me: await presentMe(db, actor.accountId), csrfToken: session.csrfToken };
  };

  r.post('/api/auth/login', {
    config: {
      access: 'public',
      rateLimit: { max: 60, timeWindow: '1 minute' },
      errors: ['LOGIN_FAILED', 'LOGIN_THROTTLED'],
    },
    schema: { operationId: 'login', tags, summary: '登录', body: LoginBody, response: { 200: MeResponse } },
    handler: async (request, reply) => {
      const session = await login(db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        idleMinutes: config.sessionIdleMinutes,
        now: clock.now(),
      });
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions);
      return { me: await presentMe(db, session.accountId), csrfToken: session.csrfToken };
    },
  });

  r.post('/api/auth/logout', {
    config: { access: 'session' },
    schema: { operationId: 'logout', tags, summary: '退出登录', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await logout(db, requireActor(request));
      clearCookie(reply);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/auth/me', {
    config: { access: 'session' },
    schema: { operationId: 'getMe', tags, summary: '当前登录账号', response: { 200: MeResponse } },
    handler: (request) => signedIn(requireActor(request)),
  });

  r.get('/api/auth/session', {
    config: { access: 'optional' },
    schema: {
      operationId: 'getSession',
      tags,
      summary: '本浏览器当前登录的账号（未登录时为空）',
      response: { 200: SessionResponse },
    },
    // The web app asks this on every first load, the login page included: nobody signed in is a 200, so
    // the browser logs no failed request.
    handler: (request) => (request.actor ? signedIn(request.actor) : { me: null, csrfToken: null }),
  });

  r.get('/api/auth/sessions', {
    config: { access: 'session' },
    schema: {
      operationId: 'listMySessions',
      tags,
      summary: '本账号的登录设备',
      response: { 200: MySessionsResponse },
    },
    handler: async (request) => ({
      sessions: await listMySessions(db, requireActor(request), config.sessionMaxHours, clock.now()),
    }),
  });

  r.post('/api/auth/sessions/sign-out-others', {
    config: { access: 'session' },
    schema: {
      operationId: 'signOutElsewhere',
      tags,
      summary: '退出其他设备的登录',
      response: { 200: SignedOutResponse },
    },
    handler: async (request) => signOutElsewhere(db, requireActor(request)),
  });

  r.post('/api/auth/password', {
    config: { access: 'session', errors: ['WRONG_PASSWORD', 'PASSWORD_TOO_WEAK'] },
    schema: {
      operationId: 'changePassword',
      tags,
      summary: '修改密码',
      body: ChangePasswordBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      await changePassword(db, actor, request.body, clock.now());
      await forgetDemoCredential(config.varDir, actor.username);
      return reply.status(204).send(null);
    },
  });
}
