/**
 * The authorisation matrix (issue #15 item 10): every operation of the app's OpenAPI document called by
 * every kind of caller on real subjects of the Jilin side. Who may pass is written in access-table.ts, one
 * entry per operationId, so a route added without saying who may call it fails here. A refused caller gets
 * 401 (no session) or 403/404 with the `{ code, message }` error in Chinese and nothing else, and leaves
 * no audit row and the subjects' rows as they were; an allowed caller is not refused (a 400 for a body it
 * was not meant to complete, or a 409 for the subject's state, is past the permission gate).
 *
 * AUTHZ_DISCOVER=1 prints what each caller gets instead of asserting (to write a new entry).
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login } from '#test/support/app.ts';
import {
  type AccessWorld,
  buildAccessWorld,
  CALLER_LABELS,
  CALLERS,
  type Caller,
  type Subjects,
} from './access-fixture.ts';
import { ACCESS, type Access } from './access-table.ts';
import { fillPath, jsonBodySchema, type Operation, operationsOf, sampleOf } from './openapi-requests.ts';

const DISCOVER = Boolean(process.env.AUTHZ_DISCOVER);
/** AUTHZ_LIVE=1: allowed callers send the full body too (to check an entry's allowed callers; writes happen). */
const LIVE = Boolean(process.env.AUTHZ_LIVE);
const discovered: Record<string, Record<string, string>> = {};

let world: AccessWorld;
let document: unknown;
let operations: Map<string, Operation>;

beforeAll(async () => {
  world = await buildAccessWorld();
  document = world.t.app.swagger();
  operations = operationsOf(document);
}, 300_000);
afterAll(async () => {
  if (DISCOVER) writeFileSync('/tmp/authz-discovered.json', JSON.stringify(discovered, null, 1));
  await world?.t.close();
});

function allowed(access: Access, caller: Caller): boolean {
  if (access.allow === 'public') return true;
  if (access.allow === 'signedIn') return caller !== 'anonymous';
  return access.allow.includes(caller);
}

/** The subject a path parameter names by default: the Jilin side's object of that kind. */
function defaultParams(op: Operation, s: Subjects): Record<string, string> {
  const p = op.path;
  const values: Record<string, string> = {
    campaignId: p.includes('/announcement') ? s.announcing.id : s.review.id,
    roundId: s.round,
    nominationId: s.nominations.reviewed,
    materialId: s.materials.reviewed,
    expertId: s.accounts.expert,
    unitId: s.organisations.changchun,
    year: '2027',
    proposalId: randomUUID(),
    fileId: randomUUID(),
    photoId: randomUUID(),
  };
  const id: [RegExp, string][] = [
    [/^\/api\/organisations\//, s.organisations.victim],
    [/^\/api\/accounts\//, s.accounts.victim],
    [/^\/api\/campaigns\/\{id\}\/(objections|approval)/, s.announcing.id],
    [/^\/api\/campaigns\/\{id\}\/results/, s.approved.id],
    [/^\/api\/campaigns\//, s.open.id],
    [/^\/api\/nominations\//, s.nominations.submitted],
    [/^\/api\/materials\//, s.materials.submitted],
    [/^\/api\/packages\//, s.package],
    [/^\/api\/unit-publicities\//, s.publicity],
    [/^\/api\/objections\//, s.objection],
    [/^\/api\/announcements\//, s.announcement],
    [/^\/api\/notifications\//, s.notification],
    [/^\/api\/calendar\/overrides\//, s.calendarOverride],
    [/^\/api\/previous-winners\//, randomUUID()],
  ];
  values.id = id.find(([pattern]) => pattern.test(p))?.[1] ?? randomUUID();
  // A parameter with a closed set of values (a table's or a format's name) takes its first.
  for (const param of op.parameters)
    if (param.in === 'path' && param.schema?.enum) values[param.name] = String(param.schema.enum[0]);
  return values;
}

/** Ids a body or query names by property: the Jilin side's subjects. */
function namedIds(s: Subjects) {
  const ids: Record<string, string> = {
    campaignId: s.open.id,
    nominationId: s.nominations.submitted,
    unitId: s.organisations.changchun,
    parentId: s.organisations.changchun,
    organisationId: s.organisations.changchun,
    expertId: s.accounts.unassignedExpert,
    accountId: s.accounts.victim,
    entryId: s.entry,
    announcementId: s.announcement,
    roundId: s.round,
    materialId: s.materials.submitted,
  };
  return (property: string) => ids[property];
}

function requestFor(op: Operation, access: Access, s: Subjects, caller: Caller) {
  const path = fillPath(op.path, { ...defaultParams(op, s), ...access.params?.(s) });
  const query: Record<string, string> = {};
  const named = namedIds(s);
  for (const param of op.parameters)
    if (param.in === 'query' && param.required)
      query[param.name] = String(named(param.name) ?? sampleOf(param.schema, document, named));
  Object.assign(query, access.query?.(s));
  const schema = jsonBodySchema(op);
  let payload: unknown;
  if (!access.live && !DISCOVER && !LIVE && allowed(access, caller))
    payload = access.allowedBody ? access.allowedBody(s) : schema ? {} : undefined;
  else payload = access.body ? access.body(s) : schema ? sampleOf(schema, document, named) : undefined;
  const search = new URLSearchParams(query).toString();
  const url = search ? `${path}?${search}` : path;
  if (access.multipart) {
    const dry = !access.live && !DISCOVER && !LIVE && allowed(access, caller);
    return { method: op.method, url, ...multipartOf(access.multipart(s), !dry) };
  }
  return { method: op.method, url, ...(payload === undefined ? {} : { payload: payload as object }) };
}

/** A multipart/form-data body: the fields and, with `file`, one small text file. */
function multipartOf(fields: Record<string, string>, file: boolean) {
  const boundary = 'authorisation-matrix-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  if (file)
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="说明.txt"\r\n` +
        `Content-Type: text/plain\r\n\r\n核实材料\r\n`,
    );
  parts.push(`--${boundary}--\r\n`);
  return {
    payload: Buffer.from(parts.join(''), 'utf8'),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** What a refused write must leave alone: the audit trail and the Jilin side's subjects. */
async function snapshot(s: Subjects, accountId: string | undefined) {
  const db = world.t.database.db;
  const [audit, campaigns, nominations, accounts, organisations, materials] = await Promise.all([
    // The caller's own rows: the job workers write theirs meanwhile (a refusal of an anonymous
    // caller has no actor to count; the subjects' rows below still show any change).
    db
      .selectFrom('auditLog')
      .select(db.fn.countAll<string>().as('n'))
      .where('actorId', '=', accountId ?? '00000000-0000-0000-0000-000000000000')
      .executeTakeFirst(),
    db
      .selectFrom('campaigns')
      .select(['id', 'status', 'rulesVersion', 'deadlineAt'])
      .where('id', 'in', [s.open.id, s.review.id, s.announcing.id, s.approved.id])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('nominations')
      .select(['id', 'state', 'version', 'rank'])
      .where('id', 'in', Object.values(s.nominations))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('accounts')
      .select(['id', 'disabled', 'roles', 'passwordHash'])
      .where('id', '=', s.accounts.victim)
      .execute(),
    db
      .selectFrom('organisations')
      .select(['id', 'disabled', 'name'])
      .where('id', '=', s.organisations.victim)
      .execute(),
    db
      .selectFrom('materials')
      .select(['id'])
      .where('id', 'in', Object.values(s.materials))
      .orderBy('id')
      .execute(),
  ]);
  return { audit: audit?.n, campaigns, nominations, accounts, organisations, materials };
}

const HAN = /[\u4e00-\u9fff]/;

describe('the table covers the OpenAPI document', () => {
  it('has an entry for every operation and none for an operation that is gone', () => {
    const documented = [...operations.keys()].sort();
    const listed = Object.keys(ACCESS).sort();
    expect(
      documented.filter((id) => !(id in ACCESS)),
      'operations without an entry',
    ).toEqual([]);
    expect(
      listed.filter((id) => !operations.has(id)),
      'entries without an operation',
    ).toEqual([]);
  });
});

/** Refused callers first, while every subject is still as the fixture made it. */
const order = (access: Access) =>
  [...CALLERS].sort((a, b) => Number(allowed(access, a)) - Number(allowed(access, b)));

describe.each(Object.entries(ACCESS))('%s', (operationId, access) => {
  it.each(order(access).map((caller) => [caller, CALLER_LABELS[caller]] as const))(
    '%s (%s)',
    async (caller) => {
      const op = operations.get(operationId);
      if (!op) return; // reported by the coverage test above
      const s = world.subjects;
      const credential = world.credentials.get(caller);
      const session =
        access.fresh && credential
          ? await login(world.t.app, credential.username, credential.password)
          : (world.sessions.get(caller) ?? null);
      const request = requestFor(op, access, s, caller);
      const may = allowed(access, caller);
      if (may && access.slow && !DISCOVER) return;
      await access.before?.(world);
      const before = may || DISCOVER ? null : await snapshot(s, session?.accountId);
      const { headers, ...rest } = { headers: {}, ...request };
      const response = await world.t.app.inject({
        ...rest,
        headers: { ...headers, ...(session ? as(session) : {}) },
      });
      const status = response.statusCode;
      const where = `${request.method} ${request.url} as ${caller}: ${status} ${response.body.slice(0, 300)}`;
      try {
        if (DISCOVER) {
          discovered[operationId] ??= {};
          discovered[operationId]![caller] = `${status} ${response.body.slice(0, 80)}`;
          return;
        }
        await expectAnswer(access, caller, may, response, where, before, session?.accountId);
      } finally {
        await access.after?.(world);
      }
    },
  );
});

async function expectAnswer(
  access: Access,
  caller: Caller,
  may: boolean,
  response: { statusCode: number; body: string; json(): { code?: unknown; message?: unknown } },
  where: string,
  before: Awaited<ReturnType<typeof snapshot>> | null,
  accountId: string | undefined,
) {
  const s = world.subjects;
  const status = response.statusCode;
  {
    if (may) {
      const refusals = access.missing ? [401, 403] : [401, 403, 404];
      expect(refusals, where).not.toContain(status);
      expect(status, where).toBeLessThan(500);
      if (access.hidden?.from.includes(caller))
        for (const id of access.hidden.ids(s))
          expect(response.body, `${where}: shows ${id} of the other side`).not.toContain(id);
      return;
    }
    // A move the transition table refuses to this caller is a 409 that names the refusal.
    const byMove = access.refusedByMove?.includes(caller);
    expect(caller === 'anonymous' ? [401] : byMove ? [409] : [403, 404], where).toContain(status);
    const body = response.json();
    if (byMove) expect(body.code, where).toBe('MOVE_NOT_ALLOWED');
    expect(
      Object.keys(body).filter((k) => k !== 'details'),
      where,
    ).toEqual(['code', 'message']);
    expect(body.message, where).toMatch(HAN);
    expect(await snapshot(s, accountId), `${where}: a refused request changed something`).toEqual(before);
  }
}
