/**
 * The nomination's form as the round shows it to the expert: labels and values in the form's order,
 * long text as paragraphs, and the fields the round hides named, never silently blank.
 */
import { Alert, Typography } from 'antd';
import type { Category } from '#core/campaign/rules.ts';
import { PROJECT_LABELS, STAR_LABELS } from '#core/nomination/index.ts';
import { BLIND_FIELDS, type BlindField } from '#core/review/round-states.ts';

/** The unit's own promises are not the expert's to judge; the unit's opinion is, and stays. */
const SKIPPED = new Set(['attestations']);

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join('、');
  if (typeof value === 'object') return '';
  return String(value).trim();
}

interface Line {
  key: string;
  label: string;
  value: string;
}

/** The form's answers, flattened one level (measures.site …) and ordered as the labels list them. */
export function formLines(category: Category, form: Record<string, unknown>): Line[] {
  const labels: Record<string, string> = category === 'star' ? STAR_LABELS : PROJECT_LABELS;
  const lines: Line[] = [];
  for (const [key, label] of Object.entries(labels)) {
    if (SKIPPED.has(key.split('.')[0]!)) continue;
    const [head, tail] = key.split('.');
    const raw = tail ? (form[head!] as Record<string, unknown> | undefined)?.[tail] : form[key];
    if (!tail && raw && typeof raw === 'object' && !Array.isArray(raw)) continue;
    const value = text(raw);
    if (value !== '') lines.push({ key, label, value });
  }
  return lines;
}

export function hiddenNotice(hidden: readonly BlindField[]): string | null {
  if (hidden.length === 0) return null;
  return `本轮盲评，已隐去：${hidden.map((h) => BLIND_FIELDS[h]).join('、')}`;
}

export function ReviewedForm({
  category,
  form,
  unitName,
  hidden,
}: {
  category: Category;
  form: Record<string, unknown>;
  unitName: string | null;
  hidden: readonly BlindField[];
}) {
  const lines = formLines(category, form);
  const notice = hiddenNotice(hidden);
  return (
    <div>
      {notice && <Alert type="info" showIcon title={notice} style={{ marginBottom: 12 }} />}
      <dl className="review-form-lines">
        {unitName && (
          <div className="review-form-line">
            <dt>推荐单位</dt>
            <dd>{unitName}</dd>
          </div>
        )}
        {lines.map((line) => (
          <div key={line.key} className="review-form-line">
            <dt>{line.label}</dt>
            <dd>
              {line.value.split('\n').map((paragraph, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
                <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>
                  {paragraph}
                </Typography.Paragraph>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      {lines.length === 0 && <Typography.Text type="secondary">推介表内容为空。</Typography.Text>}
    </div>
  );
}
