/** What 「检查回避」 found: each nomination the candidate would be recused from, and why. */
import { Alert, List, Typography } from 'antd';
import type { CheckResult } from '#web/api/review-setup.ts';
import { PANEL_LABELS } from './labels.ts';

export function ConflictCheckResult({ result, name }: { result: CheckResult; name: string }) {
  const { conflicts } = result;
  if (conflicts.length === 0)
    return <Alert type="success" showIcon title={`${name || '该专家'}与本活动已受理的推介均无回避情形`} />;
  return (
    <Alert
      type="warning"
      showIcon
      title={`${name || '该专家'}须回避 ${conflicts.length} 项推介`}
      description={
        <List
          size="small"
          dataSource={conflicts}
          pagination={conflicts.length > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(c) => (
            <List.Item style={{ display: 'block', paddingInline: 0 }}>
              <Typography.Text strong>{c.nominationTitle}</Typography.Text>
              <Typography.Text type="secondary">
                （{PANEL_LABELS[c.category]}，{c.unitName}）
              </Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {c.reasons.map((r) => (
                  <li key={r.code}>{r.message}</li>
                ))}
              </ul>
            </List.Item>
          )}
        />
      }
    />
  );
}
