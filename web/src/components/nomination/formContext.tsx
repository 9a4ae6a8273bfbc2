/**
 * What every input of the 推介表 shares: the form being edited, a way to change one field by its path,
 * the findings (each finding's `field` is a form path such as `attestations.conditions.2`), and whether
 * the viewer may edit. Read-only, the same layout prints the text, as on the paper form.
 */
import { AutoComplete, Form, Input, Typography } from 'antd';
import { createContext, type ReactNode, useContext } from 'react';
import type { Finding } from '#core/findings.ts';
import { characterCount } from '#core/nomination/forms/text.ts';

export type FormValues = Record<string, unknown>;

export interface FormEditing {
  form: FormValues;
  set: (path: string, value: unknown) => void;
  findings: Finding[];
  readOnly: boolean;
}

export const FormContext = createContext<FormEditing | null>(null);

export function useFormEditing(): FormEditing {
  const value = useContext(FormContext);
  if (!value) throw new Error('useFormEditing 只能在推介表中使用');
  return value;
}

export function readPath(form: FormValues, path: string): unknown {
  let current: unknown = form;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `form` with `value` at `path`; numeric keys index arrays (attestations.conditions.2). */
export function writePath(form: FormValues, path: string, value: unknown): FormValues {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...form, [head]: value };
  const child = form[head];
  const nextKey = rest[0]!;
  if (/^\d+$/.test(nextKey)) {
    const list = Array.isArray(child) ? [...child] : [];
    const index = Number(nextKey);
    while (list.length < index) list.push(false);
    if (rest.length === 1) list[index] = value;
    else list[index] = writePath((list[index] as FormValues) ?? {}, rest.slice(1).join('.'), value);
    return { ...form, [head]: list };
  }
  const object = child && typeof child === 'object' && !Array.isArray(child) ? (child as FormValues) : {};
  return { ...form, [head]: writePath(object, rest.join('.'), value) };
}

/** Findings about `field` or anything below it. */
export function findingsAt(findings: Finding[], field: string): Finding[] {
  return findings.filter((f) => f.field === field || f.field.startsWith(`${field}.`));
}

export function statusOf(findings: Finding[]): 'error' | 'warning' | undefined {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  return findings.some((f) => f.severity === 'warning') ? 'warning' : undefined;
}

/** The DOM id of a field's wrapper, for jumping there from the findings summary. */
export const fieldDomId = (path: string) => `nf-${path.replaceAll('.', '-')}`;
/** The input's own id, so its label is tied to it (screen readers, and a click on the label focuses it). */
export const inputDomId = (path: string) => `${fieldDomId(path)}-input`;

export function FindingText({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <>
      {findings.map((f) => (
        <div key={`${f.code}:${f.field}`}>
          <Typography.Text
            type={f.severity === 'error' ? 'danger' : f.severity === 'warning' ? 'warning' : 'secondary'}
            style={{ fontSize: 12 }}
          >
            {f.message}
          </Typography.Text>
        </div>
      ))}
    </>
  );
}

/** A labelled field with its findings as help text; `exact` leaves findings of sub-paths to the children. */
export function FieldItem({
  label,
  path,
  required,
  extra,
  exact = false,
  countBelow = false,
  children,
}: {
  label: ReactNode;
  path: string;
  required?: boolean;
  extra?: ReactNode;
  exact?: boolean;
  /** A text area's character counter sits at the right under it: the help text keeps clear of it. */
  countBelow?: boolean;
  children: ReactNode;
}) {
  const { findings, readOnly } = useFormEditing();
  const here = exact ? findings.filter((f) => f.field === path) : findingsAt(findings, path);
  const clear = countBelow && !readOnly ? { paddingInlineEnd: 96 } : undefined;
  return (
    <div id={fieldDomId(path)}>
      <Form.Item
        label={label}
        htmlFor={inputDomId(path)}
        required={required && !readOnly}
        help={
          here.length > 0 ? (
            <div style={clear}>
              <FindingText findings={here} />
            </div>
          ) : undefined
        }
        extra={readOnly || !extra ? undefined : <div style={clear}>{extra}</div>}
        style={{ marginBottom: 16 }}
      >
        {children}
      </Form.Item>
    </div>
  );
}

function ReadOnlyText({ value, multiline }: { value: unknown; multiline?: boolean }) {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  if (!text.trim()) return <Typography.Text type="secondary">未填写</Typography.Text>;
  return (
    <div style={{ whiteSpace: multiline ? 'pre-wrap' : undefined, overflowWrap: 'anywhere' }}>{text}</div>
  );
}

const countStrategy = (value: string) => characterCount(value);

/**
 * A text input with its character counter (the core's limits, counted as the core counts). Typing past
 * the limit is not cut off: the counter turns red and the finding says by how much, so pasted text is
 * never silently lost.
 */
export function TextField({
  label,
  path,
  max,
  required,
  multiline,
  rows = 4,
  placeholder,
  extra,
  options,
  inputMode,
}: {
  label: string;
  path: string;
  max: number;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  extra?: ReactNode;
  /** Suggestions (政治面貌, 文化程度); any text is still accepted. */
  options?: readonly string[];
  inputMode?: 'text' | 'tel' | 'numeric';
}) {
  const { form, set, findings, readOnly } = useFormEditing();
  const raw = readPath(form, path);
  const value = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
  const status = statusOf(findingsAt(findings, path));
  let input: ReactNode;
  if (readOnly) input = <ReadOnlyText value={value} multiline={multiline} />;
  else if (multiline)
    input = (
      <Input.TextArea
        id={inputDomId(path)}
        value={value}
        status={status}
        placeholder={placeholder}
        autoSize={{ minRows: rows, maxRows: 24 }}
        count={{ show: true, max, strategy: countStrategy }}
        onChange={(e) => set(path, e.target.value)}
      />
    );
  else if (options)
    input = (
      <AutoComplete
        id={inputDomId(path)}
        value={value}
        status={status}
        placeholder={placeholder ?? '请选择或输入'}
        options={options.map((o) => ({ value: o }))}
        onChange={(next: string) => set(path, next)}
        style={{ width: '100%' }}
      />
    );
  else
    input = (
      <Input
        id={inputDomId(path)}
        value={value}
        status={status}
        placeholder={placeholder}
        inputMode={inputMode}
        count={{ show: true, max, strategy: countStrategy }}
        onChange={(e) => set(path, e.target.value)}
      />
    );
  return (
    <FieldItem label={label} path={path} required={required} extra={extra} countBelow={multiline}>
      {input}
    </FieldItem>
  );
}
