/**
 * `tuijie calendar --from 2026-09-29 --workdays 5`: the last day of a period of working days on the
 * official calendar (State Council schedule), e.g. the end of a 公示. Organiser adjustments live in
 * the database and are not applied here, so a year without a published schedule is refused.
 */
import { parseArgs } from 'node:util';
import { formatCalendarDay, formatChineseDate, formatChineseWeekday } from '#core/calendar/format.ts';
import { type CalendarResult, createWorkCalendar } from '#core/calendar/work-calendar.ts';
import { error, type Finding } from '#core/findings.ts';
import { describeArgsError, formatFindings, printJson, printUsageError } from '../print-findings.ts';

export const summary = '按国务院节假日安排计算：从某日起第 N 个工作日（如公示期截止日）';

const USAGE = '用法：tuijie calendar --from YYYY-MM-DD --workdays N [--exclude-start] [--json]';

export async function run(args: string[]): Promise<number> {
  let values: { from?: string; workdays?: string; 'exclude-start'?: boolean; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        from: { type: 'string' },
        workdays: { type: 'string' },
        'exclude-start': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (caught) {
    return printUsageError(describeArgsError(caught), USAGE);
  }
  if (values.help) {
    console.log(
      `${USAGE}\n  --exclude-start  起始日不计入（默认：起始日为工作日时算第1天）\n  --json           以 JSON 输出`,
    );
    return 0;
  }
  if (values.from === undefined || values.workdays === undefined) {
    return printUsageError('请用 --from 指定起始日期，用 --workdays 指定工作日天数', USAGE);
  }

  const { from } = values;
  const countStart = !values['exclude-start'];
  const calendar = createWorkCalendar();
  // Only plain digits are a count: Number() would also read '', ' 5 ' and '0x10'.
  const workdays = /^\d+$/.test(values.workdays) ? Number(values.workdays) : undefined;
  const result: CalendarResult<{ date: string }> =
    workdays === undefined
      ? { ok: false, findings: [notACount(values.workdays)] }
      : calendar.addWorkingDays(from, workdays, { countStart });
  const echo = { from, workdays: workdays ?? values.workdays, countStart };

  if (values.json) {
    printJson(result.ok ? { ...echo, end: result.date } : { ...echo, findings: result.findings });
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    console.log(`无法计算：\n${formatFindings(result.findings)}`);
    return 1;
  }
  const end = calendar.describeDay(result.date);
  const endText = end.ok ? formatCalendarDay(end.day) : formatChineseDate(result.date);
  const startText = `${formatChineseDate(from)}（${formatChineseWeekday(from)}）`;
  console.log(`从${startText}起（${countStart ? '含' : '不含'}当日），第${workdays}个工作日为：${endText}`);
  return 0;
}

function notACount(value: string): Finding {
  return error('WORKDAYS_INVALID', 'workdays', `工作日天数应为正整数，实为「${value}」，请填写如 5`);
}
