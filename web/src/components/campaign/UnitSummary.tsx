/**
 * What a reporting unit needs first: its own quota (its override, else its type's), the deadline with
 * any extension it was given, and whether the rules changed after reporting opened.
 */
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { CATEGORIES, effectiveQuota, formatRange, isOrganisationType } from '#core/campaign/index.ts';
import type { Me } from '#core/contract/auth.ts';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { formatDateTime } from '#web/format.ts';
import { DESCRIPTION_TEXT } from '#web/theme.ts';
import { DeadlineText } from './DeadlineText.tsx';

export function UnitSummary({
  detail,
  me,
  onShowHistory,
}: {
  detail: CampaignDetail;
  me: Me;
  onShowHistory: () => void;
}) {
  const { rules, campaign, history, extensions } = detail;
  const override = rules.quotas.unitOverrides[me.organisation.id];
  const mine = extensions.find((e) => e.organisationId === me.organisation.id);
  const changedAfterOpening = history.filter((h) => h.afterOpening && h.changes.length > 0);
  const latest = changedAfterOpening.sort((a, b) => b.rulesVersion - a.rulesVersion)[0];

  return (
    <Card size="small" title={`本单位（${me.organisation.name}）`}>
      {latest && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`活动规则在开放报送后变更过 ${changedAfterOpening.length} 次，最近一次为第 ${latest.rulesVersion} 版（${formatDateTime(latest.changedAt)}）`}
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {latest.changes.slice(0, 5).map((c) => (
                  <li key={c.path}>{c.message}</li>
                ))}
              </ul>
              <Typography.Link onClick={onShowHistory}>查看全部变更记录</Typography.Link>
            </>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        {CATEGORIES.map((category) => {
          const info = rules.categories[category];
          const type = me.organisation.type;
          // A unit whose stored type the rules do not know has only its own override.
          const quota = isOrganisationType(type)
            ? effectiveQuota(rules, type, override, category)
            : (override?.[category] ?? null);
          const special = rules.specialPicks[category];
          return (
            <Col key={category} xs={24} sm={12} lg={8}>
              <Statistic
                title={`${info.label}名额`}
                value={quota ? formatRange(quota) : '未分配'}
                suffix={quota ? info.unit : undefined}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {quota ? `上限为硬性限制；少于${quota.min}${info.unit}会提示。` : '请联系组织单位。'}
                {special > 0 && `另可推介${special}${info.unit}“${info.specialLabel}”。`}
                {override?.[category] && '（本单位单独设置）'}
              </Typography.Text>
            </Col>
          );
        })}
        <Col xs={24} lg={8}>
          <div style={{ color: DESCRIPTION_TEXT, marginBottom: 4 }}>材料报送截止（北京时间）</div>
          {mine ? (
            <>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {formatDateTime(mine.until)}
              </Typography.Text>
              <div>
                <Typography.Text type="success">本单位已获延期：{mine.reason}</Typography.Text>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                原截止：{campaign.deadlineAt ? formatDateTime(campaign.deadlineAt) : '未设置'}
              </Typography.Text>
            </>
          ) : (
            <div style={{ fontSize: 18 }}>
              <DeadlineText deadlineAt={campaign.deadlineAt} open={campaign.status === 'open'} />
            </div>
          )}
          {rules.submission.lateCountsAsWithdrawn && (
            <div>
              <Typography.Text type="danger" style={{ fontSize: 12 }}>
                逾期视为自动放弃。
              </Typography.Text>
            </div>
          )}
        </Col>
      </Row>
    </Card>
  );
}
