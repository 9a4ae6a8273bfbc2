/**
 * 审计日志: who did what, when, from where. Each row opens to the before/after of the change.
 * Dates are picked as Beijing calendar days and sent as YYYY-MM-DD.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEntry } from '#core/contract/audit.ts';
import { type AuditFilters, listAudit } from '../api/audit.ts';
import { ActorSelect } from '../components/ActorSelect.tsx';
import { JsonDiff } from '../components/JsonDiff.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { formatDateTime } from '../format.ts';
import { ACTION_LABELS, actionLabel, ENTITY_TYPE_LABELS, entityTypeLabel } from '../lib/auditLabels.ts';

// The codes the server writes today; the table still shows any other code it may add later.
const ENTITY_OPTIONS = Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }));
const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));

/** What a deleted object was called, from the entry's own before or after (a file's name, a unit's). */
function deletedName(entry: AuditEntry): string | undefined {
  for (const side of [entry.before, entry.after]) {
    const record = (side ?? {}) as Record<string, unknown>;
    for (const key of ['fileName', 'name', 'displayName', 'title', 'organisationName']) {
      if (typeof record[key] === 'string' && record[key]) return record[key] as string;
    }
  }
  return undefined;
}

export default function AuditPage() {
  const [filters, setFilters] = useState<AuditFilters>({ page: 1, pageSize: 20 });
  const filter = (changes: Partial<AuditFilters>) => setFilters((f) => ({ ...f, ...changes, page: 1 }));

  const { data, isFetching } = useQuery({
    queryKey: ['audit', filters],
    queryFn: () => listAudit(filters),
    placeholderData: keepPreviousData,
  });

  const columns: ResponsiveColumn<AuditEntry>[] = [
    {
      key: 'at',
      title: '时间',
      dataIndex: 'at',
      cardRole: 'title',
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
    {
      key: 'actor',
      title: '操作人',
      dataIndex: 'actor',
      render: (actor: AuditEntry['actor']) =>
        actor?.displayName ?? <Typography.Text type="secondary">系统</Typography.Text>,
    },
    {
      key: 'action',
      title: '操作',
      dataIndex: 'action',
      render: (action: string) => <span title={action}>{actionLabel(action)}</span>,
    },
    {
      key: 'entityType',
      title: '对象类型',
      dataIndex: 'entityType',
      render: (type: string) => entityTypeLabel(type),
    },
    {
      key: 'entityName',
      title: '对象',
      dataIndex: 'entityName',
      // By name; one deleted since is named by its entry's own record, or not at all.
      render: (name: string | null, entry) => name ?? deletedName(entry) ?? '—',
    },
    { key: 'ip', title: 'IP 地址', dataIndex: 'ip' },
  ];

  return (
    <Card title="审计日志">
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12} xl={6}>
          <ActorSelect value={filters.actorId} onChange={(actorId) => filter({ actorId })} />
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="全部操作"
            aria-label="按操作筛选"
            style={{ width: '100%' }}
            options={ACTION_OPTIONS}
            onChange={(action?: string) => filter({ action })}
          />
        </Col>
        <Col xs={24} md={12} xl={5}>
          <Select
            allowClear
            placeholder="全部对象类型"
            aria-label="按对象类型筛选"
            style={{ width: '100%' }}
            options={ENTITY_OPTIONS}
            onChange={(entityType?: string) => filter({ entityType })}
          />
        </Col>
        <Col xs={24} md={12} xl={8}>
          <DatePicker.RangePicker
            style={{ width: '100%' }}
            onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
              filter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
          />
        </Col>
      </Row>
      <ResponsiveTable<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        expandedRowRender={(entry) => (
          <JsonDiff before={entry.before} after={entry.after} names={data?.names ?? {}} />
        )}
        emptyText="没有符合条件的记录"
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
      />
    </Card>
  );
}
