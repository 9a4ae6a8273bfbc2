/**
 * The small inputs the two 推介表 share besides TextField (formContext.tsx): yes/no, a count of 人次, a
 * date, and a value derived from another field. Each prints its answer as text when read-only.
 */
import { DatePicker, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import { FieldItem, findingsAt, inputDomId, readPath, statusOf, useFormEditing } from './formContext.tsx';

export function YesNo({ path, label }: { path: string; label: string }) {
  const { form, set, readOnly } = useFormEditing();
  const value = readPath(form, path);
  return (
    <FieldItem label={label} path={path}>
      {readOnly ? (
        <span>{value === true ? '是' : value === false ? '否' : '未填写'}</span>
      ) : (
        <Radio.Group
          id={inputDomId(path)}
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(e) => set(path, e.target.value)}
          options={[
            { value: false, label: '否' },
            { value: true, label: '是' },
          ]}
        />
      )}
    </FieldItem>
  );
}

/** Counts arrive as numbers or as text such as 1.2万: plain digits are stored as a number. */
export function CountField({ path, label }: { path: string; label: string }) {
  const { form, set, findings, readOnly } = useFormEditing();
  const raw = readPath(form, path);
  const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  return (
    <FieldItem label={label} path={path}>
      {readOnly ? (
        <span>{value ? `${value} 人次` : '未填写'}</span>
      ) : (
        <Input
          id={inputDomId(path)}
          value={value}
          inputMode="numeric"
          suffix="人次"
          status={statusOf(findingsAt(findings, path))}
          placeholder="如：3200 或 1.2万"
          onChange={(e) => {
            const text = e.target.value;
            set(path, /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : text === '' ? null : text);
          }}
        />
      )}
    </FieldItem>
  );
}

/** A calendar date, stored as YYYY-MM-DD; anything else in the form shows as an empty picker. */
export function DateField({
  path,
  label,
  required,
  extra,
}: {
  path: string;
  label: string;
  required?: boolean;
  extra?: string;
}) {
  const { form, set, findings, readOnly } = useFormEditing();
  const raw = readPath(form, path);
  const value = typeof raw === 'string' ? raw : '';
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayjs(value) : null;
  return (
    <FieldItem label={label} path={path} required={required} extra={extra}>
      {readOnly ? (
        <span>{value || '未填写'}</span>
      ) : (
        <DatePicker
          id={inputDomId(path)}
          value={parsed?.isValid() ? parsed : null}
          status={statusOf(findingsAt(findings, path))}
          inputReadOnly
          style={{ width: '100%' }}
          onChange={(d) => set(path, d ? d.format('YYYY-MM-DD') : '')}
        />
      )}
    </FieldItem>
  );
}

/**
 * A value worked out from another field (性别 and 出生日期 from the 身份证号): shown like an input so the
 * form keeps its printed shape, but never typed and never stored. `path` is not a form path, only the
 * key for its DOM ids.
 */
export function DerivedField({
  label,
  path,
  value,
  placeholder,
}: {
  label: string;
  path: string;
  value: string;
  placeholder: string;
}) {
  const { readOnly } = useFormEditing();
  return (
    <FieldItem label={readOnly ? label : `${label}（自动识别）`} path={path}>
      {readOnly ? (
        <span>{value || '—'}</span>
      ) : (
        <Input id={inputDomId(path)} value={value} placeholder={placeholder} readOnly variant="filled" />
      )}
    </FieldItem>
  );
}
