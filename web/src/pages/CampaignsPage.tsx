/**
 * 推介活动: every campaign the caller may see (their own as organiser, their parent's as a reporting
 * unit), with status, level, deadline and its countdown while open. Organiser admins start new ones.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CAMPAIGNS_KEY, type CampaignSummary, createCampaign, useCampaigns } from '../api/campaigns.ts';
import { can, useCurrentMe } from '../auth/useMe.ts';
import { CreateCampaignModal } from '../components/campaign/CreateCampaignModal.tsx';
import { DeadlineText } from '../components/campaign/DeadlineText.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { STATUS_COLORS } from '../lib/campaignDisplay.ts';
import { useShowError } from '../lib/useShowError.ts';

export default function CampaignsPage() {
  const me = useCurrentMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [creating, setCreating] = useState(false);
  const { data, isLoading } = useCampaigns();
  const campaigns = data ?? [];
  const own = campaigns.filter((c) => c.organiserId === me.organisation.id);

  const create = useMutation({
    mutationFn: createCampaign,
    onSuccess: (campaign) => {
      setCreating(false);
      void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
      message.success(`已发起「${campaign.title}」，请核对规则`);
      void navigate(`/campaigns/${campaign.id}`);
    },
    onError: showError,
  });

  const columns: ResponsiveColumn<CampaignSummary>[] = [
    {
      key: 'title',
      title: '活动名称',
      dataIndex: 'title',
      cardRole: 'title',
      render: (title: string, row) => (
        <Link to={`/campaigns/${row.id}`} style={{ whiteSpace: 'normal' }}>
          {title}
        </Link>
      ),
    },
    {
      key: 'status',
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (_, row) => <Tag color={STATUS_COLORS[row.status]}>{row.statusLabel}</Tag>,
    },
    {
      key: 'level',
      title: '级别',
      dataIndex: 'levelLabel',
      width: 80,
      render: (_, row) => `${row.year}年 · ${row.levelLabel}`,
    },
    { key: 'organiserName', title: '组织单位', dataIndex: 'organiserName', width: 160 },
    {
      key: 'deadline',
      title: '报送截止',
      dataIndex: 'deadlineAt',
      width: 250,
      render: (_, row) => <DeadlineText deadlineAt={row.deadlineAt} open={row.status === 'open'} />,
    },
    {
      key: 'rulesVersion',
      title: '规则版本',
      dataIndex: 'rulesVersion',
      width: 90,
      render: (v: number) => `第 ${v} 版`,
    },
    {
      key: 'actions',
      title: '操作',
      cardRole: 'actions',
      width: 90,
      render: (_, row) => (
        <Button type="link" size="small" onClick={() => navigate(`/campaigns/${row.id}`)}>
          {row.actions.includes('editRules') ? '管理' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title="推介活动"
      extra={
        can(me, 'campaigns.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            发起活动
          </Button>
        )
      }
    >
      {!isLoading && campaigns.length === 0 && (
        <Typography.Paragraph type="secondary">
          {can(me, 'campaigns.create')
            ? '还没有推介活动。点「发起活动」从内置通知模板或往年活动开始。'
            : '目前没有面向本单位的推介活动。上级组织单位开放报送后会显示在这里。'}
        </Typography.Paragraph>
      )}
      <ResponsiveTable<CampaignSummary>
        rowKey="id"
        columns={columns}
        dataSource={campaigns}
        loading={isLoading}
        scrollX={1000}
        pagination={campaigns.length > 20 ? { pageSize: 20 } : false}
        emptyText="暂无推介活动"
      />
      {can(me, 'campaigns.create') && (
        <CreateCampaignModal
          open={creating}
          ownCampaigns={own}
          saving={create.isPending}
          onSubmit={(input) => create.mutate(input)}
          onCancel={() => setCreating(false)}
        />
      )}
    </Card>
  );
}
