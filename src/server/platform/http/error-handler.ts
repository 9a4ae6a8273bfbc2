import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { AppError } from '../errors.ts';
import { reportUnlessStopping } from '../stopping.ts';
import { isStorageFull, STORAGE_FULL_MESSAGE } from '../storage/storage-full.ts';
import { pageFileFor } from './web-app.ts';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[] } };
}

function describeValidation(error: FastifyError): { field: string; message: string }[] {
  return ((error.validation ?? []) as ValidationIssue[]).map((issue) => ({
    field:
      (issue.params?.issue?.path ?? []).map(String).join('.') ||
      (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.'),
    message: issue.message ?? '格式不正确',
  }));
}

const CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: '请求内容为空，应为 JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '上传的文件过大' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: '请以表单文件（multipart/form-data）上传',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: '不支持的请求内容类型',
  },
};

/**
 * Addresses the router refuses before any route is found (a malformed percent-escape, a path parameter
 * over the length limit): Fastify would answer them with English text of its own.
 */
export function answerFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.status(414).send({ code: 'URL_TOO_LONG', message: '网址过长，请检查后重试' });
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    reply.status(400).send({ code: 'INVALID_URL', message: '网址格式不正确，请检查后重试' });
    return;
  }
  reply
    .status(500)
    .send({ code: 'INTERNAL', message: '推介平台内部出错，请稍后重试；如仍不行，请联系平台管理员' });
}

/** Every error leaves as `{ code, message, details? }` with a Chinese message and the status of its code. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = describeValidation(error);
      const where = problems.map((p) => (p.field ? `${p.field}：${p.message}` : p.message)).join('；');
      return reply
        .status(400)
        .send({ code: 'VALIDATION_FAILED', message: `请求内容不符合要求：${where}`, details: { problems } });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply
        .status(500)
        .send({ code: 'INTERNAL', message: '推介平台内部出错，请稍后重试；如仍不行，请联系平台管理员' });
    }
    const known = CLIENT_ERRORS[error.code];
    if (known) return reply.status(known.status).send({ code: known.code, message: known.message });
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ err: error }, 'client error');
      return reply
        .status(error.statusCode)
        .send({ code: 'VALIDATION_FAILED', message: '请求无效，请检查后重试' });
    }
    if (isDatabaseUnavailable(error)) {
      // Unreachable, or stopped under the request (the platform stopping or restarting): one line, no stack.
      reportUnlessStopping(error, () => request.log.warn(`database unavailable: ${error.message}`));
      return reply.status(503).send({
        code: 'DB_UNAVAILABLE',
        message: '系统暂时无法读取数据，请稍后再试；如长时间无法使用，请联系平台管理员',
      });
    }
    if (isStorageFull(error)) {
      request.log.error({ err: error }, 'file storage full');
      return reply.status(507).send({ code: 'STORAGE_FULL', message: STORAGE_FULL_MESSAGE });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ code: 'INTERNAL', message: '推介平台内部出错，请稍后重试；如仍不行，请联系平台管理员' });
  });
}

/**
 * Unknown API paths answer JSON. With the browser app present, any other GET gets its index page (the
 * app routes by path itself), or the page of its own that path has (/login).
 */
export function registerNotFoundHandler(app: FastifyInstance, serveIndexPage: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    // A path with a file extension is a missing file (an asset of an older build, say), never a page.
    const path = request.url.split('?')[0] ?? '';
    if (
      serveIndexPage &&
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(path)
    ) {
      return reply.sendFile(pageFileFor(path));
    }
    return reply.status(404).send({ code: 'NOT_FOUND', message: `找不到 ${request.method} ${path}` });
  });
}
