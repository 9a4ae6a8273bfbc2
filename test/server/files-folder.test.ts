/**
 * One files folder for every instance on one database (issue #16 item 1): the first start marks its folder,
 * later starts on that folder go on, a start on another folder (empty, or marked for other data) is refused
 * in Chinese before it serves anything, with nothing written; two instances starting together on a new
 * database with folders of their own: exactly one goes on. Through `tuijie serve` too: exit 1, no stack.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  checkFilesFolder,
  FILES_FOLDER_MARK,
  FilesFolderNotSharedError,
} from '#server/platform/storage/files-folder.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/database.ts';

let database: TestDatabase;
const folders: string[] = [];

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tuijie-files-folder-'));
  folders.push(dir);
  return dir;
}

beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.drop();
});
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

const storedToken = async () =>
  (await database.db.selectFrom('filesFolder').select('token').executeTakeFirst())?.token;

describe('the files folder of a database', () => {
  it('is marked on the first start and accepted on the next ones', async () => {
    const dir = await folder();
    await checkFilesFolder(database.db, dir);
    const mark = (await readFile(path.join(dir, FILES_FOLDER_MARK), 'utf8')).trim();
    expect(await storedToken()).toBe(mark);
    await checkFilesFolder(database.db, dir);
    expect(await readdir(dir)).toEqual([FILES_FOLDER_MARK]);
  });

  it('refuses another machine’s empty folder, writing nothing into it', async () => {
    const first = await folder();
    await checkFilesFolder(database.db, first);
    const other = await folder();
    const refusal = checkFilesFolder(database.db, other);
    await expect(refusal).rejects.toBeInstanceOf(FilesFolderNotSharedError);
    await expect(refusal).rejects.toThrow(
      `文件目录 ${other} 不是本平台数据库所用的文件目录（其中没有本平台的标记文件）`,
    );
    await expect(refusal).rejects.toThrow(/共用同一个文件目录.*TUIJIE_FILES_DIR.*S3_BUCKET/);
    expect(await readdir(other)).toEqual([]);
  });

  it('refuses a folder marked for other data, and keeps both marks as they were', async () => {
    const first = await folder();
    await checkFilesFolder(database.db, first);
    const token = await storedToken();
    const other = await folder();
    await writeFile(path.join(other, FILES_FOLDER_MARK), 'a0d1b2c3-0000-4000-8000-000000000000\n');
    await expect(checkFilesFolder(database.db, other)).rejects.toThrow('其中的标记属于另一套数据');
    expect(await storedToken()).toBe(token);
    expect(await readFile(path.join(other, FILES_FOLDER_MARK), 'utf8')).toBe(
      'a0d1b2c3-0000-4000-8000-000000000000\n',
    );
  });

  it('takes a marked folder as the database’s own when the database knows none (a restore)', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, FILES_FOLDER_MARK), 'restored-folder-token\n');
    await checkFilesFolder(database.db, dir);
    expect(await storedToken()).toBe('restored-folder-token');
  });

  it('lets exactly one of two instances on a new database start, each with a folder of its own', async () => {
    const [a, b] = [await folder(), await folder()];
    const results = await Promise.allSettled([
      checkFilesFolder(database.db, a),
      checkFilesFolder(database.db, b),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results[0]!.status === 'fulfilled' ? a : b;
    expect(await storedToken()).toBe((await readFile(path.join(winner, FILES_FOLDER_MARK), 'utf8')).trim());
  });

  it('lets instances starting together on one shared folder all start, with one mark', async () => {
    const dir = await folder();
    await Promise.all(Array.from({ length: 4 }, () => checkFilesFolder(database.db, dir)));
    expect(await readdir(dir)).toEqual([FILES_FOLDER_MARK]);
    expect(await storedToken()).toBe((await readFile(path.join(dir, FILES_FOLDER_MARK), 'utf8')).trim());
  });

  it('stops `tuijie serve` on another folder with the reason and exit code 1', async () => {
    await checkFilesFolder(database.db, await folder());
    const other = await folder();
    const varDir = await folder();
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        ['src/cli/main.ts', 'serve'],
        {
          env: {
            ...process.env,
            DATABASE_URL: database.url,
            TUIJIE_VAR_DIR: varDir,
            TUIJIE_FILES_DIR: other,
            PORT: '0',
            LOG_LEVEL: 'warn',
          },
          timeout: 120_000,
        },
        (error, _out, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
      ),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`无法启动：文件目录 ${other} 不是本平台数据库所用的文件目录`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readdir(other)).toEqual([]);
  }, 150_000);
});
