/**
 * 异议处理: the objections to the campaign's 公示 with their working-day dues (late ones in red), and the
 * chosen one's handling below the list (a drawer would hide the list on a phone anyway).
 */
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { formatChineseDate as day } from '#core/calendar/format.ts';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { type ObjectionListItem, useObjections } from '#web/api/objections.ts';
import { PageLoading } from '../PageLoading.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../ResponsiveTable.tsx';
import { DuesText } from './DuesText.tsx';
import { ObjectionDetailView } from './ObjectionDetailView.tsx';

export function ObjectionsTab({ detail }: { detail: CampaignDetail }) {
  const campaignId = detail.campaign.id;
  const { data, isLoading, error } = useObjections(campaignId);
  const [params, setParams] = useSearchParams();
  const chosen = params.get('objection');
  const choose = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('objection', id);
    else next.delete('objection');
    setParams(next, { replace: true });
  };
  if (isLoading) return <PageLoading />;
  if (error || !data) return <Alert type="error" title="异议列表加载失败，请刷新后重试" />;

  const columns: ResponsiveColumn<ObjectionListItem>[] = [
    {
      key: 'entry',
      title: '异议对象',
      cardRole: 'title',
      render: (_: unknown, o) => (
        <Space size={4} wrap>
          <span>{o.entryName}</span>
          <Typography.Text type="secondary">{o.entryUnit}</Typography.Text>
          {o.entryRemoved && <Tag color="red">已移出公示名单</Tag>}
        </Space>
      ),
    },
    { key: 'receipt', title: '回执编号', dataIndex: 'receipt' },
    { key: 'kind', title: '异议人', dataIndex: 'objectorKindLabel' },
    { key: 'submittedAt', title: '收到时间', dataIndex: 'submittedAt' },
    {
      key: 'state',
      title: '办理状态',
      render: (_: unknown, o) => <Tag color={o.overdue.length > 0 ? 'red' : 'blue'}>{o.stateLabel}</Tag>,
    },
    { key: 'dues', title: '办理期限', render: (_: unknown, o) => <DuesText item={o} /> },
    {
      key: 'actions',
      title: '操作',
      cardRole: 'actions',
      render: (_: unknown, o) => (
        <Button type="link" onClick={() => choose(o.id)} aria-label={`办理对「${o.entryName}」的异议`}>
          办理
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {data.announcement ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {data.announcement.title}
          {data.announcement.startDay &&
            `（公示期${day(data.announcement.startDay)}至${data.announcement.endDay ? day(data.announcement.endDay) : ''}）`}
          。受理期限 2 个工作日，结论期限为受理后 10 个工作日，答复期限为结论后 5 个工作日，均按工作日历计算。
        </Typography.Paragraph>
      ) : (
        <Alert type="info" title="本活动尚未发布公示，暂无异议。" />
      )}
      <ResponsiveTable
        rowKey="id"
        columns={columns}
        dataSource={data.items}
        pagination={false}
        emptyText="公示期间尚未收到异议"
      />
      {chosen && <ObjectionDetailView id={chosen} campaignId={campaignId} onClose={() => choose(null)} />}
    </Space>
  );
}
