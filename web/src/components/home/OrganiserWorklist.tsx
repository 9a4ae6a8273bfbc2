/**
 * 待办 of an organiser, per campaign its organisation runs: nominations waiting for the formal check
 * (开始审查 opens the first, 下一条 goes on from there), drafts units asked it to look at, and the
 * stamped paper copies not posted, on their way or arrived short.
 */
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { OrganiserCampaignWork } from '#web/api/worklist.ts';
import { formatDateTime } from '#web/format.ts';

function CampaignWork({ c }: { c: OrganiserCampaignWork }) {
  const navigate = useNavigate();
  return (
    <Card size="small" type="inner">
      <div style={{ marginBottom: 8, overflowWrap: 'anywhere' }}>
        <Link to={`/campaigns/${c.campaignId}`} style={{ fontWeight: 600 }}>
          {c.title}
        </Link>
        <Tag style={{ marginInlineStart: 8 }}>{c.statusLabel}</Tag>
      </div>
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <Typography.Text strong>
            {c.awaitingCheck > 0 ? `待形式审查 ${c.awaitingCheck} 条` : '暂无待形式审查的推介'}
          </Typography.Text>
          {c.oldestSubmittedAt && (
            <Typography.Text type="secondary">
              最早一条提交于 {formatDateTime(c.oldestSubmittedAt)}
            </Typography.Text>
          )}
          {c.firstWaitingId && (
            <Button type="primary" size="small" onClick={() => navigate(`/nominations/${c.firstWaitingId}`)}>
              开始审查
            </Button>
          )}
          {c.awaitingCheck > 1 && (
            <Link to={`/campaigns/${c.campaignId}?tab=overview`}>在列表中批量通过</Link>
          )}
        </Space>
        {c.reviewRequests.length > 0 && (
          <div>
            <Typography.Text>报送单位请您查看的草稿：</Typography.Text>
            {c.reviewRequests.map((r, i) => (
              <span key={r.id}>
                {i > 0 && '、'}
                <Link to={`/nominations/${r.id}`}>
                  {r.title || '（未填写名称）'}（{r.unitName}）
                </Link>
              </span>
            ))}
          </div>
        )}
        {c.paper.notDispatched + c.paper.inTransit + c.paper.receivedWithProblems > 0 && (
          <Space wrap size={[8, 4]}>
            <Typography.Text>纸质材料：</Typography.Text>
            {c.paper.notDispatched > 0 && <Tag color="red">未寄送 {c.paper.notDispatched}</Tag>}
            {c.paper.inTransit > 0 && <Tag color="blue">待签收 {c.paper.inTransit}</Tag>}
            {c.paper.receivedWithProblems > 0 && (
              <Tag color="orange">需补寄 {c.paper.receivedWithProblems}</Tag>
            )}
            <Link to={`/campaigns/${c.campaignId}?tab=paper`}>查看</Link>
          </Space>
        )}
      </Space>
    </Card>
  );
}

export function OrganiserWorklist({ campaigns }: { campaigns: OrganiserCampaignWork[] }) {
  return (
    <Card size="small" title="组织工作待办">
      {campaigns.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本单位没有进行中的推介活动" />
      ) : (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          {campaigns.map((c) => (
            <CampaignWork key={c.campaignId} c={c} />
          ))}
        </Space>
      )}
    </Card>
  );
}
