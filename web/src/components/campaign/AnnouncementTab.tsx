/**
 * 公示期计算: pick the publication day, see when the 公示 ends by this campaign's rules (working days,
 * whether the first day counts) on the organiser's calendar, from the server and as a browser preview.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { todayInShanghai } from '#core/calendar/index.ts';
import { getCalendarYear } from '#web/api/calendar.ts';
import { announcementPeriod, type CampaignDetail, findingsOf } from '#web/api/campaigns.ts';
import { can, useCurrentMe } from '#web/auth/useMe.ts';
import { PeriodResult } from '../calendar/PeriodResult.tsx';

export function AnnouncementTab({ detail }: { detail: CampaignDetail }) {
  const { campaign, rules } = detail;
  const me = useCurrentMe();
  const [from, setFrom] = useState(todayInShanghai(new Date()));
  const { workingDays, startDay, venue } = rules.announcement;
  const countStart = startDay === 'counts_if_working_day';

  const server = useQuery({
    queryKey: ['campaigns', 'detail', campaign.id, 'announcement-period', from, workingDays, startDay],
    queryFn: () => announcementPeriod(campaign.id, from),
    retry: false,
    meta: { quietForbidden: true },
  });

  // The organiser's own calendar makes the preview exact; a period may run into the next year.
  const ownCalendar = can(me, 'calendar.manage') && me.organisation.id === campaign.organiserId;
  const year = Number(from.slice(0, 4));
  const calendars = useQueries({
    queries: [year, year + 1].map((y) => ({
      queryKey: ['calendar', y],
      queryFn: () => getCalendarYear(y),
      enabled: ownCalendar,
      meta: { quietForbidden: true },
    })),
  });
  const settings =
    ownCalendar && calendars.every((c) => c.data)
      ? {
          overrides: calendars.flatMap((c) => c.data!.overrides.map(({ date, kind }) => ({ date, kind }))),
          confirmedYears: calendars[0]!.data!.confirmedYears,
        }
      : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        本活动公示 <Typography.Text strong>{workingDays} 个工作日</Typography.Text>，发布当天
        {countStart ? '为工作日时计入' : '不计入'}，公示地点：{venue || '未填写'}。
      </Typography.Paragraph>
      <Space wrap>
        <span>公示发布日期</span>
        <DatePicker
          value={dayjs(from)}
          allowClear={false}
          format="YYYY年M月D日"
          onChange={(d) => d && setFrom(d.format('YYYY-MM-DD'))}
        />
      </Space>
      {ownCalendar && findingsOf(server.error).some((f) => f.code === 'CALENDAR_YEAR_UNKNOWN') && (
        <Link to={`/calendar?year=${year}`}>前往工作日历，确认{year}年的工作日安排</Link>
      )}
      <PeriodResult
        from={from}
        workdays={workingDays}
        countStart={countStart}
        settings={settings}
        server={{ end: server.data?.end, error: server.error, loading: server.isFetching }}
      />
    </Space>
  );
}
