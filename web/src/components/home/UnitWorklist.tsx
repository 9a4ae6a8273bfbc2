/**
 * 待办 of a reporting unit's clerk: nominations the organiser returned (with its reason), deadlines
 * coming near with what is still unsubmitted, extensions granted, and paper copies still to post.
 */
import { Card, Empty, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { UnitWorklist as UnitWork } from '#web/api/worklist.ts';
import { formatDateTime } from '#web/format.ts';

function Section({ title, color, children }: { title: string; color: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Tag color={color} style={{ marginBottom: 4 }}>
        {title}
      </Tag>
      {children}
    </div>
  );
}

export function UnitWorklist({ work }: { work: UnitWork }) {
  const empty =
    work.returned.length + work.deadlines.length + work.extensions.length + work.paper.length === 0;
  return (
    <Card size="small" title="本单位待办">
      {empty && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待办事项" />}
      {work.returned.length > 0 && (
        <Section title={`退回待修改（${work.returned.length}）`} color="red">
          <List
            size="small"
            dataSource={work.returned}
            renderItem={(r) => (
              <List.Item style={{ display: 'block' }}>
                <Link to={`/nominations/${r.nominationId}`}>{r.title || '（未填写名称）'}</Link>
                <Typography.Text type="secondary"> · {r.campaignTitle}</Typography.Text>
                <div style={{ overflowWrap: 'anywhere' }}>
                  <Typography.Text type="danger">退回原因：{r.reason || '（未写原因）'}</Typography.Text>
                </div>
              </List.Item>
            )}
          />
        </Section>
      )}
      {work.deadlines.length > 0 && (
        <Section title="截止临近" color="orange">
          <List
            size="small"
            dataSource={work.deadlines}
            renderItem={(d) => (
              <List.Item style={{ display: 'block' }}>
                <Link to={`/campaigns/${d.campaignId}`}>{d.campaignTitle}</Link>
                <div>
                  {d.extended ? '延期后截止' : '截止'}：{formatDateTime(d.until)}
                  <Tag color={d.daysLeft <= 3 ? 'red' : 'orange'} style={{ marginInlineStart: 8 }}>
                    还剩 {d.daysLeft} 天
                  </Tag>
                </div>
                {d.drafts + d.returned > 0 && (
                  <Typography.Text type="secondary">
                    尚未提交：
                    {[d.drafts > 0 && `草稿 ${d.drafts} 条`, d.returned > 0 && `退回修改 ${d.returned} 条`]
                      .filter(Boolean)
                      .join('，')}
                  </Typography.Text>
                )}
              </List.Item>
            )}
          />
        </Section>
      )}
      {work.extensions.length > 0 && (
        <Section title="已获延期" color="green">
          <List
            size="small"
            dataSource={work.extensions}
            renderItem={(e) => (
              <List.Item style={{ display: 'block' }}>
                <Link to={`/campaigns/${e.campaignId}`}>{e.campaignTitle}</Link>
                <div>
                  延期至 {formatDateTime(e.until)}
                  <Typography.Text type="secondary">（{e.reason}）</Typography.Text>
                </div>
              </List.Item>
            )}
          />
        </Section>
      )}
      {work.paper.length > 0 && (
        <Section title="纸质材料" color="blue">
          <List
            size="small"
            dataSource={work.paper}
            renderItem={(p) => (
              <List.Item style={{ display: 'block' }}>
                <Link to={`/campaigns/${p.campaignId}?tab=paper`}>{p.campaignTitle}</Link>
                <div>
                  {p.standing === 'not_dispatched'
                    ? '盖章纸质材料尚未登记寄送'
                    : `需补寄：${p.problems.join('；')}`}
                </div>
              </List.Item>
            )}
          />
        </Section>
      )}
    </Card>
  );
}
