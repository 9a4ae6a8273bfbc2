/**
 * A month of activities as a calendar: seven columns, a day's activities counted on it; choosing a day
 * lists that day's below. Narrow screens keep the grid (counts only) and read the list.
 */
import { Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Activity } from '#web/api/activities.ts';
import { ActivityCard } from './ActivityCard.tsx';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
/** Read out, not shown. */
const HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export function MonthCalendar({
  month,
  onMonth,
  activities,
}: {
  /** 'YYYY-MM' */
  month: string;
  onMonth: (month: string) => void;
  activities: Activity[];
}) {
  const [day, setDay] = useState<string | null>(null);
  const first = dayjs(`${month}-01`);
  const lead = (first.day() + 6) % 7;
  const days = first.daysInMonth();
  const byDay = new Map<string, Activity[]>();
  for (const a of activities) byDay.set(a.occurredOn, [...(byDay.get(a.occurredOn) ?? []), a]);
  // The days of the previous month that fill the first week stay blank.
  const cells = Array.from({ length: lead + days }, (_, i) => ({
    iso: first.add(i - lead, 'day').format('YYYY-MM-DD'),
    inMonth: i >= lead,
  }));
  const shown = day ? (byDay.get(day) ?? []) : activities;
  const move = (n: number) => {
    setDay(null);
    onMonth(first.add(n, 'month').format('YYYY-MM'));
  };

  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button onClick={() => move(-1)}>上个月</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {first.format('YYYY年M月')}
        </Typography.Title>
        <Button onClick={() => move(1)}>下个月</Button>
      </Space>
      <section
        aria-label={`${first.format('YYYY年M月')}宣传活动日历`}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4, maxWidth: 720 }}
      >
        {WEEKDAYS.map((w) => (
          <div key={w} aria-hidden style={{ textAlign: 'center', fontWeight: 600 }}>
            {w}
          </div>
        ))}
        {cells.map(({ iso, inMonth }) => {
          if (!inMonth) return <div key={iso} />;
          const count = byDay.get(iso)?.length ?? 0;
          const chosen = day === iso;
          return (
            <button
              type="button"
              key={iso}
              aria-pressed={chosen}
              onClick={() => setDay(chosen ? null : iso)}
              style={{
                minHeight: 48,
                padding: 4,
                border: chosen ? '2px solid #1677ff' : '1px solid #d9d9d9',
                borderRadius: 4,
                background: count > 0 ? '#e6f4ff' : '#fff',
                color: '#1f1f1f',
                textAlign: 'left',
                position: 'relative',
                cursor: 'pointer',
              }}
            >
              {/* The name read out is the visible text with the month: 「12月6日 1次活动」. */}
              <div>
                <span style={HIDDEN}>{dayjs(iso).month() + 1}月</span>
                {dayjs(iso).date()}
                <span style={HIDDEN}>日</span>
              </div>
              {count > 0 ? (
                <div style={{ fontSize: 12, color: '#0958d9' }}>{count}次活动</div>
              ) : (
                <span style={HIDDEN}>无活动</span>
              )}
            </button>
          );
        })}
      </section>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {day ? `${dayjs(day).format('M月D日')}的活动` : '本月活动'}（{shown.length}）
      </Typography.Title>
      <Space direction="vertical" style={{ width: '100%' }}>
        {shown.map((a) => (
          <ActivityCard key={a.id} activity={a} showWinner />
        ))}
        {shown.length === 0 ? <Typography.Text type="secondary">没有登记的宣传活动。</Typography.Text> : null}
      </Space>
    </div>
  );
}
