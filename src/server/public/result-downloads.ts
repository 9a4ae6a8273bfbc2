/** `/results/<id>/notice.docx|.pdf|.xlsx`: the published documents as stored; a Chinese 404 page when absent. */
import type { FastifyInstance } from 'fastify';
import { type ResultDocumentKind, resultDocumentKey } from '#server/modules/results/public-view.ts';
import type { AppContext } from '#server/platform/context.ts';
import { notFoundPage, PUBLIC_ROUTE } from './public-route-kit.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { readPreferences } from './view-preferences.ts';

const CONTENT_TYPES: Record<ResultDocumentKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function registerResultDownloads(app: FastifyInstance, { db, storage }: AppContext) {
  for (const kind of ['docx', 'pdf', 'xlsx'] as const) {
    app.get<{ Params: { id: string } }>(
      `/results/:id/notice.${kind}`,
      PUBLIC_ROUTE,
      async (request, reply) => {
        const view = readPreferences(request.cookies);
        const found = await resultDocumentKey(db, request.params.id, kind);
        const size = found ? await storage.size(found.key) : null;
        if (!found || size === null)
          return notFoundPage(reply, `/results/${request.params.id}`, view, '文件');
        const name = `${found.title}.${kind}`;
        return reply
          .headers(SECURITY_HEADERS)
          .header('content-type', CONTENT_TYPES[kind])
          .header('content-length', size)
          .header('cache-control', 'public, no-cache')
          .header(
            'content-disposition',
            `attachment; filename="notice.${kind}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(await storage.read(found.key));
      },
    );
  }
}
