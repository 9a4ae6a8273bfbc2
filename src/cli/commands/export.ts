/**
 * `tuijie export --campaign ID [--unit ID] --out FILE.zip`: the submission package a unit or the
 * organiser would download, built on this machine by the same builder as the background job, with a
 * progress bar. For the operator burning the disc or USB stick the notices ask for.
 */
import { createWriteStream } from 'node:fs';
import { access, constants, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { recordAudit } from '#server/modules/audit/service.ts';
import { buildPackage, describePackageScope } from '#server/modules/documents/build-package.ts';
import { AppError } from '#server/platform/errors.ts';
import { hashingPassThrough } from '#server/platform/storage/hash-stream.ts';
import { describeArgsError, printUsageError } from '../print-findings.ts';
import { progressBar } from '../progress-bar.ts';
import { openRuntime } from '../runtime.ts';

export const summary = '导出提交包（ZIP）：推介表、登记表、材料与清单';

const USAGE = '用法：tuijie export --campaign 活动编号 [--unit 报送单位编号] --out 文件.zip';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function megabytes(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** A path the ZIP can be written to: its folder exists and is writable, and it is not a folder itself. */
async function writableProblem(out: string): Promise<string | undefined> {
  try {
    await access(path.dirname(out), constants.W_OK);
  } catch {
    return `无法写入「${out}」：所在目录不存在或没有写权限，请换一个路径。`;
  }
  try {
    const handle = await open(out, 'a');
    await handle.close();
  } catch (e) {
    return `无法写入「${out}」（${(e as NodeJS.ErrnoException).code ?? '错误'}），请换一个文件名或路径。`;
  }
  return undefined;
}

export async function run(args: string[]): Promise<number> {
  let values: { campaign?: string; unit?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        campaign: { type: 'string' },
        unit: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (caught) {
    return printUsageError(describeArgsError(caught), USAGE);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.campaign) return printUsageError('请用 --campaign 指定推介活动编号。', USAGE);
  if (!values.out) return printUsageError('请用 --out 指定要写入的 ZIP 文件。', USAGE);
  if (!UUID.test(values.campaign))
    return printUsageError(`活动编号「${values.campaign}」格式不正确。`, USAGE);
  if (values.unit !== undefined && !UUID.test(values.unit)) {
    return printUsageError(`报送单位编号「${values.unit}」格式不正确。`, USAGE);
  }
  const out = path.resolve(values.out);
  const existed = await access(out).then(
    () => true,
    () => false,
  );
  const problem = await writableProblem(out);
  if (problem) {
    console.error(problem);
    return 2;
  }
  if (!existed) await rm(out, { force: true });

  const runtime = await openRuntime();
  const partial = `${out}.part`;
  try {
    const scope = { campaignId: values.campaign, unitId: values.unit ?? null };
    const described = await describePackageScope(runtime.db, scope);
    console.error(`正在导出：${described.campaignTitle}（${described.unitName ?? '全部报送单位'}）`);
    const bar = progressBar('导出进度');
    const built = await buildPackage({ db: runtime.db, storage: runtime.storage }, scope, {
      sink: async (zip: Readable) => {
        const hashing = hashingPassThrough();
        await pipeline(zip, hashing.stream, createWriteStream(partial));
        return hashing.result();
      },
      onProgress: (done, total) => bar.update(done, total),
      now: runtime.clock.now(),
    });
    bar.finish();
    await rename(partial, out);
    await recordAudit(runtime.db, null, {
      action: 'package.exported',
      entityType: 'campaign',
      entityId: scope.campaignId,
      scopePath: described.organiserPath,
      after: { unitId: scope.unitId, out, bytes: built.bytes, sha256: built.sha256 },
    });
    console.log(`已写入 ${out}`);
    console.log(`大小：${built.bytes} 字节（${megabytes(built.bytes)}），共 ${built.files} 个文件`);
    console.log(`SHA-256：${built.sha256}`);
    if (built.missing > 0) console.log(`清单.csv 中列出了 ${built.missing} 项缺失或说明，请查看。`);
    return 0;
  } catch (e) {
    await rm(partial, { force: true });
    if (!existed) await rm(out, { force: true });
    if (e instanceof AppError && e.code === 'NOT_FOUND') {
      console.error(e.message);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'ENOSPC' || code === 'EROFS') {
      console.error(`写入「${out}」失败（${code}）：请检查磁盘空间和写权限。`);
      return 2;
    }
    throw e;
  } finally {
    await runtime.close();
  }
}
