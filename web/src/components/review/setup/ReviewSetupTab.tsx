/**
 * 专家评审 (the organiser's side): the expert pool, the conflicts of interest, the review rounds and who
 * reviews what. One query for the overview; each part loads its own detail.
 */
import { Alert, Button, Result, Space, Statistic, Tabs } from 'antd';
import { useState } from 'react';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { useReviewSetup } from '#web/api/review-setup.ts';
import { PageLoading } from '#web/components/PageLoading.tsx';
import { errorMessage } from '#web/lib/useShowError.ts';
import { AssignmentPanel } from './AssignmentPanel.tsx';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { ExpertPoolPanel } from './ExpertPoolPanel.tsx';
import { RoundsPanel } from './RoundsPanel.tsx';

export function ReviewSetupTab({ detail }: { detail: CampaignDetail }) {
  const campaignId = detail.campaign.id;
  const { data: setup, isLoading, error, refetch } = useReviewSetup(campaignId);
  const [part, setPart] = useState('experts');
  if (isLoading) return <PageLoading />;
  if (error || !setup)
    return (
      <Result
        status="error"
        title="专家评审信息加载失败"
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => refetch()}>重试</Button>}
      />
    );
  const openRound = setup.rounds.find((r) => r.state === 'open');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Statistic title="评审专家" value={setup.experts.length} suffix="名" />
        <Statistic title="待评推介（学习之星）" value={setup.nominations.star} suffix="项" />
        <Statistic title="待评推介（品牌项目）" value={setup.nominations.project} suffix="项" />
        <Statistic title="回避情形" value={setup.conflicts.pairs} suffix="对" />
      </Space>
      {openRound && (
        <Alert
          type="info"
          showIcon
          title={`「${openRound.name}」正在评审：已提交 ${openRound.progress.submitted} / ${openRound.progress.assigned}`}
        />
      )}
      <Tabs
        activeKey={part}
        onChange={setPart}
        items={[
          {
            key: 'experts',
            label: `专家库（${setup.experts.length}）`,
            children: <ExpertPoolPanel campaignId={campaignId} setup={setup} />,
          },
          {
            key: 'conflicts',
            label: `回避情况（${setup.conflicts.pairs}）`,
            children: <ConflictsPanel campaignId={campaignId} setup={setup} />,
          },
          {
            key: 'rounds',
            label: `评审轮次（${setup.rounds.length}）`,
            children: <RoundsPanel campaignId={campaignId} setup={setup} />,
          },
          {
            key: 'assignment',
            label: '分配',
            children: <AssignmentPanel campaignId={campaignId} setup={setup} />,
          },
        ]}
      />
    </Space>
  );
}
