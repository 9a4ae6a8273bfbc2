/**
 * fast-check arbitraries from a route's JSON Schema (the one zod gives the OpenAPI document): values that
 * fit it, and near-valid values that break it in one place (a field missing, of the wrong type, too long,
 * with control characters or lone surrogates, a number out of range, nested too deep, an extra field, a
 * malformed 身份证号 or phone). Generic: nothing here names a route.
 */
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

export interface SchemaContext {
  /** `#/components/schemas/…` targets. */
  components: Record<string, JsonSchema>;
  /** Real ids of the database, so that a valid-looking reference often names something that exists. */
  knownIds: readonly string[];
}

const MAX_DEPTH = 6;

function resolve(schema: JsonSchema, context: SchemaContext): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const name = current.$ref.split('/').pop() ?? '';
    current = context.components[name] ?? {};
  }
  return current;
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

const chineseText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), maxLength });

function validString(schema: JsonSchema, context: SchemaContext): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? minLength + 24, minLength + 24);
  const fits = (s: string) =>
    [...s].length >= minLength && (schema.maxLength === undefined || [...s].length <= schema.maxLength);
  switch (schema.format) {
    case 'uuid':
      return context.knownIds.length
        ? fc.oneof(fc.constantFrom(...context.knownIds), fc.uuid({ version: 4 }))
        : fc.uuid({ version: 4 });
    case 'date-time':
      return fc
        .date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
    } catch {
      // A pattern JavaScript cannot compile: fall through to plain text.
    }
  }
  return fc
    .oneof(chineseText(maxLength), fc.string({ maxLength }), fc.string({ unit: 'grapheme', maxLength }))
    .map((s) => (s.length < minLength ? s.padEnd(minLength, '测') : s))
    .filter(fits);
}

function numberBounds(schema: JsonSchema, integer: boolean): { min: number; max: number } {
  const step = integer ? 1 : 0.001;
  let min = schema.minimum ?? -1_000_000;
  let max = schema.maximum ?? 1_000_000;
  if (typeof schema.exclusiveMinimum === 'number') min = schema.exclusiveMinimum + step;
  else if (schema.exclusiveMinimum === true) min += step;
  if (typeof schema.exclusiveMaximum === 'number') max = schema.exclusiveMaximum - step;
  else if (schema.exclusiveMaximum === true) max -= step;
  return { min, max };
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const { min, max } = numberBounds(schema, integer);
  // Mostly small values; the bounds themselves too, since "within the schema" must also fit the database.
  const low = Math.max(min, -1000);
  const high = Math.min(max, 1000);
  const inner = integer
    ? fc.integer({ min: Math.ceil(Math.min(low, high)), max: Math.floor(Math.max(low, high)) })
    : fc.double({ min: Math.min(low, high), max: Math.max(low, high), noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ arbitrary: inner, weight: 8 }, fc.constantFrom(min, max));
}

/** Values that fit the schema (as far as JSON Schema says; zod refinements beyond it may still refuse). */
export function validValue(schema: JsonSchema, context: SchemaContext, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, context);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => validValue(a, context, depth + 1)));
  if (s.allOf?.length) return validValue(s.allOf[0] as JsonSchema, context, depth + 1);
  const types = typesOf(s);
  if (s.nullable && !types.includes('null')) types.push('null');
  if (types.length > 1)
    return fc.oneof(...types.map((type) => validValue({ ...s, type, nullable: false }, context, depth)));
  switch (types[0]) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return validNumber(s, true);
    case 'number':
      return validNumber(s, false);
    case 'string':
      return validString(s, context);
    case 'array': {
      if (depth > MAX_DEPTH) return fc.constant([]);
      const minLength = s.minItems ?? 0;
      const item = s.items ? validValue(s.items, context, depth + 1) : fc.jsonValue({ maxDepth: 1 });
      return fc.array(item, { minLength, maxLength: Math.min(s.maxItems ?? minLength + 3, minLength + 3) });
    }
    case 'object':
      return validObject(s, context, depth);
  }
  if (s.properties) return validObject(s, context, depth);
  return fc.jsonValue({ maxDepth: 2 });
}

function validObject(s: JsonSchema, context: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant({});
  const properties = s.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties))
    model[key] = validValue(property, context, depth + 1);
  const record = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in properties) });
  if (Object.keys(properties).length > 0 || s.additionalProperties === false) return record;
  const values =
    typeof s.additionalProperties === 'object' && Object.keys(s.additionalProperties).length > 0
      ? validValue(s.additionalProperties, context, depth + 1)
      : fc.jsonValue({ maxDepth: 2 });
  return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), values, { maxKeys: 4 });
}

/** A place in a body where one thing can be broken: the path to it, the schema it should fit, its key. */
interface Site {
  path: (string | number)[];
  schema: JsonSchema;
  required: boolean;
  key: string | null;
}

function sitesOf(schema: JsonSchema, context: SchemaContext): Site[] {
  const sites: Site[] = [];
  const walk = (
    raw: JsonSchema,
    path: (string | number)[],
    required: boolean,
    key: string | null,
    depth: number,
  ) => {
    const s = resolve(raw, context);
    sites.push({ path, schema: s, required, key });
    if (depth >= MAX_DEPTH) return;
    const alternatives = s.anyOf ?? s.oneOf ?? s.allOf;
    const concrete = alternatives?.map((a) => resolve(a, context)).find((a) => !typesOf(a).includes('null'));
    const shape = concrete ?? s;
    for (const [k, property] of Object.entries(shape.properties ?? {}))
      walk(property, [...path, k], (shape.required ?? []).includes(k), k, depth + 1);
    if (shape.items) walk(shape.items, [...path, 0], true, key, depth + 1);
  };
  walk(schema, [], true, null, 0);
  return sites;
}

const CONTROL_AND_SCRIPT = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0007\u001b[31m',
  '\r\n\t\v\f',
  '\ud800',
  'x\udfff',
  '\ud83d',
  '\u202e\u200b\ufeff',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE accounts; --",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: template injection text, sent as it is
  '${7*7}{{7*7}}',
  '𠮷𠮷𠮷👨‍👩‍👧',
  ' ',
  '',
];

/** Malformed 身份证号, 统一社会信用代码, phone numbers and dates: the shapes a form is likely to get wrong. */
const MALFORMED_IDENTIFIERS = [
  '22010219900101123',
  '220102199001011234',
  '22010219900101123x',
  '220102199013011230',
  '2201021990010112X3',
  '２２０１０２１９９００１０１１２３Ｘ',
  '1380013800',
  '138001380000',
  '+86 138-0013-8000',
  '１３８００１３８０００',
  '91220101MA0000000',
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  '2025/01/01',
  '99999-01-01T00:00:00Z',
];

const OUT_OF_RANGE_NUMBERS = [
  -1,
  0,
  -0,
  1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  5e-324,
];

function deeplyNested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const hugeString = fc
  .tuple(fc.constantFrom('x', '测', '\u0000', '😀', 'a\ud800'), fc.constantFrom(257, 5_000, 70_000, 300_000))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

/** Any JSON value of another type than the schema allows. */
function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> {
  const allowed = new Set(typesOf(schema));
  if (allowed.has('integer')) allowed.add('number');
  const candidates: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.constantFrom('1', 'true', 'null', '[]', '{}', 'abc')],
    ['number', fc.constantFrom(0, 1, -1, 3.14)],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.constantFrom([], ['1'], [null], [[]])],
    ['object', fc.constantFrom({}, { a: 1 }, { length: 1 })],
  ];
  const picks = candidates.filter(([type]) => !allowed.has(type)).map(([, arbitrary]) => arbitrary);
  return fc.oneof(...picks);
}

export type Mutation =
  | { kind: 'missing'; path: (string | number)[] }
  | { kind: 'replace'; path: (string | number)[]; value: unknown; why: string }
  | { kind: 'extra'; path: (string | number)[]; key: string; value: unknown };

function mutationsAt(site: Site): fc.Arbitrary<Mutation>[] {
  const { path, schema, key } = site;
  const replace = (why: string, value: fc.Arbitrary<unknown>) =>
    value.map((v): Mutation => ({ kind: 'replace', path, value: v, why }));
  const found: fc.Arbitrary<Mutation>[] = [
    replace('wrong type', wrongType(schema)),
    replace(
      'deep nesting',
      fc.integer({ min: 20, max: 3_000 }).map((d) => deeplyNested(d)),
    ),
    replace('control characters or script text', fc.constantFrom(...CONTROL_AND_SCRIPT)),
    replace('huge string', hugeString),
    replace('number out of range', fc.constantFrom(...OUT_OF_RANGE_NUMBERS)),
  ];
  if (path.length > 0) found.push(fc.constant({ kind: 'missing', path }));
  if (key && /id(card)?number|idno|phone|mobile|tel|creditcode|date|year|birth/i.test(key))
    found.push(replace('malformed identifier', fc.constantFrom(...MALFORMED_IDENTIFIERS)));
  if (typesOf(schema).includes('string') || schema.enum)
    found.push(
      replace(
        'string next to the allowed',
        fc.constantFrom(
          ...(schema.enum ?? []).map((v) => `${String(v)} `),
          ...(schema.enum ?? []).map((v) => String(v).toUpperCase()),
          'x'.repeat((schema.maxLength ?? 255) + 1),
          'x'.repeat(Math.max(0, (schema.minLength ?? 1) - 1)),
        ),
      ),
    );
  if (schema.properties || typesOf(schema).includes('object'))
    found.push(
      fc
        .tuple(
          fc.constantFrom(
            'extraField',
            '__proto__x',
            'constructor',
            'prototype',
            'id',
            'version',
            '状态',
            '',
          ),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([k, value]): Mutation => ({ kind: 'extra', path, key: k, value })),
    );
  return found;
}

/** Applies one mutation to a copy of a valid value, making the containers on its path when absent. */
export function applyMutation(value: unknown, mutation: Mutation): unknown {
  if (mutation.path.length === 0) {
    if (mutation.kind === 'replace') return mutation.value;
    if (mutation.kind === 'missing') return undefined;
    const base = value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
    return Object.assign(base, { [mutation.key]: mutation.value });
  }
  const root = structuredClone(value ?? {}) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = root;
  const path = mutation.path;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i] as string | number;
    let next = node[step];
    if (!next || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? [] : {};
      node[step] = next;
    }
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (mutation.kind === 'missing') delete node[last];
  else if (mutation.kind === 'replace') node[last] = mutation.value;
  else {
    const target = node[last] && typeof node[last] === 'object' ? node[last] : {};
    node[last] = Object.assign(target as object, { [mutation.key]: mutation.value });
  }
  return root;
}

/** A valid value broken in exactly one place, with the mutation that broke it (for the failure report). */
export function nearValidValue(
  schema: JsonSchema,
  context: SchemaContext,
): fc.Arbitrary<{ value: unknown; mutation: Mutation }> {
  const sites = sitesOf(schema, context);
  const mutation = fc.oneof(...sites.flatMap(mutationsAt));
  return fc
    .tuple(validValue(schema, context), mutation)
    .map(([value, m]) => ({ value: applyMutation(value, m), mutation: m }));
}
