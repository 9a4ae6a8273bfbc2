/**
 * `tuijie backup` and `tuijie restore`: a round with nominations, their material files and a submission
 * package is backed up, restored onto a fresh empty database and files folder, and compared row by row and
 * file by file; a restore onto a database that is not empty is refused and changes nothing.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backUp } from '#server/platform/backup/backup.ts';
import { type BackupManifest, BackupRefused } from '#server/platform/backup/manifest.ts';
import { restore } from '#server/platform/backup/restore.ts';
import { createDiskStorage } from '#server/platform/storage/disk-storage.ts';
import type { Storage } from '#server/platform/storage/storage.ts';
import { as, createTestApp, loginAs, type TestApp } from '#test/support/app.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';
import { campaignOf } from '#test/support/nominations.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

let t: TestApp;
let target: TestDatabase;
let targetFiles: string;
let backupDir: string;
let manifest: BackupManifest;
const quiet = () => {};

/** Every row of every table of the app's schema, each table sorted: two databases compare equal as values. */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY relname`,
    );
    const out: Record<string, string[]> = {};
    for (const { name } of tables)
      out[name] = (
        await client.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${name}" t ORDER BY 1`)
      ).rows.map((r) => r.row);
    return out;
  } finally {
    await client.end();
  }
}

async function hashOf(storage: Storage, key: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await storage.read(key)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

beforeAll(async () => {
  t = await createTestApp({ demoNominations: true });
  const unit = await loginAs(t, 'changchun');
  const { campaign } = await campaignOf(t, unit, '吉林省教育厅');
  const requested = await t.app.inject({
    method: 'POST',
    url: `/api/campaigns/${campaign.id}/packages`,
    headers: as(unit),
    payload: {},
  });
  expect(requested.statusCode, requested.body).toBe(202);
  for (;;) {
    const p = (
      await t.app.inject({ method: 'GET', url: `/api/packages/${requested.json().id}`, headers: as(unit) })
    ).json();
    if (p.state === 'failed') throw new Error(p.error);
    if (p.state === 'ready') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // Quiet from here: no job may write between the backup and the comparison.
  await t.context.jobs.stop();
  backupDir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-backup-'));
  manifest = await backUp(t.database.url, t.context.storage, backupDir, {
    copyFiles: true,
    dataKey: null,
    now: t.context.clock.now(),
    log: quiet,
  });
  target = await createTestDatabase({ migrated: false });
  targetFiles = await mkdtemp(path.join(os.tmpdir(), 'tuijie-restored-'));
}, 180_000);

afterAll(async () => {
  await t?.close();
  await target?.drop();
  for (const dir of [backupDir, targetFiles]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('backs up a round with nominations, material files and a package', () => {
    const rows = Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows]));
    expect(rows.nominations).toBeGreaterThan(0);
    expect(rows.materials).toBeGreaterThan(0);
    expect(rows.export_packages).toBeGreaterThan(0);
    expect(manifest.storage.files.length).toBeGreaterThan(rows.materials! > 0 ? 1 : 0);
    expect(manifest.storage.files.some((f) => f.key.endsWith('.zip') || f.key.startsWith('packages/'))).toBe(
      true,
    );
    expect(manifest.dataKey).toMatchObject({ included: false });
    expect(manifest.dataKey.keyIds.length).toBeGreaterThan(0);
  });

  it('restores every row and every file onto an empty database and files folder', async () => {
    const restoredStorage = createDiskStorage(targetFiles);
    await restore(target.url, restoredStorage, backupDir, quiet);
    expect(await everyRow(target.url)).toEqual(await everyRow(t.database.url));
    for (const file of manifest.storage.files) {
      expect(await hashOf(restoredStorage, file.key), file.key).toBe(file.sha256);
      expect(await hashOf(t.context.storage, file.key), file.key).toBe(file.sha256);
    }
  });

  it('refuses a database that is not empty and changes nothing', async () => {
    const before = await everyRow(target.url);
    await expect(restore(target.url, createDiskStorage(targetFiles), backupDir, quiet)).rejects.toThrow(
      BackupRefused,
    );
    const cli = await run(process.execPath, ['src/cli/main.ts', 'restore', '--from', backupDir], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: target.url, TUIJIE_FILES_DIR: targetFiles },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(cli).toMatchObject({ code: 1 });
    expect((cli as { stderr: string }).stderr).toContain('目标数据库不是空的');
    expect((cli as { stderr: string }).stderr).toContain('未作任何改动');
    expect(await everyRow(target.url)).toEqual(before);
  });

  it('backs up from the command line, saying the data key is not in the backup', async () => {
    const out = path.join(backupDir, '..', `${path.basename(backupDir)}-cli`);
    try {
      const { stdout } = await run(process.execPath, ['src/cli/main.ts', 'backup', '--out', out], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: t.database.url, TUIJIE_FILES_DIR: t.filesDir },
      });
      expect(stdout).toContain('备份完成');
      expect(stdout).toContain('个人信息加密密钥不在备份中');
      const written = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as BackupManifest;
      expect(written.tables.map((x) => [x.name, x.rows, x.sha256])).toEqual(
        manifest.tables.map((x) => [x.name, x.rows, x.sha256]),
      );
      expect(written.storage.files).toEqual(manifest.storage.files);
      const again = await run(process.execPath, ['src/cli/main.ts', 'backup', '--out', out], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: t.database.url, TUIJIE_FILES_DIR: t.filesDir },
      }).catch((e: { code: number; stderr: string }) => e);
      expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('不是空的') });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('refuses a backup whose table dump was altered, before writing anything', async () => {
    const empty = await createTestDatabase({ migrated: false });
    try {
      const table = manifest.tables.find((x) => x.name === 'nominations')!;
      const file = path.join(backupDir, table.file);
      const original = await readFile(file);
      await writeFile(file, Buffer.concat([original, Buffer.from('{}\n')]));
      try {
        await expect(restore(empty.url, createDiskStorage(targetFiles), backupDir, quiet)).rejects.toThrow(
          /nominations 缺失或已损坏/,
        );
      } finally {
        await writeFile(file, original);
      }
      expect(Object.values(await everyRow(empty.url)).flat()).toEqual([]);
    } finally {
      await empty.drop();
    }
  });
});
