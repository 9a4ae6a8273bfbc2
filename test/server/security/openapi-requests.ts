/**
 * Requests built from the app's own OpenAPI document: the operations it lists, and for each a path with
 * its parameters filled in, the query it requires and a body of the documented shape, so a caller whom
 * the permission gate must stop reaches that gate instead of stopping at the request's form.
 */
import { randomUUID } from 'node:crypto';

export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every operation of the document, keyed by operationId. */
export function operationsOf(document: unknown): Map<string, Operation> {
  const doc = document as OpenApiDocument;
  const operations = new Map<string, Operation>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const operationId = op.operationId ?? `${method.toUpperCase()} ${path}`;
      operations.set(operationId, {
        ...op,
        operationId,
        method: method.toUpperCase() as Operation['method'],
        path,
        parameters: op.parameters ?? [],
      });
    }
  }
  return operations;
}

/** Values for properties by name (e.g. `campaignId`), where a made-up one would name nothing. */
export type Named = (property: string) => unknown;

/**
 * A value of the schema's shape: required properties only, the smallest that passes its bounds; a
 * property `named` knows (an id of a real subject) takes that value, in an array as its one item.
 */
export function sampleOf(
  schema: JsonSchema | undefined,
  document: unknown,
  named: Named = () => undefined,
  depth = 0,
): unknown {
  if (!schema || depth > 8) return undefined;
  const doc = document as OpenApiDocument;
  if (schema.$ref) {
    const name = schema.$ref.split('/').at(-1)!;
    return sampleOf(doc.components?.schemas?.[name], document, named, depth + 1);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return sampleOf(choice.find((s) => s.type !== 'null') ?? choice[0], document, named, depth + 1);
  if (schema.allOf) return sampleOf(schema.allOf[0], document, named, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const known = named(key) ?? named(key.replace(/Ids$/, 'Id'));
        const property = schema.properties?.[key];
        value[key] =
          known === undefined
            ? sampleOf(property, document, named, depth + 1)
            : key.endsWith('Ids') || property?.type === 'array'
              ? [known]
              : known;
      }
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () =>
        sampleOf(schema.items, document, named, depth + 1),
      );
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date' || /\\d\{4\}-/.test(schema.pattern ?? '')) return '2026-11-16';
      if (schema.format === 'date-time') return '2026-11-16T09:00:00+08:00';
      return '测试'.repeat(Math.max(1, Math.ceil((schema.minLength ?? 1) / 2)));
    default:
      return undefined;
  }
}

/** The JSON body schema of an operation, if it takes JSON. */
export function jsonBodySchema(op: Operation): JsonSchema | undefined {
  return op.requestBody?.content['application/json']?.schema;
}

/** The path with each `{name}` replaced by `values[name]`. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encodeURIComponent(value);
  });
}
