import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * JSON bodies decoded strictly. Fastify's own parser decodes with replacement, so text typed in a GBK
 * tool and pasted as bytes would be saved as "张�老师" with nobody told; here such a body is refused
 * and nothing is saved. Parsing itself (and its refusal of `__proto__` tricks) stays Fastify's.
 */
export function registerStrictJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(
        new AppError(
          'INVALID_ENCODING',
          '提交的内容含有无法识别的文字（应为 UTF-8 编码），未作任何保存；请重新输入后再提交',
        ),
        undefined,
      );
      return;
    }
    parseJson(request, text, done);
  });
}
