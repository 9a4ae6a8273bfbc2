/**
 * `tuijie check-id VALUE`: checks a 居民身份证号 and shows the birth date and sex it encodes.
 * A number typed with spaces may be given as several arguments; they are joined.
 */
import { formatChineseDate } from '#core/calendar/format.ts';
import { todayInShanghai } from '#core/calendar/today.ts';
import { parseIdNumber } from '#core/identity/id-number.ts';
import { systemClock } from '#server/platform/clock.ts';
import { formatFindings, printJson } from '../print-findings.ts';
import { readValueArgs } from '../value-args.ts';

export const summary = '校验居民身份证号，显示出生日期和性别';

const USAGE = '用法：tuijie check-id 身份证号 [--json]';
const SEX_LABELS = { male: '男', female: '女' } as const;

export async function run(args: string[]): Promise<number> {
  const read = readValueArgs(args, USAGE, '请给出要校验的身份证号');
  if (typeof read === 'number') return read;
  const { input, json } = read;
  const result = parseIdNumber(input, todayInShanghai(systemClock.now()));
  if (json) {
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
