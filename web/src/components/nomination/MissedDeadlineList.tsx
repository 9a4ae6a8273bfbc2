/**
 * 逾期未报送 (organiser, on 报送情况): the reporting units whose deadline (their extension included) has
 * passed with nominations left unsubmitted (withdrawn by the platform where the rules say 逾期视为自动放弃)
 * or with nothing submitted at all. Counts only: a draft is the unit's own work.
 */
import { Alert, Space, Tag, Typography } from 'antd';
import { CATEGORIES } from '#core/campaign/index.ts';
import type { CampaignRules } from '#core/campaign/rules.ts';
import { type MissedDeadlineUnit, useMissedDeadline } from '#web/api/deadlines.ts';
import { formatDateTime } from '#web/format.ts';
import { type ResponsiveColumn, ResponsiveTable } from '../ResponsiveTable.tsx';

export function MissedDeadlineList({ campaignId, rules }: { campaignId: string; rules: CampaignRules }) {
  const { data, isLoading } = useMissedDeadline(campaignId);
  if (isLoading || !data || data.length === 0) return null;
  const lapses = rules.submission.lateCountsAsWithdrawn;
  // Units with work left behind first, then those that reported nothing.
  const behind = (u: MissedDeadlineUnit) => u.lapsed.star + u.lapsed.project + u.unsubmitted;
  const units = [...data].sort((a, b) => behind(b) - behind(a));

  const columns: ResponsiveColumn<MissedDeadlineUnit>[] = [
    { key: 'unit', title: '报送单位', dataIndex: 'unitName', cardRole: 'title' },
    {
      key: 'deadline',
      title: '截止时间',
      dataIndex: 'deadlineAt',
      width: 220,
      render: (_: unknown, u: MissedDeadlineUnit) => (
        <Space size={4} wrap>
          <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(u.deadlineAt)}</span>
          {u.extended && <Tag color="blue">已延期</Tag>}
        </Space>
      ),
    },
    {
      key: 'unsubmitted',
      title: lapses ? '逾期未提交（视为自动放弃）' : '截止时未提交',
      dataIndex: 'lapsed',
      render: (_: unknown, u: MissedDeadlineUnit) => {
        const parts = CATEGORIES.filter((c) => u.lapsed[c] > 0).map(
          (c) => `${rules.categories[c].label} ${u.lapsed[c]} ${rules.categories[c].unit}`,
        );
        if (parts.length === 0 && u.unsubmitted === 0) return '—';
        return (
          <Space size={4} wrap>
            {parts.length > 0 && <Typography.Text type="danger">{parts.join('，')}</Typography.Text>}
            {u.unsubmitted > 0 && (
              <Tag color="orange">
                {parts.length > 0 ? '另有' : ''}
                {u.unsubmitted} 项{lapses ? '待按逾期处理' : '未提交'}
              </Tag>
            )}
          </Space>
        );
      },
    },
    {
      key: 'submitted',
      title: '按时提交',
      dataIndex: 'submitted',
      width: 110,
      render: (n: number) => (n > 0 ? `${n} 项` : <Typography.Text type="warning">未报送</Typography.Text>),
    },
  ];

  return (
    <Alert
      type="warning"
      showIcon
      title={`报送截止时间已过：${units.length} 个单位逾期未提交或未报送`}
      description={
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {lapses
              ? '截止时仍为草稿或退回修改未重新提交的推介，已按通知“逾期视为自动放弃”处理，不计入名额。'
              : '截止时仍为草稿或退回修改未重新提交的推介不能再提交。'}
            如有特殊情况，可在“延期”中为该单位延长截止时间，单位即可{lapses ? '恢复为草稿并' : '继续'}提交。
          </Typography.Text>
          <ResponsiveTable<MissedDeadlineUnit>
            rowKey="unitId"
            columns={columns}
            dataSource={units}
            scrollX={720}
            pagination={units.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          />
        </Space>
      }
    />
  );
}
