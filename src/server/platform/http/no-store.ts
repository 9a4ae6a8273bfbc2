import type { FastifyInstance } from 'fastify';

/**
 * API answers carry personal data (names, ID numbers, phones) and are read on shared office PCs, often
 * through an office proxy: none may be kept by a browser's or a proxy's cache unless its route says
 * otherwise (a photo preview may be kept privately by the browser that fetched it).
 */
export function registerNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
