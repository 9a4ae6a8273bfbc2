/** 专家库: who reviews in this campaign, their panels and loads, and how many nominations each must avoid. */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { type PoolExpert, type ReviewSetup, removeExpert, reviewKey } from '#web/api/review-setup.ts';
import { type ResponsiveColumn, ResponsiveTable } from '#web/components/ResponsiveTable.tsx';
import { useShowError } from '#web/lib/useShowError.ts';
import { ExpertFormModal } from './ExpertFormModal.tsx';
import { ExpertImportModal } from './ExpertImportModal.tsx';
import { describeRelation, loadText, PANEL_LABELS } from './labels.ts';

export function ExpertPoolPanel({ campaignId, setup }: { campaignId: string; setup: ReviewSetup }) {
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<PoolExpert | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const reload = () => queryClient.invalidateQueries({ queryKey: reviewKey(campaignId) });
  const remove = useMutation({
    mutationFn: (expert: PoolExpert) => removeExpert(campaignId, expert.expertId),
    onSuccess: (_, expert) => {
      message.success(`已将${expert.name}移出专家库`);
      void reload();
    },
    onError: showError,
  });

  const columns: ResponsiveColumn<PoolExpert>[] = [
    {
      key: 'name',
      title: '姓名',
      cardRole: 'title',
      render: (_, e) => (
        <Space size={4} wrap>
          <span>{e.name}</span>
          {e.chairOf.map((c) => (
            <Tag key={c} color="gold">
              {PANEL_LABELS[c]}组长
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'employer',
      title: '工作单位',
      render: (_, e) => e.employerName || e.organisationName,
    },
    { key: 'province', title: '省份', dataIndex: 'provinceName' },
    { key: 'field', title: '专业领域', dataIndex: 'field' },
    {
      key: 'panels',
      title: '评审组',
      render: (_, e) => e.panels.map((p) => PANEL_LABELS[p]).join('、'),
    },
    { key: 'load', title: '评审量', render: (_, e) => loadText(e.minLoad, e.maxLoad) },
    {
      key: 'relations',
      title: '申报关系',
      render: (_, e) =>
        e.relations.length === 0 ? (
          '无'
        ) : (
          <Tooltip title={e.relations.map(describeRelation).join('；')}>
            <Typography.Link>{e.relations.length} 项</Typography.Link>
          </Tooltip>
        ),
    },
    { key: 'conflicts', title: '回避数', render: (_, e) => `${e.conflicts} 项` },
    {
      key: 'actions',
      title: '操作',
      cardRole: 'actions',
      render: (_, e) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => setEditing(e)}>
            编辑
          </Button>
          <Popconfirm
            title={`将${e.name}移出专家库？`}
            description="已分配给该专家的评审任务会一并取消；已提交的评审意见不能移出。"
            okText="移出"
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(e).catch(() => undefined)}
          >
            <Button
              size="small"
              danger
              loading={remove.isPending && remove.variables?.expertId === e.expertId}
            >
              移出
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          邀请专家
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          从表格导入
        </Button>
      </Space>
      <ResponsiveTable<PoolExpert>
        rowKey="expertId"
        columns={columns}
        dataSource={setup.experts}
        pagination={setup.experts.length > 20 ? { pageSize: 20 } : false}
        scrollX={1000}
        emptyText="专家库中还没有专家，请点击「邀请专家」或从表格导入"
      />
      {editing !== null && (
        <ExpertFormModal
          campaignId={campaignId}
          expert={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
      <ExpertImportModal
        campaignId={campaignId}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => void reload()}
      />
    </Space>
  );
}
