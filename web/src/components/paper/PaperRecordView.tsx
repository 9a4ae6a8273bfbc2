/** What is recorded of one unit's parcel: the dispatch, the stamped scan, the receipt and what it found. */
import { Descriptions, Space, Tag, Typography } from 'antd';
import type { PaperUnit } from '#web/api/paper.ts';
import { chineseDay } from './paperDisplay.ts';

const yesNo = (value: boolean | null, yes: string, no: string, none = '未说明') =>
  value === null ? none : value ? yes : no;

export function PaperRecordView({ unit }: { unit: PaperUnit }) {
  const { dispatch, scan, receipt, requirement } = unit;
  const items = [
    {
      key: 'dispatch',
      label: '寄送',
      children: dispatch ? (
        <Space size={[4, 0]} wrap>
          <span>
            {dispatch.courier} {dispatch.trackingNumber}
          </span>
          <span>{chineseDay(dispatch.dispatchedOn)}寄出</span>
          {dispatch.late && <Tag color="orange">晚于截止日期</Tag>}
        </Space>
      ) : (
        <Typography.Text type="secondary">未登记</Typography.Text>
      ),
    },
    {
      key: 'scan',
      label: '盖章扫描件',
      children: scan ? (
        <a href={scan.url} target="_blank" rel="noreferrer">
          {scan.fileName}
        </a>
      ) : (
        <Typography.Text type="secondary">未上传</Typography.Text>
      ),
    },
  ];
  if (receipt) {
    items.push({
      key: 'receipt',
      label: '签收',
      children: (
        <Space orientation="vertical" size={2}>
          <span>
            {chineseDay(receipt.receivedOn)}签收，收到 {receipt.copiesReceived} 份（应为一式{' '}
            {requirement.copies} 份），{receipt.sealPresent ? '已盖章' : '未盖章'}
            {requirement.disc && `，光盘或U盘${yesNo(receipt.discReadable, '可以读取', '无法读取')}`}
          </span>
          {receipt.note && <Typography.Text type="secondary">备注：{receipt.note}</Typography.Text>}
          {receipt.problems.map((p) => (
            <Typography.Text key={p} type="danger">
              {p}
            </Typography.Text>
          ))}
        </Space>
      ),
    });
  }
  return <Descriptions size="small" column={1} items={items} />;
}
