/**
 * `tuijie check FILE --spec star-photo|project-photo|video [--json]`: the same probes and the same
 * verdict as an upload, on a local file, so a unit can check its files before uploading.
 * Exit codes: 0 no error (warnings allowed), 1 at least one error, 2 the file cannot be read at all
 * (missing, empty, too large to read, damaged, not an image or video) or the command was called wrongly.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors } from '../../core/findings.ts';
import { BUILTIN_SPEC_NAMES, builtinSpec } from '../../core/materials/builtin-specs.ts';
import { checkMaterial } from '../../core/materials/check-material.ts';
import { checkFileName } from '../../core/materials/file-name.ts';
import { MAX_BYTES } from '../../core/materials/limits.ts';
import { probeFile } from '../../server/platform/media/probe-file.ts';
import { describeArgsError, formatFindings, printJson, printUsageError } from '../print-findings.ts';
import { describeProbed } from './check-describe.ts';

export const summary = '按推介要求检查照片或视频文件（格式、大小、分辨率、帧率、时长）';

const USAGE = `用法：tuijie check 文件 --spec ${BUILTIN_SPEC_NAMES.join('|')} [--json]`;

interface CheckArgs {
  file: string;
  spec: string;
  json: boolean;
}

function readArgs(args: string[]): CheckArgs | number {
  let parsed: {
    values: { spec?: string; campaign?: string; json?: boolean; help?: boolean };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        spec: { type: 'string' },
        campaign: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (caught) {
    return printUsageError(describeArgsError(caught), USAGE);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.campaign !== undefined) {
    return printUsageError(
      `--campaign 需要连接推介平台的数据库，命令行暂不支持。请用 --spec 选择内置规格（2024年全国推介要求），或登录平台上传后查看检查结果。`,
      USAGE,
    );
  }
  if (positionals.length === 0) return printUsageError('请给出要检查的文件', USAGE);
  if (positionals.length > 1)
    return printUsageError(`多余的参数「${positionals[1]}」（一次检查一个文件）`, USAGE);
  if (!values.spec) return printUsageError(`请用 --spec 选择规格：${BUILTIN_SPEC_NAMES.join('、')}`, USAGE);
  return { file: positionals[0]!, spec: values.spec, json: values.json ?? false };
}

export async function run(args: string[]): Promise<number> {
  const read = readArgs(args);
  if (typeof read === 'number') return read;
  const slot = builtinSpec(read.spec);
  if (!slot) {
    return printUsageError(`未知规格「${read.spec}」，可用：${BUILTIN_SPEC_NAMES.join('、')}`, USAGE);
  }
  const name = basename(read.file);
  const probed = await probeFile(read.file, { maxBytes: MAX_BYTES[slot.kind] });
  const findings = [...checkFileName(name), ...checkMaterial(probed, slot, { fileName: name })];
  const exitCode = probed.kind === 'unreadable' ? 2 : hasErrors(findings) ? 1 : 0;
  if (read.json) {
    printJson({ file: read.file, spec: read.spec, probed, findings, ok: exitCode === 0 });
    return exitCode;
  }
  const verdict = exitCode === 0 ? '符合要求' : exitCode === 1 ? '不符合要求' : '无法读取';
  console.log(
    [
      `文件：${read.file}`,
      `规格：${read.spec}（${slot.label}）`,
      ...describeProbed(probed),
      `结论：${verdict}`,
    ]
      .concat(findings.length > 0 ? ['', formatFindings(findings)] : [])
      .join('\n'),
  );
  return exitCode;
}
