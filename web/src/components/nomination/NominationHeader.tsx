/**
 * The head of the 推介表 page: category and title, state tags, campaign and unit, deadline, and once
 * submitted the time and the content hash that fixes what was sent.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CampaignSummary } from '#web/api/campaigns.ts';
import type { Nomination } from '#web/api/nominations.ts';
import { formatDateTime } from '#web/format.ts';
import { displayTitle, NOMINATION_STATE_COLORS } from '#web/lib/nominationDisplay.ts';
import { useIsMobile } from '#web/lib/useIsMobile.ts';
import { DeadlineText } from '../campaign/DeadlineText.tsx';

export function NominationHeader({
  nomination,
  campaign,
  categoryLabel,
  organiser,
  extra,
}: {
  nomination: Nomination;
  campaign: CampaignSummary;
  categoryLabel: string;
  /** The organiser goes back to the campaign's overview, a unit to its own nominations. */
  organiser: boolean;
  /** Shown at the card's top right (the autosave status on wide screens). */
  extra: ReactNode;
}) {
  const isMobile = useIsMobile();
  return (
    <Card
      title={
        <Space size={8} style={{ minWidth: 0 }}>
          <Link
            to={`/campaigns/${campaign.id}?tab=${organiser ? 'overview' : 'mine'}`}
            aria-label="返回活动详情"
          >
            <ArrowLeftOutlined />
          </Link>
          <span>{categoryLabel}推介表</span>
        </Space>
      }
      extra={extra}
    >
      <Typography.Title level={isMobile ? 5 : 4} style={{ marginTop: 0 }}>
        {displayTitle(nomination)}
      </Typography.Title>
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        <Tag color={NOMINATION_STATE_COLORS[nomination.state]}>{nomination.stateLabel}</Tag>
        {nomination.lapsedAt && nomination.state === 'withdrawn' && (
          <Tag color="red">逾期未提交，视为自动放弃</Tag>
        )}
        <Tag>{categoryLabel}</Tag>
        {nomination.special && <Tag color="gold">{nomination.remark || '特别推介'}</Tag>}
        {nomination.rank !== null && <Tag>排序第 {nomination.rank} 位</Tag>}
      </Space>
      <div>
        <Typography.Text type="secondary">
          {campaign.title} · 报送单位：{nomination.unitName}
        </Typography.Text>
      </div>
      <div style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">报送截止：</Typography.Text>
        {/* The unit's own deadline: an extension moves it. */}
        <DeadlineText deadlineAt={nomination.deadline.at} open={campaign.status === 'open'} />
        {nomination.deadline.extended && <Tag color="blue">已延期</Tag>}
      </div>
      {nomination.submittedAt && (
        <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>
          <Typography.Text type="secondary">
            提交时间：{formatDateTime(nomination.submittedAt)}
            {nomination.contentHash && (
              <>
                {' '}
                · 内容校验码（SHA-256）：
                <Typography.Text code copyable={{ text: nomination.contentHash }} style={{ fontSize: 12 }}>
                  {nomination.contentHash.slice(0, 16)}…
                </Typography.Text>
              </>
            )}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
