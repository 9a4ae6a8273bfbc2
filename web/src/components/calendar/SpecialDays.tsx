/** The year's holidays and make-up working days as a list, grouped by holiday, from describeDay. */
import { Empty, Tag, Typography } from 'antd';
import { addDays, type CalendarDay, formatChineseWeekday, type WorkCalendar } from '#core/calendar/index.ts';

const short = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`;

/** Consecutive dates as ranges: 10月1日至10月8日、10月11日. */
function ranges(dates: string[]): string {
  const parts: string[] = [];
  let start = dates[0];
  let prev = dates[0];
  for (const date of [...dates.slice(1), '']) {
    if (prev && date === addDays(prev, 1)) {
      prev = date;
      continue;
    }
    if (start && prev) parts.push(start === prev ? short(start) : `${short(start)}至${short(prev)}`);
    start = date;
    prev = date;
  }
  return parts.join('、');
}

export function SpecialDays({ year, calendar }: { year: number; calendar: WorkCalendar }) {
  const groups = new Map<string, { holidays: string[]; workdays: CalendarDay[] }>();
  for (let date = `${year}-01-01`; date.startsWith(String(year)); date = addDays(date, 1)) {
    const described = calendar.describeDay(date);
    if (!described.ok) return null;
    const day = described.day;
    if (day.reason !== 'official-holiday' && day.reason !== 'official-workday') continue;
    const name = day.holiday ?? '节假日';
    const group = groups.get(name) ?? { holidays: [], workdays: [] };
    if (day.working) group.workdays.push(day);
    else group.holidays.push(date);
    groups.set(name, group);
  }
  if (groups.size === 0) return <Empty description="该年没有国务院发布的节假日安排" />;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {[...groups].map(([name, group]) => (
        <li key={name} style={{ marginBottom: 4 }}>
          <Typography.Text strong>{name}</Typography.Text>：{ranges(group.holidays)}放假
          {group.workdays.length > 0 && (
            <>
              ；
              {group.workdays.map((d) => (
                <Tag key={d.date} color="orange" style={{ marginInline: 2 }}>
                  {short(d.date)}（{formatChineseWeekday(d.date)}）上班
                </Tag>
              ))}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
