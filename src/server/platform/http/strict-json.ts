import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { findUnstorableText, type UnstorableText } from './unstorable-text.ts';

const NOT_UTF8 = '提交的内容含有无法识别的文字（应为 UTF-8 编码），未作任何保存；请重新输入后再提交';

/** Text that would not be stored as sent: refused before any route sees it, so nothing is half-saved. */
function unstorableRefusal(found: UnstorableText): AppError {
  return found === 'nul'
    ? new AppError(
        'INVALID_CHARACTERS',
        '提交的内容含有无法保存的不可见字符，未作任何保存；请删除后重新输入再提交',
      )
    : new AppError('INVALID_ENCODING', NOT_UTF8);
}

/**
 * JSON bodies decoded strictly. Fastify's own parser decodes with replacement, so text typed in a GBK
 * tool and pasted as bytes would be saved as "张�老师" with nobody told; here such a body is refused
 * and nothing is saved; so is JSON whose escapes spell text PostgreSQL cannot store (a NUL, a lone
 * surrogate). Parsing itself (and its refusal of `__proto__` tricks) stays Fastify's.
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
      done(new AppError('INVALID_ENCODING', NOT_UTF8), undefined);
      return;
    }
    parseJson(request, text, (error: Error | null, body?: unknown) => {
      if (error) return done(error, undefined);
      const unstorable = findUnstorableText(body);
      if (unstorable) return done(unstorableRefusal(unstorable), undefined);
      done(null, body);
    });
  });
}
