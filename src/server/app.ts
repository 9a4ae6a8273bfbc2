import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { API_INFO } from './api-info.ts';
import { accountRoutes } from './modules/accounts/routes.ts';
import { activityRoutes } from './modules/activities/routes.ts';
import { announcementRoutes } from './modules/announcements/routes.ts';
import { registerAnnouncementTick } from './modules/announcements/tick-worker.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { registerLoginFailurePruning } from './modules/auth/prune-worker.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { campaignRoutes } from './modules/campaigns/routes.ts';
import { provideCampaignFollowUp } from './modules/campaigns/transition-campaign.ts';
import { registerDocumentWorkers } from './modules/documents/package-worker.ts';
import { documentRoutes } from './modules/documents/routes.ts';
import { forwardingRoutes } from './modules/forwarding/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { previewAndConvertRoutes } from './modules/materials/preview-and-convert-routes.ts';
import { materialRoutes } from './modules/materials/routes.ts';
import { registerMaterialWorkers } from './modules/materials/workers.ts';
import { formalCheckRoutes } from './modules/nominations/formal-check-routes.ts';
import { nominationRoutes } from './modules/nominations/routes.ts';
import { selectShortlist } from './modules/nominations/select-shortlist.ts';
import { registerNominationWorkers } from './modules/nominations/workers.ts';
import { registerNotificationWorkers } from './modules/notifications/mail-worker.ts';
import { notificationRoutes } from './modules/notifications/routes.ts';
import { objectionRoutes } from './modules/objections/routes.ts';
import { organisationRoutes } from './modules/organisations/routes.ts';
import { paperRoutes } from './modules/paper/routes.ts';
import { publicityRoutes } from './modules/publicity/routes.ts';
import { resultsRoutes } from './modules/results/routes.ts';
import { registerRoundClosingWorker } from './modules/review/closing-reminder-worker.ts';
import { reviewRoundRoutes } from './modules/review/rounds-routes.ts';
import { scoringRoutes } from './modules/review/scoring-routes.ts';
import { reviewSetupRoutes } from './modules/review/setup-routes.ts';
import { showcaseRoutes } from './modules/showcase/routes.ts';
import { registerShowcaseWorkers } from './modules/showcase/workers.ts';
import { statisticsRoutes } from './modules/statistics/routes.ts';
import { winnerRoutes } from './modules/winners/routes.ts';
import { worklistRoutes } from './modules/worklist/routes.ts';
import { registerAuth } from './platform/auth/plugin.ts';
import type { AppContext } from './platform/context.ts';
import { describeDocument, describeRoute } from './platform/http/api-description.ts';
import { registerCompression } from './platform/http/compress.ts';
import {
  answerFrameworkError,
  registerErrorHandler,
  registerNotFoundHandler,
} from './platform/http/error-handler.ts';
import { registerNoStore } from './platform/http/no-store.ts';
import { registerStrictJson } from './platform/http/strict-json.ts';
import { isWebAppFile, registerWebApp } from './platform/http/web-app.ts';
import { metricsRoutes } from './platform/metrics/routes.ts';
import { type ProcessRole, servesWeb, worksJobs } from './platform/process-role.ts';
import { publicSiteRoutes } from './public/routes.ts';

// Request-shape messages zod writes itself (a missing field, a wrong type) in Chinese too.
z.config(z.locales.zhCN());

export interface BuildOptions {
  /** pino options, or false for silence in tests. */
  logger?: boolean | object;
  /** `web`: no job workers; `worker`: only health and metrics over HTTP; `all` (default): both. */
  role?: ProcessRole;
}

/** Builds the whole HTTP application from its context; the server, the CLI and the tests all call this. */
export async function buildApp(context: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const { config, db } = context;
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: answerFrameworkError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerNoStore(app);
  registerStrictJson(app);
  registerCompression(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time; scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // One office is often one address (NAT): its page loads must not use up its API allowance, and a
    // signed-in official's requests count against their own account, not the colleagues' shared address.
    // (The count runs after the session check: a request with no live session has no actor here.)
    allowList: isWebAppFile,
    keyGenerator: (request) => (request.actor ? `account:${request.actor.accountId}` : request.ip),
  });
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: API_INFO,
      servers: [{ url: '/', description: '本平台' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tuijie_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: describeRoute,
    transformObject: describeDocument,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());

  registerAuth(
    app,
    db,
    { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours },
    context.clock,
  );
  const role = options.role ?? 'all';
  const webRoutes = [
    authRoutes,
    organisationRoutes,
    accountRoutes,
    auditRoutes,
    campaignRoutes,
    calendarRoutes,
    nominationRoutes,
    formalCheckRoutes,
    forwardingRoutes,
    documentRoutes,
    winnerRoutes,
    materialRoutes,
    previewAndConvertRoutes,
    paperRoutes,
    publicityRoutes,
    reviewSetupRoutes,
    reviewRoundRoutes,
    worklistRoutes,
    scoringRoutes,
    notificationRoutes,
    objectionRoutes,
    publicSiteRoutes,
    resultsRoutes,
    showcaseRoutes,
    announcementRoutes,
    statisticsRoutes,
    activityRoutes,
  ];
  for (const routes of [metricsRoutes, healthRoutes, ...(servesWeb(role) ? webRoutes : [])]) {
    routes(app, context);
  }

  const hasWebApp = servesWeb(role) && existsSync(path.join(config.webDistDir, 'index.html'));
  if (hasWebApp) await registerWebApp(app, config.webDistDir);
  registerNotFoundHandler(app, hasWebApp);
  provideCampaignFollowUp('approved', selectShortlist);
  if (worksJobs(role)) await registerWorkers(context);
  return app;
}

/** Every job worker and scheduled job: in the process that works jobs (`--role worker` or `all`). */
async function registerWorkers(context: AppContext): Promise<void> {
  await registerDocumentWorkers(context);
  await registerMaterialWorkers(context);
  await registerNominationWorkers(context);
  await registerNotificationWorkers(context);
  await registerRoundClosingWorker(context);
  await registerAnnouncementTick(context);
  await registerLoginFailurePruning(context);
  await registerShowcaseWorkers(context);
}
