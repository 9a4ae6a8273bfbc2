/**
 * Pick the start day and see the end day the server computes on the organiser's calendar, with the
 * holidays and 调休 days in the period named in the text; a year without calendar data is said as the server says it.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Space } from 'antd';
import dayjs from 'dayjs';
import { announcementPeriodFrom } from '#web/api/announcements.ts';

export function StartDayPicker({
  campaignId,
  value,
  onChange,
}: {
  campaignId: string;
  value: string;
  onChange: (day: string) => void;
}) {
  const period = useQuery({
    queryKey: ['announcement', campaignId, 'period', value],
    queryFn: () => announcementPeriodFrom(campaignId, value),
    retry: false,
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>公示开始日期</span>
        <DatePicker
          value={dayjs(value)}
          allowClear={false}
          format="YYYY年M月D日"
          inputReadOnly
          onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
        />
      </Space>
      {period.data && <Alert type="info" showIcon title={`公示期：${period.data.text}`} />}
      {period.error && <Alert type="error" showIcon title={period.error.message} />}
    </Space>
  );
}
