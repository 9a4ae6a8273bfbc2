/** The working-day dues of an objection, the late ones in red and said in words (not by colour alone). */
import { Space, Typography } from 'antd';
import { formatChineseDate as day } from '#core/calendar/format.ts';
import type { ObjectionListItem } from '#web/api/objections.ts';

export function DuesText({ item }: { item: Pick<ObjectionListItem, 'dues' | 'overdue' | 'state'> }) {
  const { dues } = item;
  const lines = [
    dues.accept && item.state === 'received' ? `受理：${day(dues.accept)}前` : null,
    dues.conclude && ['investigating', 'upheld_proposed'].includes(item.state)
      ? `结论：${day(dues.conclude)}前`
      : null,
    dues.explanation && item.state === 'investigating' ? `单位说明：${day(dues.explanation)}前` : null,
    dues.reply &&
    item.state !== 'replied' &&
    !['received', 'investigating', 'upheld_proposed'].includes(item.state)
      ? `答复：${day(dues.reply)}前`
      : null,
  ].filter(Boolean);
  return (
    <Space orientation="vertical" size={0}>
      {lines.map((l) => (
        <Typography.Text key={l}>{l}</Typography.Text>
      ))}
      {item.overdue.map((o) => (
        <Typography.Text key={o} type="danger" strong>
          {o}
        </Typography.Text>
      ))}
    </Space>
  );
}
