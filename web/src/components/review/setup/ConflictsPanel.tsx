/**
 * 回避情况: every expert–nomination pair with a reason to recuse, why (in the rules' words), and what the
 * organiser dismissed. Filter by expert or nomination; 排除 a false positive with a reason.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Input, Result, Select, Space, Switch, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { UNDISMISSABLE } from '#core/review/conflicts.ts';
import { type ConflictPair, type ReviewSetup, reviewKey, useConflicts } from '#web/api/review-setup.ts';
import { type ResponsiveColumn, ResponsiveTable } from '#web/components/ResponsiveTable.tsx';
import { errorMessage } from '#web/lib/useShowError.ts';
import { DismissDialog } from './DismissDialog.tsx';
import { PANEL_LABELS } from './labels.ts';

const pairKey = (p: ConflictPair) => `${p.nominationId}:${p.expertId}`;

export function ConflictsPanel({ campaignId, setup }: { campaignId: string; setup: ReviewSetup }) {
  const queryClient = useQueryClient();
  const { data, isLoading, error, refetch } = useConflicts(campaignId);
  const [expertId, setExpertId] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [onlyActive, setOnlyActive] = useState(false);
  const [dismissing, setDismissing] = useState<ConflictPair | null>(null);

  const rows = useMemo(() => {
    const q = text.trim();
    return (data?.items ?? [])
      .filter((p) => !expertId || p.expertId === expertId)
      .filter((p) => !q || p.nominationTitle.includes(q) || p.unitName.includes(q))
      .filter((p) => !onlyActive || p.conflicted)
      .map((p) => ({ ...p, key: pairKey(p) }));
  }, [data, expertId, text, onlyActive]);

  if (error)
    return (
      <Result
        status="error"
        title="回避情况加载失败"
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => refetch()}>重试</Button>}
      />
    );

  const columns: ResponsiveColumn<ConflictPair & { key: string }>[] = [
    {
      key: 'nomination',
      title: '推介',
      cardRole: 'title',
      render: (_, p) => (
        <span>
          {p.nominationTitle}
          <Typography.Text type="secondary">（{PANEL_LABELS[p.category]}）</Typography.Text>
        </span>
      ),
    },
    { key: 'unit', title: '报送单位', dataIndex: 'unitName', width: 140 },
    { key: 'expert', title: '专家', dataIndex: 'expertName', width: 96 },
    {
      key: 'reasons',
      title: '回避原因',
      render: (_, p) => (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {p.reasons.map((r) => (
            <li key={r.code}>{r.message}</li>
          ))}
          {p.dismissed.map((r) => (
            <li key={`d-${r.code}`}>
              <Typography.Text delete type="secondary">
                {r.message}
              </Typography.Text>
              <Typography.Text type="secondary">（已排除：{r.dismissal ?? '未写理由'}）</Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'state',
      title: '结果',
      render: (_, p) => (p.conflicted ? <Tag color="red">须回避</Tag> : <Tag color="green">已排除</Tag>),
    },
    {
      key: 'actions',
      title: '操作',
      cardRole: 'actions',
      render: (_, p) => {
        const dismissable = p.reasons.some((r) => !UNDISMISSABLE.has(r.code));
        if (!dismissable && p.reasons.length > 0)
          return <Typography.Text type="secondary">专家本人或推介单位申请的回避，不能排除</Typography.Text>;
        return dismissable ? (
          <Button size="small" onClick={() => setDismissing(p)}>
            排除
          </Button>
        ) : null;
      },
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        回避情形在邀请专家、推介受理和单位申请回避时自动计算；须回避的专家看不到该推介，其他人看到“已回避”。
      </Typography.Text>
      <Space wrap>
        <Select
          allowClear
          placeholder="按专家筛选"
          aria-label="按专家筛选"
          style={{ width: 200 }}
          value={expertId}
          onChange={setExpertId}
          showSearch={{ optionFilterProp: 'label' }}
          options={setup.experts.map((e) => ({ value: e.expertId, label: e.name }))}
        />
        <Input.Search
          allowClear
          placeholder="推介名称或报送单位"
          aria-label="按推介名称或报送单位查找"
          style={{ width: 240 }}
          onSearch={setText}
          onChange={(e) => e.target.value === '' && setText('')}
        />
        <Space size={4}>
          <Switch checked={onlyActive} onChange={setOnlyActive} aria-label="只看须回避的" />
          <span>只看须回避的</span>
        </Space>
      </Space>
      <ResponsiveTable
        rowKey="key"
        columns={columns}
        dataSource={rows}
        loading={isLoading}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scrollX={960}
        emptyText="没有回避情形"
      />
      <DismissDialog
        campaignId={campaignId}
        pair={dismissing}
        onClose={() => setDismissing(null)}
        onDone={() => {
          setDismissing(null);
          void queryClient.invalidateQueries({ queryKey: reviewKey(campaignId) });
        }}
      />
    </Space>
  );
}
