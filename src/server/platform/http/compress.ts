import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { chooseCoding } from './accept-encoding.ts';

/** Below this a compressed body saves less than a packet and costs a little time on both ends. */
export const COMPRESS_MIN_BYTES = 1024;

const TEXTUAL = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript)\b|image\/svg\+xml)/;

const br = promisify(brotliCompress);
const gz = promisify(gzip);

function addVary(reply: FastifyReply): void {
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/accept-encoding|\*/i.test(vary))
    reply.header('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
}

/**
 * Compresses answers made in memory (API JSON, messages) for clients that accept brotli or gzip: a list
 * of nominations is mostly repeated keys and shrinks five- to tenfold, which an office line shared by a
 * whole unit feels. Brotli at a middle setting: near its best size, at gzip's speed. Files are streamed by
 * their routes and left alone (the web app's are compressed at build time); so is an answer that carries
 * its own ETag, whose validator names the bytes as they are (the public pages keep theirs for 304s).
 */
export function registerCompression(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (request.method === 'HEAD' || reply.statusCode < 200 || [204, 304].includes(reply.statusCode))
      return payload;
    if (reply.hasHeader('content-encoding') || reply.hasHeader('etag')) return payload;
    if (!TEXTUAL.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length < COMPRESS_MIN_BYTES) return payload;
    addVary(reply);
    const coding = chooseCoding(request.headers['accept-encoding']);
    if (!coding) return payload;
    const compressed =
      coding === 'br'
        ? await br(body, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 5,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
            },
          })
        : await gz(body, { level: 6 });
    reply.header('content-encoding', coding);
    reply.removeHeader('content-length');
    return compressed;
  });
}
