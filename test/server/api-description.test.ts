/**
 * The published API description: Redocly's recommended rules find no error in it, every operation says
 * which errors (one shared shape) and which credentials it has, and a client typed from it compiles.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const at = (relative: string) => path.join(root, relative);

// biome-ignore lint/suspicious/noExplicitAny: a parsed JSON document, read by path in assertions
type Json = Record<string, any>;
let t: TestApp;
let spec: Json;
let dir: string;
let specFile: string;

beforeAll(async () => {
  t = await createTestApp();
  const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  spec = response.json();
  dir = mkdtempSync(path.join(os.tmpdir(), 'tuijie-openapi-'));
  specFile = path.join(dir, 'openapi.json');
  writeFileSync(specFile, response.body);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

function operations(): { name: string; method: string; operation: Json }[] {
  return Object.entries(spec.paths as Record<string, Record<string, Json>>).flatMap(([url, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${url}`,
      method,
      operation,
    })),
  );
}

describe('the API description', () => {
  it('passes Redocly’s recommended rules with no error', async () => {
    const cli = at('node_modules/@redocly/cli/bin/cli.js');
    const { stdout } = await run(
      process.execPath,
      [cli, 'lint', '--config', at('redocly.yaml'), '--format', 'json', '--max-problems', '10000', specFile],
      { maxBuffer: 64 * 1024 * 1024 },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    const errors = report.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    // Nor unused components: the zod registry's schemas no operation reaches are left out.
    expect(report.problems.filter((p) => p.ruleId === 'no-unused-components')).toEqual([]);
  }, 120_000);

  it('has servers, a licence, a Chinese description and the tus upload endpoint', () => {
    expect(spec.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(spec.info.license.name).toContain('UNLICENSED');
    expect(spec.info.description).toContain('百姓学习之星');
    for (const words of ['POST /api/uploads', 'HEAD /api/uploads/', 'PATCH /api/uploads/', 'Upload-Offset']) {
      expect(spec.info.description).toContain(words);
    }
  });

  it('gives every operation its credentials and its error answers in the shared error shape', () => {
    for (const { name, method, operation } of operations()) {
      expect(operation.security, name).toBeDefined();
      const statuses = Object.keys(operation.responses);
      expect(
        statuses.some((s) => s.startsWith('4')),
        name,
      ).toBe(true);
      // The health checks answer 503 with their own report, which says what is down.
      const own = ['GET /api/health', 'GET /api/health/ready'].includes(name) ? ['503'] : [];
      for (const status of statuses.filter((s) => /^[45]/.test(s) && !own.includes(s))) {
        const schema = operation.responses[status].content['application/json'].schema;
        expect(JSON.stringify(schema), `${name} ${status}`).toContain('"#/components/schemas/Error"');
      }
      const write = ['post', 'put', 'patch', 'delete'].includes(method);
      if (operation.security.length > 0) {
        const last = operation.security.at(-1);
        expect(Object.keys(last).sort(), name).toEqual(write ? ['csrf', 'session'] : ['session']);
      }
    }
    const byId = new Map(operations().map((o) => [o.operation.operationId, o.operation]));
    expect(byId.get('login')?.security).toEqual([]);
    expect(byId.get('getHealth')?.security).toEqual([]);
    expect(byId.get('getSession')?.security).toEqual([{}, { session: [] }]);
    expect(byId.get('listCampaigns')?.security).toEqual([{ session: [] }]);
    expect(byId.get('updateNomination')?.security).toEqual([{ session: [], csrf: [] }]);
    const codes = (id: string, status: number) =>
      byId.get(id)?.responses[status].content['application/json'].schema.allOf[1].properties.code.enum;
    expect(codes('login', 401)).toEqual(['LOGIN_FAILED']);
    expect(codes('updateNomination', 409)).toEqual([
      'NOMINATION_NOT_EDITABLE',
      'CAMPAIGN_NOT_OPEN',
      'DEADLINE_PASSED',
      'STALE_VERSION',
    ]);
    expect(codes('listCampaigns', 503)).toEqual(['DB_UNAVAILABLE']);
  });

  it('names the media types of the files it sends and the multipart bodies of its imports', () => {
    const byId = new Map(operations().map((o) => [o.operation.operationId, o.operation]));
    const sent = (id: string) => Object.keys(byId.get(id)?.responses[200].content ?? {});
    expect(sent('downloadNominationFormPdf')).toEqual(['application/pdf']);
    expect(sent('downloadPackage')).toEqual(['application/zip']);
    expect(sent('exportNominations')).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(sent('getMaterialContent')).toEqual(expect.arrayContaining(['video/mp4', 'application/pdf']));
    expect(sent('getMaterialPreview')).toEqual(['image/jpeg']);
    for (const id of ['importAccounts', 'importExperts', 'importPreviousWinners']) {
      expect(byId.get(id)?.requestBody.content['multipart/form-data'].schema.properties.file, id).toEqual(
        expect.objectContaining({ type: 'string', format: 'binary' }),
      );
    }
    const objection = byId.get('submitObjection')?.requestBody.content['multipart/form-data'].schema;
    expect(Object.keys(objection.properties)).toEqual(
      expect.arrayContaining(['entryId', 'facts', 'attachments']),
    );
    expect(objection.properties.attachments.items).toEqual({ type: 'string', format: 'binary' });
    expect(byId.get('submitObjection')?.security).toEqual([]);
    // A 204 is what those routes send, not a 200 with nothing in it.
    expect(Object.keys(byId.get('deleteMaterial')?.responses ?? {})).toContain('204');
  });

  it('types a client generated by openapi-typescript: logging in, listing campaigns, saving a 推介表', async () => {
    const cli = at('node_modules/openapi-typescript/bin/cli.js');
    const generated = path.join(dir, 'openapi.generated.ts');
    await run(process.execPath, [cli, specFile, '--output', generated], { maxBuffer: 64 * 1024 * 1024 });
    const example = path.join(dir, 'example.ts');
    copyFileSync(at('test/fixtures/openapi-client/example.ts'), example);
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module' }));

    const configPath = at('tsconfig.json');
    const config = ts.readConfigFile(configPath, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
    // The temp folder has no node_modules: the project's @types come from the project.
    const program = ts.createProgram({
      rootNames: [example],
      options: { ...parsed.options, typeRoots: [at('node_modules/@types')] },
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 120_000);
});
