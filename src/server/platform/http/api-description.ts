/**
 * The OpenAPI description, completed centrally so that every route (including ones added later) is
 * described the same way without per-route boilerplate: its error answers (all `{ code, message, details? }`,
 * see error-handler.ts), the session cookie and CSRF header it needs (from its `access`, see auth/plugin.ts),
 * the media types of the files it sends (`schema.produces`) and the multipart body of an upload
 * (`schema.consumes`). Only the document changes: routes serialise with their own response schemas as before.
 */
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from '../auth/plugin.ts';
import { type ErrorCode, statusOfCode } from '../errors.ts';
import { ErrorResponse } from './schemas.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Codes this route may answer beyond the common ones every route can (validation, sign-in, rights,
     * not found, rate limit, database unavailable); listed in the API description only.
     */
    errors?: readonly ErrorCode[];
    /**
     * A multipart upload's parts, for the description (the handler reads them itself): its text fields and
     * whether it takes one `file` (the default) or several `attachments`.
     */
    upload?: { fields?: z.ZodObject; files: 'one' | 'many' };
  }
}

/** What the route tells the document, carried from the per-route transform to the whole-document pass. */
interface RouteFacts {
  access: Access | 'api';
  write: boolean;
  errors: readonly ErrorCode[];
  produces?: readonly string[];
  /** The multipart body's schema, when the route takes one. */
  multipart?: Json;
}

const FACTS = 'x-tuijie-route';
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// The shared error schema's component name: ErrorResponse is registered with this id (schemas.ts).
const ERROR_SCHEMA = `#/components/schemas/${String(ErrorResponse.meta()?.id ?? 'Error')}`;

const STATUS_TEXT: Record<number, string> = {
  400: '请求内容不符合要求',
  401: '未登录、登录已失效或登录信息不正确',
  403: '无权进行此操作（权限、账号状态或安全令牌）',
  404: '对象不存在或无权查看',
  409: '对象当前的状态不允许此操作',
  410: '已过期',
  413: '请求内容或上传的文件过大',
  415: '请求内容类型不受支持',
  422: '内容未通过检查',
  423: '正在处理中，请稍后重试',
  429: '请求过于频繁，请稍后再试',
  500: '平台内部出错',
  503: '暂时无法提供服务（数据库或所需工具不可用）',
};

/** Per route: the zod schemas as JSON Schema (the library's transform), plus the facts the document pass needs. */
export const describeRoute: SwaggerTransform = (input) => {
  const result = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const schema = result.schema as Record<string, unknown>;
  if (schema.hide) return result;
  const { route, url } = input;
  const methods = ([] as string[]).concat(route.method);
  // Outside /api and the description itself, the auth hook asks for no session (auth/plugin.ts).
  const open = !url.startsWith('/api/') || url.startsWith('/api/docs');
  const facts: RouteFacts = {
    access: open ? 'public' : (route.config?.access ?? 'api'),
    write: methods.some((m) => WRITES.has(m)),
    errors: route.config?.errors ?? [],
    produces: schema.produces as readonly string[] | undefined,
    multipart: ((schema.consumes as string[] | undefined) ?? []).includes('multipart/form-data')
      ? multipartBody(route.config?.upload)
      : undefined,
  };
  return { ...result, schema: { ...schema, [FACTS]: facts } as FastifySchema };
};

type Json = Record<string, unknown>;

/** The whole document: components from the zod registry, then each operation completed from its facts. */
export const describeDocument: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as Json;
  for (const pathItem of Object.values((document.paths ?? {}) as Record<string, Record<string, Json>>)) {
    for (const operation of Object.values(pathItem)) {
      const facts = operation[FACTS] as RouteFacts | undefined;
      if (!facts) continue;
      delete operation[FACTS];
      completeOperation(operation, facts);
    }
  }
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  giveNullableATypeEverywhere(document, schemas);
  describeNarrowedRecordsByTheirAlternatives(document);
  keepOnlyReferencedSchemas(document, schemas);
  return document;
};

function completeOperation(operation: Json, facts: RouteFacts): void {
  operation.security = securityOf(facts);
  const responses = (operation.responses ?? {}) as Record<string, Json>;
  const sendsNoSchema = Object.keys(responses).length === 1 && responses['200'] && !responses['200'].content;
  if (sendsNoSchema && (facts.produces || !facts.write)) {
    // A file: what the route declares it sends, else bytes of some kind.
    const binary = { schema: { type: 'string', format: 'binary' } };
    const types = facts.produces ?? ['application/octet-stream'];
    responses['200'] = {
      description: '文件',
      content: Object.fromEntries(types.map((type) => [type, binary])),
    };
  } else if (sendsNoSchema) {
    delete responses['200'];
    responses['204'] = { description: '已完成，无返回内容' };
  }
  if (facts.multipart && !operation.requestBody) {
    operation.requestBody = {
      required: true,
      content: { 'multipart/form-data': { schema: facts.multipart } },
    };
  }
  const parameters = (operation.parameters ?? []) as { in?: string }[];
  const input = {
    any: parameters.length > 0 || Boolean(operation.requestBody),
    path: parameters.some((p) => p.in === 'path'),
  };
  const byStatus = errorCodesOf(facts, input);
  // A write to a record can meet a state that refuses it; which codes, only a route that declares them says.
  if (facts.write && input.path && !byStatus.has(409)) byStatus.set(409, []);
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] ??= errorResponse(status, codes);
  }
  for (const response of Object.values(responses)) {
    if (response.description === 'Default Response') response.description = '成功';
  }
  operation.responses = responses;
}

function multipartBody(upload: { fields?: z.ZodObject; files: 'one' | 'many' } = { files: 'one' }): Json {
  const binary = { type: 'string', format: 'binary' };
  const fields = upload.fields
    ? (z.toJSONSchema(upload.fields, { io: 'input', target: 'openapi-3.0' }) as Json)
    : { properties: {}, required: [] };
  const files =
    upload.files === 'one'
      ? { file: { ...binary, description: '上传的文件' } }
      : { attachments: { type: 'array', items: binary, description: '附件，可多个（同名字段重复）' } };
  return {
    type: 'object',
    properties: { ...(fields.properties as Json), ...files },
    required: [...((fields.required as string[]) ?? []), ...(upload.files === 'one' ? ['file'] : [])],
  };
}

function securityOf(facts: RouteFacts): Json[] {
  if (facts.access === 'public') return [];
  const signedIn = facts.write ? { session: [], csrf: [] } : { session: [] };
  // `{}` first: the operation also answers without a session.
  return facts.access === 'optional' ? [{}, signedIn] : [signedIn];
}

/** The codes by status: those every route of its kind can answer, then what the route declares. */
function errorCodesOf(facts: RouteFacts, input: { any: boolean; path: boolean }): Map<number, ErrorCode[]> {
  const codes: ErrorCode[] = [];
  if (input.any) codes.push('VALIDATION_FAILED');
  if (facts.write && input.any && !facts.multipart) codes.push('INVALID_JSON');
  if (facts.access !== 'public' && facts.access !== 'optional') codes.push('UNAUTHENTICATED');
  if (facts.access !== 'public') {
    codes.push('ACCOUNT_DISABLED');
    if (facts.write) codes.push('CSRF_FAILED');
    if (facts.access === 'api') codes.push('PASSWORD_CHANGE_REQUIRED', 'FORBIDDEN');
  }
  if (input.path) codes.push('NOT_FOUND');
  if (facts.multipart) codes.push('PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
  codes.push('RATE_LIMITED', 'INTERNAL', 'DB_UNAVAILABLE', ...facts.errors);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = statusOfCode(code);
    const list = byStatus.get(status) ?? [];
    if (!list.includes(code)) list.push(code);
    byStatus.set(status, list);
  }
  return byStatus;
}

function errorResponse(status: number, codes: readonly ErrorCode[]): Json {
  const text = STATUS_TEXT[status] ?? '请求未能完成';
  if (codes.length === 0) {
    return {
      description: `${text}（错误码见应答的 code）`,
      content: { 'application/json': { schema: { $ref: ERROR_SCHEMA } } },
    };
  }
  return {
    description: `${text}（错误码：${codes.join('、')}）`,
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: ERROR_SCHEMA },
            { type: 'object', properties: { code: { type: 'string', enum: [...codes] } } },
          ],
        },
      },
    },
  };
}

/**
 * OpenAPI 3.0 applies `nullable` only beside a `type`; the zod conversion writes a nullable reference as
 * `{ nullable, allOf: [$ref] }` (the type is the referenced schema's) and a nullable union as
 * `{ nullable, anyOf: [...] }` (null is then allowed by making one member nullable).
 */
function giveNullableATypeEverywhere(node: unknown, schemas: Record<string, Json>): void {
  if (Array.isArray(node)) {
    for (const item of node) giveNullableATypeEverywhere(item, schemas);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  if (schema.nullable === true && schema.type === undefined) {
    const allOf = Array.isArray(schema.allOf) ? (schema.allOf as Json[]) : [];
    const members = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
    const ref = allOf.length === 1 ? allOf[0]?.$ref : undefined;
    const typed = members?.find((m) => typeof m.type === 'string');
    if (typeof ref === 'string') {
      const target = schemas[ref.replace('#/components/schemas/', '')];
      if (target?.type) schema.type = target.type;
    } else if (typed) {
      typed.nullable = true;
      delete schema.nullable;
    }
  }
  for (const value of Object.values(schema)) giveNullableATypeEverywhere(value, schemas);
}

/**
 * A request field the route takes as any object but a use case checks against one of several shapes (the
 * 推介表 by category, see contract/nominations.ts) is written `{ type: object, additionalProperties: {},
 * anyOf: [...] }`; clients read that as "any object", so the description keeps only the alternatives.
 */
function describeNarrowedRecordsByTheirAlternatives(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) describeNarrowedRecordsByTheirAlternatives(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Json;
  const free = schema.additionalProperties;
  const anyObject = free !== null && typeof free === 'object' && Object.keys(free).length === 0;
  if (schema.type === 'object' && anyObject && !schema.properties && Array.isArray(schema.anyOf)) {
    delete schema.type;
    delete schema.additionalProperties;
  }
  for (const value of Object.values(schema)) describeNarrowedRecordsByTheirAlternatives(value);
}

/**
 * The zod registry holds every schema with an id, in an input and an output version; the description keeps
 * those its operations reach, directly or through other schemas.
 */
function keepOnlyReferencedSchemas(document: Json, schemas: Record<string, Json>): void {
  const prefix = '#/components/schemas/';
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const ref = (node as Json).$ref;
    if (typeof ref === 'string' && ref.startsWith(prefix)) {
      const name = ref.slice(prefix.length);
      if (!reached.has(name)) {
        reached.add(name);
        visit(schemas[name]);
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(document.paths);
  for (const name of Object.keys(schemas)) if (!reached.has(name)) delete schemas[name];
}
