/** 承诺事项: the unit confirms each condition of the notice, and the form's own promises, one box each. */
import { BorderOutlined, CheckSquareFilled } from '@ant-design/icons';
import { Checkbox, Typography } from 'antd';
import type { ReactNode } from 'react';
import { FieldItem, findingsAt, readPath, statusOf, useFormEditing } from './formContext.tsx';

/** One checkbox per condition of the notice (条件1–N), then the form's own confirmations. */
export function Attestations({
  conditions,
  confirmations,
}: {
  conditions: string[];
  confirmations: { path: string; label: string }[];
}) {
  const { form, set, findings, readOnly } = useFormEditing();
  const attested = readPath(form, 'attestations.conditions');
  const list = Array.isArray(attested) ? attested : [];
  const box = (path: string, checked: boolean, text: ReactNode) => {
    const here = findingsAt(findings, path);
    const status = statusOf(here);
    return (
      <div
        key={path}
        style={{
          padding: '8px 10px',
          marginBottom: 8,
          border: `1px solid ${status === 'error' ? '#ffccc7' : status === 'warning' ? '#ffe58f' : '#f0f0f0'}`,
          borderRadius: 6,
          background: checked ? '#f6ffed' : undefined,
        }}
      >
        <FieldItem label={null} path={path}>
          {readOnly ? (
            <span>
              {checked ? (
                <CheckSquareFilled style={{ color: '#52c41a', marginInlineEnd: 6 }} />
              ) : (
                <BorderOutlined style={{ color: '#bfbfbf', marginInlineEnd: 6 }} />
              )}
              {text}
              {!checked && <Typography.Text type="secondary">（未确认）</Typography.Text>}
            </span>
          ) : (
            <Checkbox
              checked={checked}
              onChange={(e) => set(path, e.target.checked)}
              style={{ alignItems: 'flex-start' }}
            >
              {text}
            </Checkbox>
          )}
        </FieldItem>
      </div>
    );
  };
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        以下条件由推介单位逐条核实后确认（对应通知中的推介条件）。
      </Typography.Paragraph>
      {conditions.map((condition, i) =>
        box(
          `attestations.conditions.${i}`,
          list[i] === true,
          // Conditions written as "条件1：…" in the rules keep their own number.
          /^条件\s*\d/.test(condition) ? (
            condition
          ) : (
            <span>
              <Typography.Text strong>条件{i + 1}：</Typography.Text>
              {condition}
            </span>
          ),
        ),
      )}
      {confirmations.map((c) => box(c.path, readPath(form, c.path) === true, c.label))}
    </>
  );
}
