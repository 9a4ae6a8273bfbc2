/**
 * Resumable uploads (tus 1.0, @tus/server v2) at `/api/uploads`, inside Fastify but outside its body
 * handling: the request stream goes straight to the tus data store (disk or S3), never buffered, never
 * under the JSON body limit or the per-minute request limit (a 500 MB film is hundreds of PATCH chunks).
 * Fastify's auth hook has already checked the session cookie and, on writes, the `x-csrf-token` header;
 * the tus hooks below decide what this caller may do with which upload.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { MemoryLocker, Server, type Upload } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MEBIBYTE } from '#core/materials/spec.ts';
import type { Actor } from '#server/platform/auth/actor.ts';
import type { AppContext } from '#server/platform/context.ts';
import { activeUploads, countingTusStore } from '#server/platform/metrics/instruments.ts';
import { isStorageFull, UPLOAD_STORAGE_FULL_MESSAGE } from '#server/platform/storage/storage-full.ts';
import { hashingTusStore } from './hashing-tus-store.ts';
import { admitUpload, checkUploadOwner, finishUpload, isRefusal, refusal } from './upload-material.ts';

export const UPLOADS_PATH = '/api/uploads';

/**
 * The absolute cap on any upload, whatever a campaign says: a slot's own cap (500 MiB for video in the
 * templates) is checked at creation; this one also bounds every PATCH at the tus level.
 */
export const UPLOAD_MAX_BYTES = 2048 * MEBIBYTE;

const UPLOAD_ID = /^[0-9a-f]{32}$/;

/** tus's own refusals, in Chinese; ours already carry a JSON body. */
const TUS_MESSAGES: Record<number, [string, string]> = {
  400: ['VALIDATION_FAILED', '上传请求不符合协议，请刷新页面后重新上传。'],
  403: ['FORBIDDEN', '不能继续这个上传，请重新上传。'],
  404: ['NOT_FOUND', '找不到这个上传（可能已完成、已删除或已过期），请重新选择文件上传。'],
  409: ['UPLOAD_OFFSET_MISMATCH', '上传进度与平台记录不一致，请重试：将从已保存的位置继续。'],
  410: ['NOT_FOUND', '这个上传已过期，请重新选择文件上传。'],
  412: ['VALIDATION_FAILED', '上传客户端版本不受支持，请刷新页面后重试。'],
  413: [
    'PAYLOAD_TOO_LARGE',
    `文件超过平台允许的最大大小（${UPLOAD_MAX_BYTES / MEBIBYTE} MB），请压缩或按要求重新导出后再上传。`,
  ],
  415: ['UNSUPPORTED_MEDIA_TYPE', '上传内容类型不正确，请使用平台的上传按钮。'],
  460: ['VALIDATION_FAILED', '上传数据校验失败，请重试。'],
};

/**
 * Refusals that share a status with another but mean something else, told apart by tus's own text; the
 * status may change to one a client reads right (an unsupported extension is the client's to drop: 400).
 */
const TUS_REASONS: { text: RegExp; status: number; code: string; message: string }[] = [
  {
    text: /^upload's size exceeded/,
    status: 413,
    code: 'UPLOAD_LENGTH_EXCEEDED',
    message: '发送的数据超过了开始上传时申报的文件大小，请重新选择文件上传。',
  },
  {
    text: /^Concatenation extension/,
    status: 400,
    code: 'UPLOAD_CONCAT_UNSUPPORTED',
    message: '平台不支持分段并行上传，请使用平台页面上的上传按钮上传。',
  },
  {
    text: /^creation-defer-length extension/,
    status: 400,
    code: 'VALIDATION_FAILED',
    message: '上传时须申报文件大小，请使用平台页面上的上传按钮上传。',
  },
  {
    text: /^Tus-Resumable Required/,
    status: 412,
    code: 'UPLOAD_PROTOCOL_UNSUPPORTED',
    message: '上传请求缺少协议版本，请刷新页面后重新上传；如仍不行，请使用平台页面上的上传按钮。',
  },
  {
    text: /^Invalid .*upload-length/i,
    status: 400,
    code: 'VALIDATION_FAILED',
    message: '上传请求中的文件大小不正确，请刷新页面后重新上传。',
  },
  {
    text: /^Invalid .*upload-offset/i,
    status: 400,
    code: 'VALIDATION_FAILED',
    message: '上传请求中的续传位置不正确，请刷新页面后重新上传：将从已保存的位置继续。',
  },
  {
    // The upload lock's wait ran out (upload-locker.ts): another request, perhaps on another instance,
    // holds the upload and did not let go. 423 is what tus clients wait on and retry.
    text: /^failed to acquire lock/,
    status: 423,
    code: 'UPLOAD_IN_PROGRESS',
    message: '这个文件正在另一处上传（可能是另一个窗口或刚断开的连接），请稍后重试：将从已保存的位置继续。',
  },
  {
    text: /^Invalid .*upload-metadata/i,
    status: 400,
    code: 'VALIDATION_FAILED',
    message: '上传请求中的文件信息不正确，请刷新页面后重新上传。',
  },
];

function translate(error: Error | { status_code: number; body: string }) {
  if (isRefusal(error) && error.body.startsWith('{')) return error;
  if (isStorageFull(error)) return refusal(507, 'STORAGE_FULL', UPLOAD_STORAGE_FULL_MESSAGE);
  const status = isRefusal(error) ? error.status_code : 500;
  const reason = isRefusal(error) ? TUS_REASONS.find((r) => r.text.test(error.body)) : undefined;
  if (reason) return refusal(reason.status, reason.code, reason.message);
  const [code, message] = TUS_MESSAGES[status] ?? [
    'INTERNAL',
    '上传时平台出错，请稍后重试；已上传的部分会保留。',
  ];
  return refusal(status, code, message);
}

/**
 * tus writes some refusals itself, past `onResponseError` (a missing Tus-Resumable, a malformed header):
 * every error answer goes through here, so each leaves as `{ code, message }` JSON in Chinese.
 */
function answerErrorsInJson(tus: Server) {
  const write = tus.write.bind(tus);
  tus.write = (context, headers, status, body = '') => {
    if (status < 400) return write(context, headers, status, body);
    const answer = translate({ status_code: status, body });
    headers.set('Content-Type', 'application/json; charset=utf-8');
    // The protocol asks a 412 to say which versions the server speaks.
    if (answer.status_code === 412) headers.set('Tus-Version', '1.0.0');
    return write(context, headers, answer.status_code, answer.body);
  };
}

/** The node request behind srvx's web Request, which the tus hooks receive. */
function nodeRequest(req: unknown): IncomingMessage | undefined {
  const r = req as { runtime?: { node?: { req?: IncomingMessage } } };
  return r.runtime?.node?.req;
}

export function mountUploads(app: FastifyInstance, context: AppContext) {
  const actors = new WeakMap<IncomingMessage, Actor>();
  const actorOf = (req: unknown): Actor => {
    const raw = nodeRequest(req);
    const actor = raw && actors.get(raw);
    if (!actor) throw refusal(401, 'UNAUTHENTICATED', '登录已失效，请重新登录后继续上传。');
    return actor;
  };

  const hashing = hashingTusStore(countingTusStore(context.storage.tusStore()));
  const newUploadLocker = new MemoryLocker();
  const tus = new Server({
    path: UPLOADS_PATH,
    datastore: hashing.store,
    // A POST locks the id it has just made up, which no other request can know before it answers:
    // the process's own lock does (one round trip to PostgreSQL less on every upload's start).
    locker: (req) => (req.method === 'POST' ? newUploadLocker : context.uploadLocker),
    relativeLocation: true,
    maxSize: UPLOAD_MAX_BYTES,
    disableTerminationForFinishedUploads: true,
    exposedHeaders: ['Material-Id'],
    // Ids are the server's: a client can neither choose one nor smuggle a path into it.
    namingFunction: () => randomUUID().replaceAll('-', ''),
    getFileIdFromRequest: (_req, lastPath) => (lastPath && UPLOAD_ID.test(lastPath) ? lastPath : undefined),
    async onIncomingRequest(req, uploadId) {
      if (req.method === 'POST' || req.method === 'OPTIONS') return;
      const actor = actorOf(req);
      let upload: Upload;
      try {
        upload = await context.storage.tusStore().getUpload(uploadId);
      } catch {
        return; // tus answers 404 itself
      }
      await checkUploadOwner(context, actor, upload, req.method);
      // A finished upload whose row is missing (the server stopped between the last byte and the row): finish now.
      if (req.method === 'HEAD' && upload.size !== undefined && upload.offset === upload.size) {
        await finishUpload(context, actor, upload);
      }
    },
    async onUploadCreate(req, upload) {
      return admitUpload(context, actorOf(req), upload);
    },
    async onUploadFinish(req, upload) {
      const streamed = upload.size === undefined ? null : hashing.takeDigest(upload.id, upload.size);
      const materialId = await finishUpload(context, actorOf(req), upload, streamed);
      return { headers: { 'Material-Id': materialId } };
    },
    onResponseError: (_req, error) => translate(error),
  });
  answerErrorsInJson(tus);

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.actor) actors.set(request.raw, request.actor);
    reply.hijack();
    const transfer = request.method === 'PATCH';
    if (transfer) activeUploads.inc();
    try {
      await tus.handle(request.raw, reply.raw);
    } catch (e) {
      request.log.error({ err: e }, 'tus upload failed');
      if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json' });
      reply.raw.end();
    } finally {
      if (transfer) activeUploads.dec();
    }
  };

  app.register(async (scope) => {
    // The body is the file: leave the stream to tus, unread and unlimited by bodyLimit.
    scope.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
    const config = { rateLimit: false } as const;
    const schema = { hide: true };
    scope.route({
      method: 'OPTIONS',
      url: UPLOADS_PATH,
      config: { ...config, access: 'public' },
      schema,
      handler: handle,
    });
    scope.route({
      method: 'OPTIONS',
      url: `${UPLOADS_PATH}/:id`,
      config: { ...config, access: 'public' },
      schema,
      handler: handle,
    });
    scope.route({ method: 'POST', url: UPLOADS_PATH, config, schema, handler: handle });
    scope.route({
      method: ['HEAD', 'PATCH', 'DELETE'],
      url: `${UPLOADS_PATH}/:id`,
      config,
      schema,
      handler: handle,
    });
  });
}
