/**
 * Before/after of an audit row, field by field, changed fields highlighted. Audit rows hold flat
 * snapshots of one entity, so a one-level diff with nested values printed as JSON is enough. Fields,
 * states and ids are shown by their Chinese names (core/audit/labels.ts, names from the server).
 */
import { Table, Tag, Typography } from 'antd';
import { auditValue, fieldLabel } from '../lib/auditLabels.ts';

interface Row {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function asRecord(value: unknown): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return value === null || value === undefined ? {} : { 值: value };
}

function show(value: unknown) {
  if (value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 12 }}>{text}</pre>
  );
}

export function diffRows(before: unknown, after: unknown): Row[] {
  const b = asRecord(before);
  const a = asRecord(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => ({
    field,
    before: b[field],
    after: a[field],
    changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]),
  }));
}

export function JsonDiff({
  before,
  after,
  names,
}: {
  before: unknown;
  after: unknown;
  /** id → name, for ids inside before and after. */
  names: Readonly<Record<string, string>>;
}) {
  const rows = diffRows(before, after).map((row) => ({
    ...row,
    before: auditValue(row.field, row.before, names),
    after: auditValue(row.field, row.after, names),
  }));
  if (rows.length === 0) return <Typography.Text type="secondary">此操作没有记录数据变化。</Typography.Text>;
  return (
    <Table<Row>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      tableLayout="fixed"
      onRow={(row) => ({ style: row.changed ? { background: '#fffbe6' } : undefined })}
      columns={[
        {
          key: 'field',
          title: '字段',
          dataIndex: 'field',
          width: '28%',
          render: (field: string, row) => (
            <span style={{ overflowWrap: 'anywhere' }}>
              {fieldLabel(field)} {row.changed && <Tag color="gold">已变更</Tag>}
            </span>
          ),
        },
        { key: 'before', title: '变更前', dataIndex: 'before', render: show },
        { key: 'after', title: '变更后', dataIndex: 'after', render: show },
      ]}
    />
  );
}
