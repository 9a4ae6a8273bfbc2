/**
 * `tuijie check FILE --spec SPEC [--campaign ID] [--json]`: the same probes and the same verdict as an
 * upload, on a local file, so a unit can check its files before uploading. Without `--campaign` the
 * built-in national 2024 specs; with it, that campaign's own slots from the platform's database
 * (`star-photo`, `project-photo`, `video` or `<set>.<slotId>`, e.g. `star.idPhoto`).
 * Exit codes: 0 no error (warnings allowed), 1 at least one error, 2 the file cannot be read at all
 * (missing, empty, too large to read, damaged, not an image, video or document) or the command was
 * called wrongly.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { hasErrors } from '#core/findings.ts';
import { BUILTIN_SPEC_NAMES, builtinSpec } from '#core/materials/builtin-specs.ts';
import { judgeFile } from '#core/materials/judge-file.ts';
import { slotMaxBytes } from '#core/materials/limits.ts';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import { probeMaterial } from '#server/platform/media/probe-material.ts';
import { describeArgsError, formatFindings, printJson, printUsageError } from '../print-findings.ts';
import { campaignSlot } from './check-campaign.ts';
import { describeProbed } from './check-describe.ts';

export const summary = '按推介要求检查照片、视频或工作总结文件（格式、大小、分辨率、帧率、时长）';

const USAGE = [
  `用法：tuijie check 文件 --spec ${BUILTIN_SPEC_NAMES.join('|')} [--json]`,
  '      tuijie check 文件 --campaign 活动编号 --spec star-photo|project-photo|video|<材料组>.<材料项> [--json]',
].join('\n');

interface CheckArgs {
  file: string;
  spec: string;
  campaign?: string;
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
  if (positionals.length === 0) return printUsageError('请给出要检查的文件', USAGE);
  if (positionals.length > 1)
    return printUsageError(`多余的参数「${positionals[1]}」（一次检查一个文件）`, USAGE);
  if (!values.spec) return printUsageError(`请用 --spec 选择规格：${BUILTIN_SPEC_NAMES.join('、')}`, USAGE);
  return { file: positionals[0]!, spec: values.spec, campaign: values.campaign, json: values.json ?? false };
}

/** The slot to check against and how to name it, or the exit code of a usage problem already printed. */
async function resolveSlot(read: CheckArgs): Promise<{ slot: MaterialSlotSpec; title: string } | number> {
  if (read.campaign === undefined) {
    const slot = builtinSpec(read.spec);
    if (slot) return { slot, title: `${read.spec}（${slot.label}）` };
    return printUsageError(`未知规格「${read.spec}」，可用：${BUILTIN_SPEC_NAMES.join('、')}`, USAGE);
  }
  const resolved = await campaignSlot(read.campaign, read.spec);
  if ('problem' in resolved) return printUsageError(resolved.problem, USAGE);
  return { slot: resolved.slot, title: `${read.spec}（${resolved.slot.label}；${resolved.campaignTitle}）` };
}

export async function run(args: string[]): Promise<number> {
  const read = readArgs(args);
  if (typeof read === 'number') return read;
  const resolved = await resolveSlot(read);
  if (typeof resolved === 'number') return resolved;
  const { slot, title } = resolved;
  const name = basename(read.file);
  // The campaign's own cap when it sets one, as the upload check uses.
  const maxBytes = slotMaxBytes(slot);
  const probed = await probeMaterial(read.file, { maxBytes });
  const findings = judgeFile(probed, slot, { fileName: name, maxBytes });
  const exitCode = probed.kind === 'unreadable' ? 2 : hasErrors(findings) ? 1 : 0;
  if (read.json) {
    printJson({
      file: read.file,
      spec: read.spec,
      ...(read.campaign ? { campaign: read.campaign } : {}),
      probed,
      findings,
      ok: exitCode === 0,
    });
    return exitCode;
  }
  const verdict = exitCode === 0 ? '符合要求' : exitCode === 1 ? '不符合要求' : '无法读取';
  console.log(
    [`文件：${read.file}`, `规格：${title}`, ...describeProbed(probed), `结论：${verdict}`]
      .concat(findings.length > 0 ? ['', formatFindings(findings)] : [])
      .join('\n'),
  );
  return exitCode;
}
