/** How the public site answers: kept pages with ETag (304 when unchanged), personal pages never kept. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RenderedPage } from './page-cache.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export const HTML = 'text/html; charset=utf-8';

/**
 * A public page: any cache may keep it but must ask again each time (`no-cache`), so a correction shows at
 * once; the ETag makes asking cheap. It differs by the reading-switch cookies only.
 */
export function sendKept(request: FastifyRequest, reply: FastifyReply, page: RenderedPage) {
  reply.headers(page.headers);
  if (request.headers['if-none-match'] === page.etag) return reply.status(304).send();
  return reply.header('content-type', page.contentType).send(page.body);
}

/** A page for one reader (a form with their values, a receipt, a status): never stored anywhere. */
export function sendPersonal(reply: FastifyReply, status: number, html: string) {
  return reply
    .headers(SECURITY_HEADERS)
    .status(status)
    .header('cache-control', 'no-store')
    .header('content-type', HTML)
    .send(html);
}
