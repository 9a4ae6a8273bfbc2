/**
 * `tuijie check-id VALUE`: checks a 居民身份证号 and shows the birth date and sex it encodes.
 * A number typed with spaces may be given as several arguments; they are joined.
 */
import { parseArgs } from 'node:util';
import { formatChineseDate } from '../../core/calendar/format.ts';
import { parseIdNumber } from '../../core/identity/id-number.ts';
import { describeArgsError, formatFindings, printJson, printUsageError } from '../print-findings.ts';

export const summary = '校验居民身份证号，显示出生日期和性别';

const USAGE = '用法：tuijie check-id 身份证号 [--json]';
const SEX_LABELS = { male: '男', female: '女' } as const;

export async function run(args: string[]): Promise<number> {
  let parsed: { values: { json?: boolean; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (caught) {
    return printUsageError(describeArgsError(caught), USAGE);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length === 0) return printUsageError('请给出要校验的身份证号', USAGE);

  const input = parsed.positionals.join(' ');
  const result = parseIdNumber(input);
  if (parsed.values.json) {
    printJson({ input, ...result });
    return result.valid ? 0 : 1;
  }
  if (!result.valid) {
    console.log(`身份证号「${input}」无效：\n${formatFindings(result.findings)}`);
    return 1;
  }
  console.log(
    [
      `身份证号 ${result.normalised} 有效`,
      `出生日期：${formatChineseDate(result.birthDate!)}`,
      `性别：${SEX_LABELS[result.sex!]}`,
      `地区代码：${result.regionCode}`,
    ].join('\n'),
  );
  return 0;
}
