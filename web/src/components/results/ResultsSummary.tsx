/** The facts an approval rests on: the 公示 period, the objections and their outcome, the corrections, decisions so far. */
import { Alert, Descriptions, List, Space, Typography } from 'antd';
import { formatChineseDate } from '#core/calendar/format.ts';
import type { ResultsStatusResponse } from '#web/api/results.ts';
import { formatDateTime } from '#web/format.ts';

const day = (iso: string | null) => (iso ? formatChineseDate(iso) : '未定');

export function ResultsSummary({ status }: { status: ResultsStatusResponse }) {
  const { announcement, objections, corrections, approvals } = status;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {status.approvalRefusal && <Alert type="info" showIcon title={status.approvalRefusal} />}
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="活动状态">{status.campaign.statusLabel}</Descriptions.Item>
        <Descriptions.Item label="公示">
          {announcement
            ? `${announcement.stateLabel}（${day(announcement.startDay)}至${day(announcement.endDay)}）`
            : '尚未公示'}
        </Descriptions.Item>
        <Descriptions.Item label="异议">
          {objections.summary}
          {objections.open > 0 && `，其中 ${objections.open} 件尚未办结`}
        </Descriptions.Item>
        <Descriptions.Item label="名单">{status.counts}</Descriptions.Item>
      </Descriptions>
      {corrections.length > 0 && (
        <div>
          <Typography.Title level={5}>公示期间的更正</Typography.Title>
          <List
            size="small"
            dataSource={corrections}
            renderItem={(c) => (
              <List.Item>
                {formatChineseDate(c.day)}：{c.text}
              </List.Item>
            )}
          />
        </div>
      )}
      {approvals.length > 0 && (
        <div>
          <Typography.Title level={5}>审定记录</Typography.Title>
          <List
            size="small"
            dataSource={approvals}
            renderItem={(a) => (
              <List.Item>
                {formatDateTime(a.decidedAt)}　{a.decidedByName}
                {a.decision === 'approved' ? '审定通过' : '退回'}
                {a.reason && `：${a.reason}`}
              </List.Item>
            )}
          />
        </div>
      )}
    </Space>
  );
}
