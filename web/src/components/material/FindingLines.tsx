/** Findings as plain lines, errors first, each one the full Chinese sentence: measured, required, what to do. */
import { CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import type { Finding } from '#core/findings.ts';

export function FindingLines({ findings, waived = [] }: { findings: Finding[]; waived?: string[] }) {
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {sorted.map((f) => {
        const isWaived = waived.includes(f.code);
        const error = f.severity === 'error' && !isWaived;
        return (
          <li
            key={`${f.code}:${f.field}:${f.message}`}
            style={{ display: 'flex', gap: 6, alignItems: 'baseline', marginTop: 2, fontSize: 13 }}
          >
            {error ? (
              <CloseCircleFilled style={{ color: '#ff4d4f', flex: 'none' }} />
            ) : (
              <ExclamationCircleFilled style={{ color: isWaived ? '#bfbfbf' : '#faad14', flex: 'none' }} />
            )}
            <Typography.Text type={error ? 'danger' : isWaived ? 'secondary' : undefined} delete={isWaived}>
              {f.message}
            </Typography.Text>
            {isWaived && <Typography.Text type="secondary">（已豁免）</Typography.Text>}
          </li>
        );
      })}
    </ul>
  );
}
