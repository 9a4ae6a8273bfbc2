/**
 * 专家评审 (the organiser's side): the expert pool, the conflicts of interest, the review rounds and who
 * reviews what. One query for the overview; each part loads its own detail.
 */
import { Alert, Button, Result, Segmented, Space, Statistic, Tabs } from 'antd';
import { useState } from 'react';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { type ReviewSetup, useReviewSetup } from '#web/api/review-setup.ts';
import { PageLoading } from '#web/components/PageLoading.tsx';
import { useIsMobile } from '#web/lib/useIsMobile.ts';
import { errorMessage } from '#web/lib/useShowError.ts';
import { AssignmentPanel } from './AssignmentPanel.tsx';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { ExpertPoolPanel } from './ExpertPoolPanel.tsx';
import { RoundsPanel } from './RoundsPanel.tsx';

const partsOf = (campaignId: string, setup: ReviewSetup) => [
  {
    key: 'experts',
    short: '专家库',
    label: `专家库（${setup.experts.length}）`,
    children: <ExpertPoolPanel campaignId={campaignId} setup={setup} />,
  },
  {
    key: 'conflicts',
    short: '回避',
    label: `回避情况（${setup.conflicts.pairs}）`,
    children: <ConflictsPanel campaignId={campaignId} setup={setup} />,
  },
  {
    key: 'rounds',
    short: '轮次',
    label: `评审轮次（${setup.rounds.length}）`,
    children: <RoundsPanel campaignId={campaignId} setup={setup} />,
  },
  {
    key: 'assignment',
    short: '分配',
    label: '分配',
    children: <AssignmentPanel campaignId={campaignId} setup={setup} />,
  },
];

export function ReviewSetupTab({ detail }: { detail: CampaignDetail }) {
  const campaignId = detail.campaign.id;
  const { data: setup, isLoading, error, refetch } = useReviewSetup(campaignId);
  const [part, setPart] = useState('experts');
  const isMobile = useIsMobile();
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
  const parts = partsOf(campaignId, setup);
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
      {isMobile ? (
        // Four nested tabs do not fit a phone's width; a segmented switch keeps every part in sight.
        <>
          <Segmented
            block
            value={part}
            onChange={(v) => setPart(String(v))}
            options={parts.map((p) => ({ value: p.key, label: p.short }))}
          />
          {parts.find((p) => p.key === part)?.children}
        </>
      ) : (
        <Tabs activeKey={part} onChange={setPart} items={parts.map(({ short: _, ...tab }) => tab)} />
      )}
    </Space>
  );
}
