/**
 * 审定: the approver's page. Campaigns between 公示 and 审定, those awaiting a decision first; one chosen
 * shows the facts (period, objections and their outcome, corrections), the final list, and the decision.
 */
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useApprovals, useResultsStatus } from '#web/api/results.ts';
import { PageLoading } from '../PageLoading.tsx';
import { ApprovalDecision } from './ApprovalDecision.tsx';
import { ResultList } from './ResultList.tsx';
import { ResultsSummary } from './ResultsSummary.tsx';

function Chosen({ campaignId }: { campaignId: string }) {
  const { data: status, isLoading, error } = useResultsStatus(campaignId);
  if (isLoading) return <PageLoading />;
  if (error || !status) return <Alert type="error" title="该活动的审定情况暂时无法读取，请稍后重试" />;
  return (
    <Card title={status.campaign.title}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <ResultsSummary status={status} />
        <ApprovalDecision status={status} />
        <div>
          <Typography.Title level={5}>拟推介名单</Typography.Title>
          <ResultList sections={status.sections} />
        </div>
      </Space>
    </Card>
  );
}

export default function ApprovalsPage() {
  const { data, isLoading, error } = useApprovals();
  const [params] = useSearchParams();
  const chosen = params.get('campaign');
  if (isLoading) return <PageLoading />;
  if (error || !data) return <Alert type="error" title="待审定的活动暂时无法读取，请稍后重试" />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3}>审定</Typography.Title>
      <Card size="small">
        {data.items.length === 0 ? (
          <Empty description="目前没有公示中的推介活动" />
        ) : (
          <List
            dataSource={data.items}
            renderItem={(c) => (
              <List.Item>
                <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                  <Link to={`/approvals?campaign=${c.id}`}>{c.title}</Link>
                  <span>
                    {c.organiserName}　
                    {c.awaiting ? <Tag color="orange">待审定</Tag> : <Tag>{c.statusLabel}</Tag>}
                  </span>
                  {c.approvalRefusal && (
                    <Typography.Text type="secondary">{c.approvalRefusal}</Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {chosen && <Chosen campaignId={chosen} />}
    </Space>
  );
}
