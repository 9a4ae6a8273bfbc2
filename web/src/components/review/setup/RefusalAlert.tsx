/** Why the platform refused: its Chinese message and, when it sent them, each finding on its own line. */
import { Alert } from 'antd';
import { findingsOf } from '#web/api/campaigns.ts';
import { errorMessage } from '#web/lib/useShowError.ts';

export function RefusalAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  if (!error) return null;
  const findings = findingsOf(error);
  return (
    <Alert
      type="error"
      showIcon
      closable={onClose ? { onClose } : undefined}
      title={errorMessage(error)}
      description={
        findings.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {findings.map((f) => (
              <li key={`${f.code}:${f.field}:${f.message}`}>{f.message}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
