/**
 * Every write operation (POST, PUT, PATCH, DELETE) of the app, read from what the app registered: the
 * OpenAPI document for the described ones (with their request schemas) and Fastify's route table for the
 * hidden ones, so a new write route is fuzzed without anyone listing it.
 */
import type { FastifyInstance } from 'fastify';
import type { JsonSchema } from './json-schema-arbitrary.ts';

export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type WriteMethod = (typeof WRITE_METHODS)[number];

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface WriteRoute {
  method: WriteMethod;
  /** OpenAPI form: `/api/campaigns/{id}/rules`. */
  path: string;
  operationId: string;
  parameters: ParameterSpec[];
  /** The JSON body's schema, or null when the route takes none (or only a multipart file). */
  body: JsonSchema | null;
}

interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** The described write operations, with their parameters and JSON body schema. */
export function describedWriteRoutes(doc: OpenApiDocument): WriteRoute[] {
  const routes: WriteRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [verb, operation] of Object.entries(operations)) {
      const method = verb.toUpperCase() as WriteMethod;
      if (!WRITE_METHODS.includes(method)) continue;
      routes.push({
        method,
        path,
        operationId: operation.operationId ?? `${method} ${path}`,
        parameters: (operation.parameters ?? [])
          .filter((p) => p.in === 'path' || p.in === 'query')
          .map((p) => ({
            name: p.name,
            in: p.in as 'path' | 'query',
            required: p.required ?? false,
            schema: p.schema ?? {},
          })),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return routes;
}

/** A route's shape with its parameter names left out: `/api/campaigns/{}/rules`. */
export function routeShape(method: string, path: string): string {
  return `${method} ${path.replace(/\{[^}]*\}/g, '{}').replace(/:[A-Za-z|:]+/g, '{}')}`;
}

/**
 * Every registered write route, hidden ones included, from Fastify's printed route tree (find-my-way
 * prints one segment per line, indented four columns per level, methods in brackets).
 */
export function registeredWriteRoutes(app: FastifyInstance): string[] {
  const found: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const at = line.search(/[├└]── /);
    if (at < 0) continue;
    const match = /[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = at / 4;
    stack.length = depth;
    stack[depth] = match[1] ?? '';
    for (const method of (match[2] ?? '').split(', ')) {
      if ((WRITE_METHODS as readonly string[]).includes(method))
        found.push(routeShape(method, stack.join('')));
    }
  }
  return found.sort();
}

/**
 * Write routes that are not fuzzed with JSON, each with its reason. The test fails when an entry no longer
 * names a registered route, so the list cannot outlive what it excuses.
 */
export const NOT_FUZZED: Record<string, string> = {
  'POST /api/uploads':
    'tus 上传协议：请求体是文件字节流，由 tus 头部驱动；协议错误的回答由 tus-protocol-errors.test.ts 覆盖',
  'PATCH /api/uploads/{}': 'tus 上传协议（续传字节流），同上',
  'DELETE /api/uploads/{}': 'tus 上传协议（终止上传），同上',
  'POST /gs/status': '公众网站的 HTML 表单：以页面指出填写问题，不是 JSON 接口；由 test/server/public 覆盖',
  'POST /gs/{}/objection': '公众网站的异议 HTML 表单（含验证码与附件），同上',
};

/**
 * Write routes whose body is a multipart file (imports, scans, attachments): their path and query are
 * fuzzed, and any JSON body must be refused as the wrong content type; the file itself is not generated
 * here (the spreadsheet bombs and upload refusal tests cover it).
 */
export const MULTIPART: Record<string, string> = {
  'POST /api/imports/accounts': '账号导入（.xlsx）',
  'POST /api/previous-winners/import': '往届名单导入（.xlsx / .csv）',
  'POST /api/campaigns/{}/review/experts/import': '专家导入（.xlsx）',
  'POST /api/campaigns/{}/paper/{}/scan': '纸质材料扫描件',
  'PUT /api/unit-publicities/{}/file': '本单位公示截图或 PDF',
  'POST /api/announcements/{}/objections': '异议（表单与附件）',
  'POST /api/objections/{}/files': '异议办理附件',
  'POST /api/objections/{}/explanation': '被异议单位的说明（含附件）',
};
