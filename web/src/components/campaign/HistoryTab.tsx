/** 变更记录: every saved version of the rules, newest first; changes after opening are marked for units. */
import { Empty, Tag, Timeline, Typography } from 'antd';
import type { RulesHistoryEntry } from '#web/api/campaigns.ts';
import { formatDateTime } from '#web/format.ts';

export function HistoryTab({ history }: { history: RulesHistoryEntry[] }) {
  const entries = [...history].sort((a, b) => b.rulesVersion - a.rulesVersion);
  if (entries.length === 0) return <Empty description="暂无变更记录" />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={entries.map((entry) => ({
        key: entry.rulesVersion,
        color: entry.afterOpening ? 'orange' : 'blue',
        content: (
          <div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
              <Typography.Text strong>第 {entry.rulesVersion} 版</Typography.Text>
              {entry.afterOpening && <Tag color="orange">开放报送后变更</Tag>}
              <Typography.Text type="secondary">
                {formatDateTime(entry.changedAt)}
                {entry.changedBy ? ` · ${entry.changedBy}` : ''}
              </Typography.Text>
            </div>
            {entry.changes.length === 0 ? (
              <Typography.Text type="secondary">
                {entry.rulesVersion === 1 ? '活动创建时的规则' : '无内容变化'}
              </Typography.Text>
            ) : (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {entry.changes.map((c) => (
                  <li key={c.path}>{c.message}</li>
                ))}
              </ul>
            )}
          </div>
        ),
      }))}
    />
  );
}
