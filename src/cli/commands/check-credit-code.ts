/**
 * `tuijie check-credit-code VALUE`: checks a 统一社会信用代码. Unlike the application, where a
 * check-character mismatch is a warning an organiser may override, this command exits 1 on any
 * finding: it answers "is this code exactly right?". So its JSON `valid` answers that same question
 * and agrees with the exit code; `wellFormed` says whether the platform would take the code (with the
 * warning for an organiser to override), which is core's notion of a valid code.
 */
import { parseCreditCode } from '#core/identity/credit-code.ts';
import { formatFindings, printJson } from '../print-findings.ts';
import { readValueArgs } from '../value-args.ts';

export const summary = '校验统一社会信用代码（含校验位）';

const USAGE = '用法：tuijie check-credit-code 统一社会信用代码 [--json]';

export async function run(args: string[]): Promise<number> {
  const read = readValueArgs(args, USAGE, '请给出要校验的统一社会信用代码');
  if (typeof read === 'number') return read;
  const { input, json } = read;
  const result = parseCreditCode(input);
  const exact = result.findings.length === 0;
  const exitCode = exact ? 0 : 1;
  if (json) {
    const { valid: wellFormed, ...rest } = result;
    printJson({ input, ...rest, valid: exact, wellFormed, province: result.regionCode?.slice(0, 2) });
    return exitCode;
  }
  if (exitCode === 0) {
    console.log(`统一社会信用代码 ${result.normalised} 有效\n登记机关行政区划代码：${result.regionCode}`);
    return 0;
  }
  const verdict = result.valid ? '有疑问（平台内为警告，组织方核实后可放行）' : '无效';
  console.log(`统一社会信用代码「${input}」${verdict}：\n${formatFindings(result.findings)}`);
  return 1;
}
