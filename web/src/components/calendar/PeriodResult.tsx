/**
 * A working-day period as the server computed it, next to the same sum done in the browser by core's
 * createWorkCalendar (a preview that needs no round trip and shows each day and why it counts or not).
 * An unknown year is an error with the calendar's own Chinese explanation, never a Monday–Friday guess.
 */
import { Alert, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import {
  addDays,
  type CalendarSettings,
  createWorkCalendar,
  describeDayReason,
  formatCalendarDay,
  formatChineseDate,
  formatChineseWeekday,
} from '#core/calendar/index.ts';
import type { Finding } from '#core/findings.ts';
import { findingsOf } from '#web/api/campaigns.ts';
import { errorMessage } from '#web/lib/useShowError.ts';

interface Props {
  from: string;
  workdays: number;
  countStart: boolean;
  /** The organiser's overrides and confirmed years for the browser preview; official data only when absent. */
  settings: CalendarSettings | null;
  server: { end: string | undefined; error: unknown; loading: boolean };
}

function Problems({ findings }: { findings: Finding[] }) {
  return (
    <>
      {findings.map((f) => (
        <div key={`${f.code}:${f.message}`}>{f.message}</div>
      ))}
    </>
  );
}

export function PeriodResult({ from, workdays, countStart, settings, server }: Props) {
  const preview = useMemo(() => {
    try {
      const calendar = createWorkCalendar(settings ?? {});
      const result = calendar.addWorkingDays(from, workdays, { countStart });
      if (!result.ok) return { ok: false as const, findings: result.findings };
      const days = [];
      for (let date = from; date <= result.date; date = addDays(date, 1)) {
        const described = calendar.describeDay(date);
        if (described.ok) days.push(described.day);
      }
      const end = calendar.describeDay(result.date);
      return { ok: true as const, end: result.date, endText: end.ok ? formatCalendarDay(end.day) : '', days };
    } catch (error) {
      return {
        ok: false as const,
        findings: [
          {
            code: 'CALENDAR',
            severity: 'error',
            field: '',
            message: String((error as Error).message),
          } as Finding,
        ],
      };
    }
  }, [from, workdays, countStart, settings]);

  const serverFindings = findingsOf(server.error);
  const agrees = preview.ok && server.end !== undefined && preview.end === server.end;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Spin spinning={server.loading}>
        {server.error ? (
          <Alert
            type="error"
            showIcon
            title="无法计算"
            description={
              serverFindings.length > 0 ? <Problems findings={serverFindings} /> : errorMessage(server.error)
            }
          />
        ) : server.end ? (
          <Alert
            type="success"
            showIcon
            title={
              <span>
                {formatChineseDate(from)}起 {workdays} 个工作日，截至{' '}
                <Typography.Text strong>
                  {formatChineseDate(server.end)}（{formatChineseWeekday(server.end)}）
                </Typography.Text>
              </span>
            }
            description={`按组织方的工作日历计算（正式结果）；发布当天${countStart ? '为工作日时计入' : '不计入'}。`}
          />
        ) : null}
      </Spin>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'preview',
            label: '即时估算',
            children: preview.ok ? (
              <Space size={4} wrap>
                <span>截至 {preview.endText}</span>
                {server.end !== undefined &&
                  (agrees ? (
                    <Tag color="green">与正式结果一致</Tag>
                  ) : (
                    <Tag color="red">与正式结果不同，以正式结果为准</Tag>
                  ))}
              </Space>
            ) : (
              <Typography.Text type="danger">
                <Problems findings={preview.findings} />
              </Typography.Text>
            ),
          },
          {
            key: 'basis',
            label: '依据',
            children: settings
              ? '国务院节假日安排，以及本单位的日历调整'
              : '仅国务院节假日安排（组织方的日历调整只有组织方可见，以正式结果为准）',
          },
        ]}
      />
      {preview.ok && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
          {preview.days.map((day) => {
            const reason = describeDayReason(day);
            return (
              <Tag
                key={day.date}
                color={day.working ? (reason ? 'orange' : 'blue') : 'default'}
                style={{ marginInlineEnd: 0, opacity: day.working ? 1 : 0.7 }}
              >
                {Number(day.date.slice(5, 7))}月{Number(day.date.slice(8))}日{' '}
                {formatChineseWeekday(day.date).slice(2)}
                {reason ? ` · ${reason}` : ''}
                {day.working ? '' : '（不计）'}
              </Tag>
            );
          })}
        </div>
      )}
    </Space>
  );
}
