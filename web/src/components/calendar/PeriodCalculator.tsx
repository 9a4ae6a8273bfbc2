/** 工作日计算: from a date, N working days on this organisation's calendar, counting the first day or not. */
import { useQuery } from '@tanstack/react-query';
import { DatePicker, InputNumber, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CalendarSettings } from '#core/calendar/index.ts';
import { workingPeriod } from '#web/api/calendar.ts';
import { useDebounced } from '#web/lib/useDebounced.ts';
import { PeriodResult } from './PeriodResult.tsx';

export function PeriodCalculator({
  initialFrom,
  settings,
}: {
  initialFrom: string;
  settings: CalendarSettings | null;
}) {
  const [from, setFrom] = useState(initialFrom);
  const [workdays, setWorkdays] = useState(5);
  const [countStart, setCountStart] = useState(true);
  const days = useDebounced(workdays, 300);
  const server = useQuery({
    queryKey: ['calendar', 'period', from, days, countStart],
    queryFn: () => workingPeriod(from, days, countStart),
    retry: false,
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size={[16, 8]}>
        <Space size={6}>
          <span>起始日期</span>
          <DatePicker
            aria-label="起始日期"
            value={dayjs(from)}
            allowClear={false}
            format="YYYY年M月D日"
            onChange={(d) => d && setFrom(d.format('YYYY-MM-DD'))}
          />
        </Space>
        <Space size={6}>
          <span>工作日数</span>
          <InputNumber
            aria-label="工作日数"
            min={1}
            max={366}
            precision={0}
            value={workdays}
            style={{ width: 90 }}
            onChange={(n) => typeof n === 'number' && setWorkdays(n)}
          />
        </Space>
        <Space size={6}>
          <Switch checked={countStart} onChange={setCountStart} aria-label="起始日为工作日时计入" />
          <span>起始日为工作日时计入</span>
        </Space>
      </Space>
      <PeriodResult
        from={from}
        workdays={days}
        countStart={countStart}
        settings={settings}
        server={{ end: server.data?.end, error: server.error, loading: server.isFetching }}
      />
    </Space>
  );
}
