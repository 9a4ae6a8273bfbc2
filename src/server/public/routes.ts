/**
 * The public site without login: `/gs/` (公示), `/results/` (结果公布), `/feed.xml`. Server-rendered HTML,
 * readable without script. Public pages are rendered once and kept (page-cache.ts), and published as files
 * for the front web server (site-publisher.ts); forms, receipts and status answers are personal and never
 * kept.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listPublicAnnouncements } from '#server/modules/announcements/public-view.ts';
import { listPublishedResults } from '#server/modules/results/public-view.ts';
import type { AppContext } from '#server/platform/context.ts';
import { atomFeed } from './feed.ts';
import { registerObjectionPages } from './objection-routes.ts';
import { createPageCache } from './page-cache.ts';
import { notFoundPage, PUBLIC_ROUTE } from './public-route-kit.ts';
import { HTML, sendKept } from './respond.ts';
import { registerResultDownloads } from './result-downloads.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { registerShowcaseRoutes } from './showcase-routes.ts';
import { publicSiteDir, SHOWCASE_PAGE } from './site-files.ts';
import { framedSitePage, renderSitePage } from './site-pages.ts';
import { createSitePublisher } from './site-publisher.ts';
import {
  CONTRAST_COOKIE,
  PREFERENCE_MAX_AGE,
  readPreferences,
  safeBackPath,
  TEXT_COOKIE,
  variantOf,
} from './view-preferences.ts';

export function publicSiteRoutes(app: FastifyInstance, context: AppContext) {
  const { db, clock } = context;
  const cache = createPageCache(context.publicPages, clock);
  const publisher = createSitePublisher(context, publicSiteDir(context.config), app.log);
  // At start-up everything is published again: a stop between a commit and its publication heals here.
  app.addHook('onReady', async () => {
    void publisher.publish();
  });
  app.addHook('onClose', async () => {
    cache.stop();
    await publisher.stop();
  });

  /** Serves the kept page for this path and reading switches, rendering it first if needed. */
  async function kept(request: FastifyRequest, reply: FastifyReply, path: string, what: string) {
    const view = readPreferences(request.cookies);
    const rendered = await cache.get(`${variantOf(view)} ${path}`, HTML, async () => {
      const content = await renderSitePage(db, clock.now(), path, context.config.publicUrl);
      return content && framedSitePage(content, path, view);
    });
    if (!rendered) return notFoundPage(reply, path, view, what);
    return sendKept(request, reply, rendered);
  }

  app.get('/gs', PUBLIC_ROUTE, (_request, reply) => reply.headers(SECURITY_HEADERS).redirect('/gs/', 301));
  app.get('/results', PUBLIC_ROUTE, (_request, reply) =>
    reply.headers(SECURITY_HEADERS).redirect('/results/', 301),
  );

  app.get('/gs/', PUBLIC_ROUTE, (request, reply) => kept(request, reply, '/gs/', '页面'));
  app.get<{ Params: { id: string } }>('/gs/:id', PUBLIC_ROUTE, (request, reply) =>
    kept(request, reply, `/gs/${request.params.id}`, '公示'),
  );
  app.get('/results/', PUBLIC_ROUTE, (request, reply) => kept(request, reply, '/results/', '页面'));
  app.get<{ Params: { id: string } }>('/results/:id', PUBLIC_ROUTE, (request, reply) =>
    kept(request, reply, `/results/${request.params.id}`, '结果公布'),
  );

  app.get('/feed.xml', PUBLIC_ROUTE, async (request, reply) => {
    const origin = `${request.protocol}://${request.host}`;
    const rendered = await cache.get(`feed ${origin}`, 'application/atom+xml; charset=utf-8', async () => {
      const [announcements, results] = await Promise.all([
        listPublicAnnouncements(db),
        listPublishedResults(db),
      ]);
      return atomFeed(origin, announcements, results);
    });
    return sendKept(request, reply, rendered!);
  });

  // 适老化 switches: a plain link sets the choice and comes back to the page it was followed from.
  app.get<{ Querystring: { text?: string; contrast?: string; back?: string } }>(
    '/gs/view',
    PUBLIC_ROUTE,
    (request, reply) => {
      const options = { path: '/', maxAge: PREFERENCE_MAX_AGE, sameSite: 'lax' as const, httpOnly: true };
      const { text, contrast, back } = request.query;
      if (text === 'large' || text === 'normal') reply.setCookie(TEXT_COOKIE, text, options);
      if (contrast === 'high' || contrast === 'normal') reply.setCookie(CONTRAST_COOKIE, contrast, options);
      return reply
        .headers(SECURITY_HEADERS)
        .header('cache-control', 'no-store')
        .redirect(safeBackPath(back), 303);
    },
  );

  registerObjectionPages(app, context);
  registerResultDownloads(app, context);

  // 优秀事迹展示: its pages are kept and published like the others; search and media answer apart.
  app.get('/showcase', PUBLIC_ROUTE, (_request, reply) =>
    reply.headers(SECURITY_HEADERS).redirect('/showcase/', 301),
  );
  app.get('/showcase/*', PUBLIC_ROUTE, (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (!SHOWCASE_PAGE.test(path)) return notFoundPage(reply, '/showcase/', readPreferences(request.cookies));
    return kept(request, reply, path, path.startsWith('/showcase/winner/') ? '入选者' : '页面');
  });
  registerShowcaseRoutes(app, context);

  // Anything else under the site's paths is a Chinese 404 page, never the signed-in app.
  for (const prefix of ['/gs/*', '/results/*']) {
    app.get(prefix, PUBLIC_ROUTE, (request, reply) =>
      notFoundPage(reply, '/gs/', readPreferences(request.cookies)),
    );
  }
}
