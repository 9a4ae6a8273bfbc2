/** Who reviews what: per nomination (its experts, their progress, who is recused) and per expert (load). */
import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { AssignmentRow, ExpertLoadRow } from '#web/api/review-setup.ts';
import { type ResponsiveColumn, ResponsiveTable } from '#web/components/ResponsiveTable.tsx';
import { loadText, PANEL_LABELS, REVIEW_STATE_LABELS } from './labels.ts';

const STATE_COLORS = { none: 'default', draft: 'processing', submitted: 'success' } as const;

export function NominationAssignments({
  rows,
  busy,
  onAdd,
  onRemove,
}: {
  rows: AssignmentRow[];
  busy: boolean;
  onAdd: (row: AssignmentRow) => void;
  onRemove: (row: AssignmentRow, expertId: string) => void;
}) {
  const columns: ResponsiveColumn<AssignmentRow>[] = [
    {
      key: 'title',
      title: '推介',
      cardRole: 'title',
      render: (_, r) => (
        <span>
          {r.title}
          <Typography.Text type="secondary">（{PANEL_LABELS[r.category]}）</Typography.Text>
        </span>
      ),
    },
    { key: 'unit', title: '报送单位', dataIndex: 'unitName' },
    { key: 'province', title: '省份', dataIndex: 'provinceName' },
    {
      key: 'count',
      title: '已分配',
      render: (_, r) =>
        r.experts.length < r.need ? (
          <Typography.Text type="danger">
            {r.experts.length} / {r.need}
          </Typography.Text>
        ) : (
          `${r.experts.length} / ${r.need}`
        ),
    },
    {
      key: 'experts',
      title: '评审专家',
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          {r.experts.map((e) => (
            <Tag key={e.expertId} color={STATE_COLORS[e.reviewState]}>
              {e.name} · {REVIEW_STATE_LABELS[e.reviewState]}
              {e.source === 'manual' ? ' · 手动' : ''}
              {e.reviewState !== 'submitted' && (
                <Popconfirm
                  title={`取消${e.name}对这项推介的评审？`}
                  okText="取消分配"
                  cancelText="保留"
                  onConfirm={() => onRemove(r, e.expertId)}
                >
                  <Button
                    type="text"
                    size="small"
                    icon={<CloseOutlined />}
                    aria-label={`取消${e.name}的评审`}
                    disabled={busy}
                    style={{ height: 16, width: 16, marginInlineStart: 4 }}
                  />
                </Popconfirm>
              )}
            </Tag>
          ))}
          {r.experts.length === 0 && <Typography.Text type="secondary">未分配</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'recused',
      title: '已回避',
      render: (_, r) => (r.recused.length === 0 ? '无' : r.recused.map((e) => e.name).join('、')),
    },
    {
      key: 'actions',
      title: '操作',
      cardRole: 'actions',
      render: (_, r) => (
        <Button size="small" icon={<PlusOutlined />} disabled={busy} onClick={() => onAdd(r)}>
          添加专家
        </Button>
      ),
    },
  ];
  return (
    <ResponsiveTable<AssignmentRow>
      rowKey="nominationId"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      scrollX={1000}
      emptyText="本轮还没有分配评审任务"
    />
  );
}

function loadStatus(row: ExpertLoadRow): 'low' | 'high' | 'ok' {
  if (row.load < row.minLoad) return 'low';
  if (row.maxLoad !== null && row.load > row.maxLoad) return 'high';
  return 'ok';
}

export function ExpertLoads({
  rows,
  onDownload,
  downloading,
}: {
  rows: ExpertLoadRow[];
  onDownload: (row: ExpertLoadRow) => void;
  downloading: string | null;
}) {
  const columns: ResponsiveColumn<ExpertLoadRow>[] = [
    { key: 'name', title: '专家', dataIndex: 'name', cardRole: 'title' },
    { key: 'province', title: '省份', dataIndex: 'provinceName' },
    {
      key: 'load',
      title: '评审量',
      render: (_, r) => {
        const status = loadStatus(r);
        const text = `${r.load} 项（应为 ${loadText(r.minLoad, r.maxLoad)}）`;
        if (status === 'ok') return text;
        return (
          <Typography.Text type="danger">
            {text}，{status === 'low' ? '不足' : '超出'}
          </Typography.Text>
        );
      },
    },
    { key: 'submitted', title: '已提交', render: (_, r) => `${r.submitted} / ${r.load}` },
    {
      key: 'actions',
      title: '评分表',
      cardRole: 'actions',
      render: (_, r) => (
        <Button size="small" loading={downloading === r.expertId} onClick={() => onDownload(r)}>
          下载评分表
        </Button>
      ),
    },
  ];
  return (
    <ResponsiveTable<ExpertLoadRow>
      rowKey="expertId"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      emptyText="本轮还没有专家"
    />
  );
}
