/**
 * The showcase's own answers beside its published pages: the search (a page per query, never kept) and
 * the media route, which sends only the web copies of published winners' photos and videos (never an
 * original), by byte ranges for the video player, kept by any cache for a year (a material's bytes never
 * change, and its copies are made from them once).
 */
import type { FastifyInstance } from 'fastify';
import { contentTypeOf } from '#server/modules/showcase/derivative-files.ts';
import { listShowcaseWinners, publicDerivative } from '#server/modules/showcase/public-view.ts';
import type { AppContext } from '#server/platform/context.ts';
import { parseRange } from '#server/platform/http/byte-range.ts';
import { page } from './html.ts';
import { showcaseSearchBody } from './pages/showcase-index-pages.ts';
import { notFoundPage, PUBLIC_ROUTE } from './public-route-kit.ts';
import { sendPersonal } from './respond.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { readPreferences } from './view-preferences.ts';

const MEDIA_CACHE = 'public, max-age=31536000, immutable';

/** A winner matches when every word of the query is in their name, place, unit or approved story. */
export function matchesQuery(
  w: { name: string; province: string; unit: string; entity: string; story: string | null },
  q: string,
): boolean {
  const haystack = [w.name, w.province, w.unit, w.entity, w.story ?? ''].join('\n').toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export function registerShowcaseRoutes(app: FastifyInstance, context: AppContext) {
  const { db, storage } = context;

  app.get<{ Querystring: { q?: string } }>('/showcase/search', PUBLIC_ROUTE, async (request, reply) => {
    const view = readPreferences(request.cookies);
    const q = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 50) : '';
    const found = q ? (await listShowcaseWinners(db)).filter((w) => matchesQuery(w, q)) : [];
    const html = page({
      title: q ? `搜索“${q}” - 优秀事迹展示` : '搜索 - 优秀事迹展示',
      path: '/showcase/',
      view,
      body: showcaseSearchBody(q, found),
    });
    return sendPersonal(reply, 200, html);
  });

  app.get<{ Params: { id: string; name: string } }>(
    '/showcase/media/:id/:name',
    PUBLIC_ROUTE,
    async (request, reply) => {
      const file = await publicDerivative(db, request.params.id, request.params.name);
      if (!file) return notFoundPage(reply, '/showcase/', readPreferences(request.cookies), '图片或视频');
      const etag = `"${file.sha256}"`;
      reply.headers(SECURITY_HEADERS).headers({
        'accept-ranges': 'bytes',
        'cache-control': MEDIA_CACHE,
        etag,
        'content-type': contentTypeOf(request.params.name),
      });
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      const ifRange = request.headers['if-range'];
      const answer = parseRange(request.headers.range, file.bytes, {
        ifRange: typeof ifRange === 'string' ? ifRange : undefined,
        etag,
      });
      if (answer.kind === 'unsatisfiable')
        return reply.status(416).header('content-range', `bytes */${file.bytes}`).send();
      if (answer.kind === 'partial') {
        const { start, end } = answer.range;
        return reply
          .status(206)
          .header('content-range', `bytes ${start}-${end}/${file.bytes}`)
          .header('content-length', String(end - start + 1))
          .send(await storage.read(file.key, answer.range));
      }
      return reply.header('content-length', String(file.bytes)).send(await storage.read(file.key));
    },
  );
}
