/** 2024年4月10日 17:00, with "还剩 N 天" while the campaign takes submissions. */
import { Tag, Typography } from 'antd';
import { formatDateTime } from '#web/format.ts';
import { countdown } from '#web/lib/campaignDisplay.ts';

export function DeadlineText({ deadlineAt, open }: { deadlineAt: string | null; open: boolean }) {
  if (!deadlineAt) return <Typography.Text type="secondary">未设置</Typography.Text>;
  const left = open ? countdown(deadlineAt) : null;
  return (
    <span>
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(deadlineAt)}</span>
      {left && (
        <Tag color={left.passed ? 'default' : left.urgent ? 'red' : 'blue'} style={{ marginInlineStart: 8 }}>
          {left.text}
        </Tag>
      )}
    </span>
  );
}
