import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backUp } from '#server/platform/backup/backup.ts';
import { BackupRefused } from '#server/platform/backup/manifest.ts';
import { clockFromEnv } from '#server/platform/clock.ts';
import { loadConfig } from '#server/platform/config.ts';
import { provisionDatabase } from '#server/platform/db/provision.ts';
import { keyFileIn } from '#server/platform/personal-data/data-keys.ts';
import { createStorage } from '#server/platform/storage/create-storage.ts';
import { describeArgsError, printUsageError } from '../print-findings.ts';

export const summary = '备份数据库与文件（--out 目录）';

const usage = `用法：tuijie backup --out 目录 [--with-data-key] [--manifest-only]
  --out 目录          备份写入的新目录（须不存在或为空）
  --with-data-key     把个人信息加密密钥一并放入备份（备份目录随之成为机密，须与密钥同等保管）
  --manifest-only     仅用于 S3 存储：文件留在存储桶中，只记录清单与 SHA-256，不复制`;

/** The current personal-data key as the start would load it: the environment, else the var directory's file. */
async function currentDataKey(varDir: string): Promise<string | null> {
  const fromEnv = process.env.TUIJIE_DATA_KEY?.trim();
  if (fromEnv) return `${fromEnv}\n`;
  const file = keyFileIn(varDir);
  return existsSync(file) ? readFile(file, 'utf8') : null;
}

export async function run(args: string[]): Promise<number> {
  let values: { out?: string; 'with-data-key'?: boolean; 'manifest-only'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        'with-data-key': { type: 'boolean' },
        'manifest-only': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (caught) {
    return printUsageError(describeArgsError(caught), usage);
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!values.out) return printUsageError('请用 --out 指定备份目录', usage);
  const config = loadConfig();
  if (values['manifest-only'] && !config.s3)
    return printUsageError('--manifest-only 只用于 S3 存储；本地磁盘存储的文件须复制进备份', usage);
  const out = path.resolve(values.out);
  const database = await provisionDatabase(config);
  try {
    const dataKey = values['with-data-key'] ? await currentDataKey(config.varDir) : null;
    if (values['with-data-key'] && !dataKey)
      return printUsageError('找不到个人信息加密密钥，无法放入备份', usage);
    const manifest = await backUp(database.url, await createStorage(config), out, {
      copyFiles: !values['manifest-only'],
      dataKey,
      now: clockFromEnv(process.env.TUIJIE_CLOCK).now(),
      log: (line) => console.log(line),
    });
    const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `\n备份完成：${out}\n  ${manifest.tables.length} 张表，${rows} 行；${manifest.storage.files.length} 个文件${manifest.storage.copied ? '已复制并校验' : '已记录清单（未复制，仍在存储桶中）'}`,
    );
    console.log(
      manifest.dataKey.included
        ? '  注意：备份中含个人信息加密密钥，拿到备份即可读取身份证号、电话：请按机密材料保管。'
        : '  注意：个人信息加密密钥不在备份中。请另行妥善保存 TUIJIE_DATA_KEY（或 var/data-key）：没有它，恢复后的身份证号、电话等无法读取。',
    );
    return 0;
  } catch (e) {
    if (e instanceof BackupRefused) {
      console.error(`备份失败：${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await database.stop();
  }
}
