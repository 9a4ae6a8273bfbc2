/**
 * One fuzzed request to a write route: its path parameters (mostly real ids, so the body's validation is
 * reached; sometimes random or malformed), its query string and its body (near-valid, valid, any JSON,
 * or raw bytes that are not JSON at all).
 */
import fc from 'fast-check';
import { type JsonSchema, nearValidValue, type SchemaContext, validValue } from './json-schema-arbitrary.ts';
import type { ParameterSpec, WriteRoute } from './write-routes.ts';

export interface FuzzRequest {
  method: string;
  url: string;
  /** Undefined: no body at all. */
  payload?: string;
  contentType?: string;
  /** How the body was made, for the failure report. */
  how: string;
}

const MALFORMED_SEGMENTS = [
  'abc',
  '0',
  '-1',
  '1e99',
  "' OR '1'='1",
  '..',
  '%2e%2e%2f%2e%2e%2f',
  '%00',
  '%E4%B8%AD%E6%96%87',
  '%ZZ',
  'A'.repeat(3_000),
  '00000000-0000-0000-0000-00000000000g',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '%20',
  'null',
  'undefined',
  '__proto__',
];

const MALFORMED_QUERY_VALUES = [
  '',
  '-1',
  '0',
  '1.5',
  'NaN',
  '1e99',
  '99999999999999999999',
  'abc',
  '\u0000',
  '\ud800',
  '测试',
];

const RAW_BODIES: { payload: string; contentType: string; how: string }[] = [
  { payload: '{"a":', contentType: 'application/json', how: 'truncated JSON' },
  { payload: '', contentType: 'application/json', how: 'empty JSON body' },
  { payload: '\ufeff{}', contentType: 'application/json', how: 'byte order mark' },
  { payload: '{"version":1,"version":"x"}', contentType: 'application/json', how: 'duplicate key' },
  { payload: '{"__proto__":{"admin":true}}', contentType: 'application/json', how: 'prototype key' },
  {
    payload: '{"constructor":{"prototype":{"admin":true}}}',
    contentType: 'application/json',
    how: 'constructor key',
  },
  {
    payload: `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
    contentType: 'application/json',
    how: 'deep JSON',
  },
  { payload: '{"a":"\\u0000"}', contentType: 'application/json', how: 'escaped NUL' },
  { payload: '{"a":"\\ud800"}', contentType: 'application/json', how: 'escaped lone surrogate' },
  { payload: 'hello', contentType: 'text/plain', how: 'plain text' },
  { payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded', how: 'form body' },
  { payload: '{}', contentType: 'application/json; charset=utf-16', how: 'other charset' },
  { payload: '<x/>', contentType: 'application/xml', how: 'XML' },
];

/** Percent-encoding that also carries a lone surrogate, as the bytes a careless client would send for it. */
function encode(text: string): string {
  return text
    .split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/)
    .map((part) => {
      try {
        return encodeURIComponent(part);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}

function parameterValue(parameter: ParameterSpec, context: SchemaContext): fc.Arbitrary<string> {
  return validValue(parameter.schema, context).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

function pathSegment(
  parameter: ParameterSpec,
  pool: readonly string[],
  context: SchemaContext,
): fc.Arbitrary<{ value: string; how: string }> {
  const real = pool.length
    ? fc.constantFrom(...pool).map((value) => ({ value: encode(value), how: 'real' }))
    : parameterValue(parameter, context).map((v) => ({ value: encode(v), how: 'schema' }));
  const malformed = fc
    .oneof(
      fc.constantFrom(...MALFORMED_SEGMENTS),
      fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).map(encode),
    )
    .map((value) => ({ value, how: 'malformed' }));
  return fc.oneof(
    { arbitrary: real, weight: 8 },
    { arbitrary: fc.uuid({ version: 4 }).map((value) => ({ value, how: 'random uuid' })), weight: 1 },
    { arbitrary: malformed, weight: 1 },
  );
}

function queryString(route: WriteRoute, context: SchemaContext): fc.Arbitrary<string> {
  const declared = route.parameters.filter((p) => p.in === 'query');
  const entries = declared.map((p) =>
    fc.option(
      fc.oneof(
        { arbitrary: parameterValue(p, context), weight: 3 },
        { arbitrary: fc.constantFrom(...MALFORMED_QUERY_VALUES), weight: 1 },
        { arbitrary: fc.constant(`1&${p.name}=2`), weight: 1 },
      ),
      { freq: 3 },
    ),
  );
  const extra = fc.option(
    fc.tuple(
      fc.constantFrom('x', 'version', '__proto__', 'id', '测'),
      fc.constantFrom(...MALFORMED_QUERY_VALUES),
    ),
    {
      freq: 3,
    },
  );
  return fc.tuple(fc.tuple(...entries), extra).map(([values, extraPair]) => {
    const parts: string[] = [];
    values.forEach((value, i) => {
      if (value === null) return;
      const name = (declared[i] as ParameterSpec).name;
      // A value holding `&name=` duplicates the parameter on purpose.
      parts.push(value.includes(`&${name}=`) ? `${name}=${value}` : `${name}=${encode(value)}`);
    });
    if (extraPair) parts.push(`${encode(extraPair[0])}=${encode(extraPair[1])}`);
    return parts.length ? `?${parts.join('&')}` : '';
  });
}

/** JSON text of a value; `undefined` (a body with its only field removed) stays "no body". */
function json(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

function body(schema: JsonSchema | null, context: SchemaContext) {
  type Body = { payload?: string; contentType?: string; how: string };
  const raw = fc.constantFrom(...RAW_BODIES) as fc.Arbitrary<Body>;
  const anyJson = fc.jsonValue({ maxDepth: 4 }).map((v): Body => ({ payload: json(v), how: 'any JSON' }));
  const none = fc.constant<Body>({ how: 'no body' });
  if (!schema)
    return fc.oneof(
      { arbitrary: anyJson, weight: 3 },
      { arbitrary: raw, weight: 1 },
      { arbitrary: none, weight: 1 },
    );
  const nearValid = nearValidValue(schema, context).map(
    ({ value, mutation }): Body => ({
      payload: json(value),
      how: `near-valid: ${mutation.kind} at ${mutation.path.join('.') || '(body)'}${'why' in mutation ? ` (${mutation.why})` : ''}`,
    }),
  );
  const valid = validValue(schema, context).map((v): Body => ({ payload: json(v), how: 'valid by schema' }));
  return fc.oneof(
    { arbitrary: nearValid, weight: 12 },
    { arbitrary: valid, weight: 3 },
    { arbitrary: anyJson, weight: 2 },
    { arbitrary: raw, weight: 2 },
    { arbitrary: none, weight: 1 },
  );
}

/** Every request the fuzzer may send to one route. */
export function fuzzRequests(
  route: WriteRoute,
  pools: Map<string, readonly string[]>,
  context: SchemaContext,
): fc.Arbitrary<FuzzRequest> {
  const pathParameters = route.parameters.filter((p) => p.in === 'path');
  const segments = fc.tuple(...pathParameters.map((p) => pathSegment(p, pools.get(p.name) ?? [], context)));
  return fc
    .tuple(segments, queryString(route, context), body(route.body, context))
    .map(([values, query, b]) => {
      let url = route.path;
      pathParameters.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, (values[i] as { value: string }).value);
      });
      const pathHow = values.map((v) => v.how).join(',');
      return {
        method: route.method,
        url: url + query,
        payload: b.payload,
        contentType: b.contentType ?? (b.payload === undefined ? undefined : 'application/json'),
        how: `${b.how}; path ${pathHow || '-'}`,
      };
    });
}
