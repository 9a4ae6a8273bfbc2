import { describe, expect, it } from 'vitest';
import { formatCalendarDay, formatChineseDate, formatChineseWeekday } from './format.ts';
import { createWorkCalendar } from './work-calendar.ts';

describe('Chinese date formatting', () => {
  it.each([
    ['2024-04-10', '2024年4月10日'],
    ['2023-07-12', '2023年7月12日'],
    ['2026-10-01', '2026年10月1日'],
    ['0999-01-01', '999年1月1日'],
  ])('formats %s as %s', (iso, chinese) => {
    expect(formatChineseDate(iso)).toBe(chinese);
  });

  it('refuses a date that is not ISO', () => {
    expect(() => formatChineseDate('2024-4-10')).toThrow(RangeError);
    expect(() => formatChineseDate('2024-02-30')).toThrow(RangeError);
  });

  it('names the weekday', () => {
    expect(formatChineseWeekday('2024-04-10')).toBe('星期三');
    expect(formatChineseWeekday('2026-10-11')).toBe('星期日');
  });

  it.each([
    ['2026-10-10', '2026年10月10日（星期六，国庆节调休上班）'],
    ['2026-10-01', '2026年10月1日（星期四，国庆节放假）'],
    ['2025-10-06', '2025年10月6日（星期一，中秋节放假）'],
    ['2026-10-11', '2026年10月11日（星期日，休息日）'],
    ['2026-10-09', '2026年10月9日（星期五）'],
  ])('describes %s', (date, text) => {
    const described = createWorkCalendar().describeDay(date);
    if (!described.ok) throw new Error(described.findings[0]?.message);
    expect(formatCalendarDay(described.day)).toBe(text);
  });

  it('describes organiser adjustments', () => {
    const calendar = createWorkCalendar({
      overrides: [
        { date: '2026-09-30', kind: 'holiday' },
        { date: '2026-10-11', kind: 'workday' },
      ],
    });
    const holiday = calendar.describeDay('2026-09-30');
    const workday = calendar.describeDay('2026-10-11');
    if (!holiday.ok || !workday.ok) throw new Error('expected known days');
    expect(formatCalendarDay(holiday.day)).toBe('2026年9月30日（星期三，组织方调整为放假）');
    expect(formatCalendarDay(workday.day)).toBe('2026年10月11日（星期日，组织方调整为上班）');
  });
});
