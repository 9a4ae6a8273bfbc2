/**
 * Every instance of one platform must read and write the same stored files: an upload taken by one is
 * checked, converted and downloaded through the others. With the disk store that means one shared folder
 * (NFS or the like). A folder is marked with a random token, kept in it and in the database: an instance
 * whose folder holds no token or another one is on another machine's folder, and does not start, rather
 * than answer 「文件不存在」 for half of the uploads.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/database.ts';

export const FILES_FOLDER_MARK = '.tuijie-files-folder';

/** A refusal the operator fixes (main.ts prints it without a stack). */
export class FilesFolderNotSharedError extends Error {
  readonly forOperator = true;
}

/** The folder's token, written once: the first of several instances starting together wins, the others read it. */
async function folderToken(filesDir: string): Promise<string> {
  await mkdir(filesDir, { recursive: true, mode: 0o700 });
  const mark = path.join(filesDir, FILES_FOLDER_MARK);
  const fresh = `${mark}.${randomUUID()}`;
  await writeFile(fresh, `${randomUUID()}\n`, { mode: 0o600 });
  try {
    // A hard link fails if the mark exists, so no instance overwrites a token another has read.
    await link(fresh, mark);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    await rm(fresh, { force: true });
  }
  return (await readFile(mark, 'utf8')).trim();
}

async function existingMark(filesDir: string): Promise<string | null> {
  try {
    return (await readFile(path.join(filesDir, FILES_FOLDER_MARK), 'utf8')).trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Marks the files folder for this database on its first start, and refuses a start on a folder that is not
 * the one the database's files are in.
 */
export async function checkFilesFolder(db: Db, filesDir: string): Promise<void> {
  const known = await db.selectFrom('filesFolder').select('token').executeTakeFirst();
  if (known) {
    const found = await existingMark(filesDir);
    if (found === known.token) return;
    throw new FilesFolderNotSharedError(
      `文件目录 ${filesDir} 不是本平台数据库所用的文件目录（${found ? '其中的标记属于另一套数据' : '其中没有本平台的标记文件'}）。` +
        '多台平台实例连接同一数据库时，须共用同一个文件目录（如 NFS 挂载，用 TUIJIE_FILES_DIR 指定）或改用对象存储（S3_BUCKET）；' +
        `如果是把文件目录整体迁移到了这里，请把原目录中的 ${FILES_FOLDER_MARK} 文件一并复制过来。`,
    );
  }
  const token = await folderToken(filesDir);
  await db
    .insertInto('filesFolder')
    .values({ token })
    .onConflict((oc) => oc.column('one').doNothing())
    .execute();
  // Two instances on a new database, each on a folder of its own: the one whose token was kept goes on.
  await checkFilesFolder(db, filesDir);
}
