/**
 * The rubric the expert scores on: each criterion with its guidance, range and step (a row of score
 * buttons when there are few enough values to tap, a number box otherwise), the live total T, the
 * comment, the recommendation and the 特别推介 flag. Read-only once the review is submitted.
 */
import { Checkbox, Input, InputNumber, Radio, Space, Typography } from 'antd';
import type { Finding } from '#core/findings.ts';
import {
  RECOMMENDATIONS,
  type Recommendation,
  type Rubric,
  type RubricCriterion,
} from '#core/review/rubric.ts';
import { formatTotal, type ReviewContent } from './reviewContent.ts';

/** Up to this many possible scores are offered as buttons (0–10 in whole points is 11). */
const MAX_CHOICES = 11;

function choicesOf(c: RubricCriterion): number[] | null {
  const count = Math.round((c.max - c.min) / c.step) + 1;
  if (count > MAX_CHOICES) return null;
  return Array.from({ length: count }, (_, i) => Number((c.min + i * c.step).toFixed(4)));
}

function Criterion({
  criterion,
  value,
  finding,
  readOnly,
  onChange,
}: {
  criterion: RubricCriterion;
  value: number | null | undefined;
  finding: Finding | undefined;
  readOnly: boolean;
  onChange: (value: number | null) => void;
}) {
  const choices = choicesOf(criterion);
  const labelId = `criterion-${criterion.id}`;
  return (
    <div className="review-criterion" data-criterion={criterion.id}>
      <Typography.Text strong id={labelId}>
        {criterion.label}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {criterion.min}–{criterion.max} 分{criterion.step !== 1 ? `，以 ${criterion.step} 分为单位` : ''}
        ，权重 {criterion.weight}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px', fontSize: 13 }}>
        {criterion.guidance}
      </Typography.Paragraph>
      {choices ? (
        <Radio.Group
          className="review-score-choices"
          aria-labelledby={labelId}
          optionType="button"
          buttonStyle="solid"
          disabled={readOnly}
          value={value ?? null}
          onChange={(e) => onChange(e.target.value as number)}
          options={choices.map((v) => ({ value: v, label: String(v) }))}
        />
      ) : (
        <InputNumber
          aria-labelledby={labelId}
          min={criterion.min}
          max={criterion.max}
          step={criterion.step}
          disabled={readOnly}
          value={value ?? null}
          onChange={(v) => onChange(typeof v === 'number' ? v : null)}
          style={{ width: 140 }}
          addonAfter="分"
        />
      )}
      {finding && (
        <div>
          <Typography.Text type="danger">{finding.message}</Typography.Text>
        </div>
      )}
    </div>
  );
}

export function RubricForm({
  rubric,
  content,
  total,
  findings,
  specialLabel,
  readOnly,
  onChange,
}: {
  rubric: Rubric;
  content: ReviewContent;
  total: number | null;
  findings: readonly Finding[];
  specialLabel: string;
  readOnly: boolean;
  onChange: (update: Partial<ReviewContent>) => void;
}) {
  const byField = new Map(findings.map((f) => [f.field, f]));
  const commentFinding = byField.get('comment');
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 12 }}>
        <Typography.Text type="secondary">总分</Typography.Text>
        <span className="review-total" aria-live="polite" data-testid="review-total">
          {formatTotal(total)}
        </span>
        <Typography.Text type="secondary">（满分 100，按权重折算）</Typography.Text>
      </div>
      {rubric.criteria.map((criterion) => (
        <Criterion
          key={criterion.id}
          criterion={criterion}
          value={content.scores[criterion.id]}
          finding={byField.get(`scores.${criterion.id}`)}
          readOnly={readOnly}
          onChange={(value) => onChange({ scores: { ...content.scores, [criterion.id]: value } })}
        />
      ))}
      <Space orientation="vertical" size="small" style={{ width: '100%', marginTop: 12 }}>
        <label htmlFor="review-comment">
          <Typography.Text strong>评语</Typography.Text>
          {rubric.commentRequired && <Typography.Text type="secondary">（必填）</Typography.Text>}
        </label>
        <Input.TextArea
          id="review-comment"
          value={content.comment}
          readOnly={readOnly}
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={5000}
          status={commentFinding ? 'error' : undefined}
          placeholder="简要写明评分理由"
          onChange={(e) => onChange({ comment: e.target.value })}
        />
        {commentFinding && <Typography.Text type="danger">{commentFinding.message}</Typography.Text>}
        <Typography.Text strong id="review-recommendation">
          推荐意见
        </Typography.Text>
        <Radio.Group
          aria-labelledby="review-recommendation"
          optionType="button"
          disabled={readOnly}
          value={content.recommendation}
          onChange={(e) => onChange({ recommendation: e.target.value as Recommendation })}
          options={Object.entries(RECOMMENDATIONS).map(([value, label]) => ({ value, label }))}
        />
        {byField.get('recommendation') && (
          <Typography.Text type="danger">{byField.get('recommendation')!.message}</Typography.Text>
        )}
        <Checkbox
          checked={content.proposeSpecial}
          disabled={readOnly}
          onChange={(e) => onChange({ proposeSpecial: e.target.checked })}
        >
          建议列为“{specialLabel}”
        </Checkbox>
      </Space>
    </div>
  );
}
