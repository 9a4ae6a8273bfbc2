/**
 * Twelve small month grids for one year, coloured by core's describeDay: holidays, make-up working days
 * (调休上班) and the organiser's own adjustments. A year nobody published or confirmed is shown plain.
 */
import { Col, Row, Tooltip, Typography } from 'antd';
import { addDays, formatCalendarDay, type WorkCalendar, weekdayOf } from '#core/calendar/index.ts';
import { DESCRIPTION_TEXT } from '#web/theme.ts';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const HEAD = ['一', '二', '三', '四', '五', '六', '日'];

export const DAY_STYLES = {
  'official-holiday': { background: '#fff1f0', color: '#cf1322', label: '法定节假日' },
  'official-workday': { background: '#fff7e6', color: '#ad4e00', label: '调休上班' },
  'override-holiday': { background: '#f9f0ff', color: '#531dab', label: '组织方调整为放假' },
  'override-workday': { background: '#e6f4ff', color: '#0958d9', label: '组织方调整为上班' },
  weekend: { background: 'transparent', color: DESCRIPTION_TEXT, label: '周末' },
  weekday: { background: 'transparent', color: 'rgba(0,0,0,0.88)', label: '工作日' },
} as const;

function Month({ year, month, calendar }: { year: number; month: number; calendar: WorkCalendar }) {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const lead = (weekdayOf(first) + 6) % 7; // Monday first, as Chinese calendars print
  const days: string[] = [];
  for (let d = first; d.slice(0, 7) === first.slice(0, 7); d = addDays(d, 1)) days.push(d);
  return (
    <div>
      <Typography.Text strong>{month}月</Typography.Text>
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4, fontSize: 12 }}
      >
        {HEAD.map((h) => (
          <div key={h} style={{ textAlign: 'center', color: DESCRIPTION_TEXT }}>
            {h}
          </div>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: empty cells before the first day
          <div key={`lead-${i}`} />
        ))}
        {days.map((date) => {
          const described = calendar.describeDay(date);
          const day = described.ok ? described.day : null;
          const style = day ? DAY_STYLES[day.reason] : DAY_STYLES.weekday;
          const cell = (
            <div
              key={date}
              style={{
                textAlign: 'center',
                lineHeight: '22px',
                borderRadius: 4,
                background: style.background,
                color: day ? style.color : DESCRIPTION_TEXT,
                fontWeight: day && day.reason !== 'weekday' && day.reason !== 'weekend' ? 600 : 400,
              }}
            >
              {Number(date.slice(8))}
            </div>
          );
          return day && day.reason !== 'weekday' && day.reason !== 'weekend' ? (
            <Tooltip key={date} title={formatCalendarDay(day)}>
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
    </div>
  );
}

export function YearGrid({ year, calendar }: { year: number; calendar: WorkCalendar }) {
  return (
    <Row gutter={[16, 16]}>
      {MONTHS.map((month) => (
        <Col key={month} xs={12} md={8} xl={6}>
          <Month year={year} month={month} calendar={calendar} />
        </Col>
      ))}
    </Row>
  );
}
