/**
 * What every section of the rules editor shares: the draft being edited, a way to change it, the live
 * findings from core's validateCampaignRules, and whether the viewer may edit at all. Sections render
 * plain text when read-only, so units and experts read the same layout the organiser edits.
 */
import { Form, InputNumber, Typography } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import type { CampaignRules } from '#core/campaign/index.ts';
import type { Finding } from '#core/findings.ts';

export interface RulesEditing {
  rules: CampaignRules;
  /** Applies a change to a copy of the draft (never to the saved rules). */
  edit: (change: (draft: CampaignRules) => void) => void;
  findings: Finding[];
  readOnly: boolean;
}

export const RulesContext = createContext<RulesEditing | null>(null);

export function useRules(): RulesEditing {
  const value = useContext(RulesContext);
  if (!value) throw new Error('useRules 只能在规则编辑器中使用');
  return value;
}

/** Findings about `field` or anything below it (`quotas.byUnitType.city_edu` covers its `.star.min`). */
export function findingsAt(findings: Finding[], field: string): Finding[] {
  return findings.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
}

/** The outline an input at `field` gets: red for an error, orange for a warning. */
export function statusAt(findings: Finding[], field: string): 'error' | 'warning' | undefined {
  const here = findingsAt(findings, field);
  if (here.some((f) => f.severity === 'error')) return 'error';
  return here.length > 0 ? 'warning' : undefined;
}

export function FindingText({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <>
      {findings.map((f) => (
        <div key={`${f.code}:${f.field}`}>
          <Typography.Text type={f.severity === 'error' ? 'danger' : 'warning'} style={{ fontSize: 12 }}>
            {f.message}
          </Typography.Text>
        </div>
      ))}
    </>
  );
}

/**
 * A labelled field with the findings at `field` as its help text. The red/orange outline goes on the
 * exact inputs (Num, RangeInput) rather than on the whole item, which would outline every input in a group.
 * `exact`: only findings at `field` itself, for groups whose rows show their own findings.
 */
export function RuleItem({
  label,
  field,
  extra,
  exact = false,
  children,
}: {
  label: ReactNode;
  field: string;
  extra?: ReactNode;
  exact?: boolean;
  children: ReactNode;
}) {
  const { findings } = useRules();
  const here = exact ? findings.filter((f) => f.field === field) : findingsAt(findings, field);
  return (
    <Form.Item
      label={label}
      help={here.length > 0 ? <FindingText findings={here} /> : undefined}
      extra={extra}
      style={{ marginBottom: 12 }}
    >
      {children}
    </Form.Item>
  );
}

/**
 * A whole number input, or the number as text when read-only. Empty input keeps the old value. `label`
 * names it for screen readers: these inputs sit in rows of several, under one visible heading.
 */
export function Num({
  label,
  value,
  onChange,
  min = 0,
  suffix,
  width = 88,
  status,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number) => void;
  min?: number;
  suffix?: string;
  width?: number;
  status?: 'error' | 'warning';
}) {
  const { readOnly } = useRules();
  if (readOnly) {
    return (
      <Typography.Text strong>
        {value ?? '—'}
        {suffix}
      </Typography.Text>
    );
  }
  return (
    <InputNumber
      aria-label={label}
      size="small"
      value={value}
      min={min}
      precision={0}
      status={status}
      suffix={suffix}
      style={{ width }}
      onChange={(next) => {
        if (typeof next === 'number') onChange(next);
      }}
    />
  );
}

/** min 至 max, two numbers side by side; the pair's status comes from the findings at `field`. */
export function RangeInput({
  label,
  value,
  onChange,
  field,
  unit,
  min = 0,
}: {
  label: string;
  value: { min: number; max: number };
  onChange: (value: { min: number; max: number }) => void;
  field: string;
  unit?: string;
  min?: number;
}) {
  const { findings, readOnly } = useRules();
  const statusOf = (path: string) => {
    const here = [...findingsAt(findings, path), ...findings.filter((f) => f.field === field)];
    return statusAt(here, path) ?? statusAt(here, field);
  };
  if (readOnly) {
    return (
      <Typography.Text strong>
        {value.min === value.max ? value.min : `${value.min}至${value.max}`}
        {unit}
      </Typography.Text>
    );
  }
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <Num
        label={`${label}（最少）`}
        value={value.min}
        min={min}
        width={64}
        status={statusOf(`${field}.min`)}
        onChange={(n) => onChange({ ...value, min: n })}
      />
      <span>至</span>
      <Num
        label={`${label}（最多）`}
        value={value.max}
        min={min}
        width={64}
        status={statusOf(`${field}.max`)}
        onChange={(n) => onChange({ ...value, max: n })}
      />
      {unit && <span>{unit}</span>}
    </span>
  );
}
