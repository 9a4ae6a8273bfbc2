import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readDataKeyFrom } from '#server/platform/backup/backup.ts';
import { BackupRefused } from '#server/platform/backup/manifest.ts';
import { restore } from '#server/platform/backup/restore.ts';
import { loadConfig } from '#server/platform/config.ts';
import { provisionDatabase } from '#server/platform/db/provision.ts';
import { keyFileIn } from '#server/platform/personal-data/data-keys.ts';
import { createStorage } from '#server/platform/storage/create-storage.ts';
import { describeArgsError, printUsageError } from '../print-findings.ts';

export const summary = '从备份恢复到空数据库（--from 目录）';

const usage = `用法：tuijie restore --from 目录
  --from 目录   tuijie backup 生成的备份目录；目标数据库须为空（新建的数据库，或尚无 var/pg 的内置数据库）`;

export async function run(args: string[]): Promise<number> {
  let values: { from?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { from: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (caught) {
    return printUsageError(describeArgsError(caught), usage);
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!values.from) return printUsageError('请用 --from 指定备份目录', usage);
  const from = path.resolve(values.from);
  const config = loadConfig();
  const database = await provisionDatabase(config);
  try {
    const { manifest, migrationsApplied } = await restore(
      database.url,
      await createStorage(config),
      from,
      (line) => console.log(line),
    );
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `\n恢复完成：${manifest.tables.length} 张表，${rows} 行；${manifest.storage.files.length} 个文件已校验`,
    );
    if (migrationsApplied.length) console.log(`  备份之后的新迁移已执行：${migrationsApplied.join('、')}`);
    console.log(await dataKeyNote(from, config.varDir, manifest.dataKey.keyIds));
    return 0;
  } catch (e) {
    if (e instanceof BackupRefused) {
      console.error(`恢复失败：${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await database.stop();
  }
}

/** Puts a key carried in the backup where the start looks for it, unless a key is already set there. */
async function dataKeyNote(from: string, varDir: string, keyIds: string[]): Promise<string> {
  const carried = await readDataKeyFrom(from);
  const file = keyFileIn(varDir);
  if (carried && !process.env.TUIJIE_DATA_KEY && !existsSync(file)) {
    await mkdir(varDir, { recursive: true, mode: 0o700 });
    await writeFile(file, carried, { mode: 0o600, flag: 'wx' });
    return `  备份中的个人信息加密密钥已放入 ${file}`;
  }
  if (keyIds.length === 0) return '  备份中没有加密的个人信息';
  return `  个人信息以密钥 ${keyIds.join('、')} 加密：启动前须设置原来的 TUIJIE_DATA_KEY（或放回原来的 var/data-key），否则平台会拒绝启动`;
}
