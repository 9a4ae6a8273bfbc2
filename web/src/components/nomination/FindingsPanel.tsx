/**
 * Every finding about the 推介表 in one list, errors first; a click jumps to the field. Findings with no
 * input of their own (the whole record, previous winners) are only here.
 */
import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import type { Finding } from '#core/findings.ts';
import { submissionSummary } from '#core/nomination/submission-findings.ts';
import { fieldDomId } from './formContext.tsx';

const FOCUSABLE = [
  'input:not([readonly]):not([type="hidden"]):not([disabled])',
  'textarea:not([disabled])',
  '[role="combobox"]',
  'button:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

export function jumpTo(field: string): void {
  // The nearest rendered field: `attestations.conditions.2`, else `attestations.conditions`, …
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const element = document.getElementById(fieldDomId(parts.slice(0, n).join('.')));
    if (element) {
      element.scrollIntoView({ behavior: 'smooth', block: 'center' });
      // The field's own control takes the focus, so a keyboard user goes on typing where the finding points.
      element.querySelector<HTMLElement>(FOCUSABLE)?.focus({ preventScroll: true });
      return;
    }
  }
}

/** How a finding's text is coloured: an information line (severity info) only tells, it warns of nothing. */
export const textType = (f: Finding) =>
  f.severity === 'error' ? 'danger' : f.severity === 'warning' ? 'warning' : 'secondary';

/** The headline over the one submission list: the same words the server's refusal counts. */
export const summaryTitle = submissionSummary;

export function FindingsList({
  findings,
  max,
  onJump,
}: {
  findings: Finding[];
  max?: number;
  onJump?: () => void;
}) {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const shown = max ? sorted.slice(0, max) : sorted;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {shown.map((f) => (
        <li key={`${f.code}:${f.field}`} style={{ marginBottom: 2 }}>
          {f.field ? (
            // A real link to the field: reached with Tab, followed with Enter, like a click.
            <Typography.Link
              type={textType(f)}
              href={`#${fieldDomId(f.field)}`}
              onClick={(event) => {
                event.preventDefault();
                onJump?.();
                jumpTo(f.field);
              }}
              style={{ fontSize: 13 }}
            >
              {f.message}
            </Typography.Link>
          ) : (
            <Typography.Text type={textType(f)} style={{ fontSize: 13 }}>
              {f.message}
            </Typography.Text>
          )}
        </li>
      ))}
      {max && sorted.length > max && (
        <li>
          <Typography.Text type="secondary">另有 {sorted.length - max} 处……</Typography.Text>
        </li>
      )}
    </ul>
  );
}

export function FindingsSummary({
  findings,
  editable,
  onJump,
}: {
  findings: Finding[];
  editable: boolean;
  onJump?: () => void;
}) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const notes = findings.filter((f) => f.severity === 'info').length;
  if (findings.length === notes) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleFilled />}
        title={editable ? '检查通过，可以提交' : '检查未发现问题'}
        description={notes > 0 ? <FindingsList findings={findings} onJump={onJump} /> : undefined}
      />
    );
  }
  return (
    <Alert
      type={errors > 0 ? 'error' : 'warning'}
      showIcon
      title={editable ? summaryTitle(findings) : `检查发现 ${findings.length - notes} 处问题或提示`}
      description={
        <div style={{ maxHeight: 360, overflowY: 'auto' }}>
          <FindingsList findings={findings} onJump={onJump} />
        </div>
      }
    />
  );
}
