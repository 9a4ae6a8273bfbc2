/**
 * 组织机构: the caller's subtree as a tree table. Buttons follow each row's `actions` from the server;
 * edits carry `version` so a save over someone else's change is refused, never silently applied.
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { isOrganisationType } from '#core/campaign/unit-types.ts';
import type { Organisation } from '#core/contract/organisations.ts';
import { DESCRIPTION_TEXT } from '#web/theme.ts';
import { ApiError } from '../api/client.ts';
import {
  createOrganisation,
  ORGANISATIONS_KEY,
  type OrganisationInput,
  setOrganisationDisabled,
  updateOrganisation,
  useOrganisations,
} from '../api/organisations.ts';
import { OrganisationActions } from '../components/OrganisationActions.tsx';
import { OrganisationFormModal } from '../components/OrganisationFormModal.tsx';
import { allIds, buildTree, filterTree, type OrganisationNode } from '../lib/organisationTree.ts';
import { useIsMobile } from '../lib/useIsMobile.ts';
import { useShowError } from '../lib/useShowError.ts';

type Editing =
  | { mode: 'create'; parent: Organisation }
  | { mode: 'update'; organisation: Organisation }
  | null;

export default function OrganisationsPage() {
  const { data, isLoading, refetch, isFetching } = useOrganisations();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const isMobile = useIsMobile();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const tree = useMemo(() => buildTree(data ?? []), [data]);
  const shown = useMemo(() => filterTree(tree, search), [tree, search]);
  // Searching opens every branch that has a match; otherwise the first two levels start open.
  const expandedKeys = search.trim() ? allIds(shown) : (expanded ?? tree.map((node) => node.id));

  // Stable while the modal is open, so the form is filled once, not on every keystroke.
  const initial = useMemo(
    () =>
      editing?.mode === 'update'
        ? {
            name: editing.organisation.name,
            // A stored type the list does not know leaves the field empty, to be chosen again.
            type: isOrganisationType(editing.organisation.type) ? editing.organisation.type : undefined,
            regionCode: editing.organisation.regionCode ?? '',
          }
        : undefined,
    [editing],
  );

  const refresh = () => queryClient.invalidateQueries({ queryKey: ORGANISATIONS_KEY });
  const onMutationError = (error: unknown) => {
    showError(error);
    if (error instanceof ApiError && error.code === 'STALE_VERSION') {
      // The form holds the old version: close it so the next edit starts from the fresh row.
      setEditing(null);
      void refresh();
    }
  };

  const save = useMutation({
    mutationFn: (values: OrganisationInput) => {
      if (editing?.mode === 'create') return createOrganisation(editing.parent.id, values);
      if (editing?.mode === 'update') return updateOrganisation(editing.organisation, values);
      throw new Error('没有正在编辑的组织');
    },
    onSuccess: (organisation) => {
      message.success(editing?.mode === 'create' ? `已创建「${organisation.name}」` : '已保存');
      if (editing?.mode === 'create') setExpanded([...expandedKeys, editing.parent.id]);
      setEditing(null);
      void refresh();
    },
    onError: onMutationError,
  });

  const toggle = useMutation({
    mutationFn: (organisation: Organisation) =>
      setOrganisationDisabled(organisation.id, !organisation.disabled),
    onSuccess: (organisation) => {
      message.success(
        organisation.disabled ? `已停用「${organisation.name}」` : `已启用「${organisation.name}」`,
      );
      void refresh();
    },
    onError: onMutationError,
  });

  const columns: TableColumnsType<OrganisationNode> = [
    {
      title: '组织名称',
      dataIndex: 'name',
      render: (name: string, row) => (
        <>
          <Typography.Text delete={row.disabled} type={row.disabled ? 'secondary' : undefined}>
            {name}
          </Typography.Text>
          {isMobile && (
            // Phones have no room for the type and status columns: show them under the name.
            <div style={{ fontSize: 12, color: DESCRIPTION_TEXT }}>
              {row.typeLabel}
              {row.disabled && '，已停用'}
            </div>
          )}
        </>
      ),
    },
    { title: '类型', dataIndex: 'typeLabel', width: 200, responsive: ['md'] },
    { title: '区划代码', dataIndex: 'regionCode', width: 110, responsive: ['lg'], render: (v) => v ?? '—' },
    {
      title: '状态',
      dataIndex: 'disabled',
      width: 80,
      responsive: ['sm'],
      render: (disabled: boolean) => (disabled ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>),
    },
    {
      title: isMobile ? '' : '操作',
      key: 'actions',
      width: isMobile ? 48 : 240,
      render: (_, row) => (
        <OrganisationActions
          row={row}
          compact={isMobile}
          onCreateChild={(parent) => setEditing({ mode: 'create', parent })}
          onEdit={(organisation) => setEditing({ mode: 'update', organisation })}
          onToggle={(organisation) => toggle.mutateAsync(organisation)}
        />
      ),
    },
  ];

  return (
    <Card
      title="组织机构"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => refetch()} loading={isFetching && !isLoading}>
          {isMobile ? null : '刷新'}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Input.Search
          allowClear
          placeholder="按名称或类型搜索"
          onSearch={setSearch}
          onChange={(event) => !event.target.value && setSearch('')}
          style={{ maxWidth: isMobile ? undefined : 360 }}
        />
        <Table<OrganisationNode>
          rowKey="id"
          size={isMobile ? 'small' : 'middle'}
          loading={isLoading}
          columns={columns}
          dataSource={shown}
          pagination={false}
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
            indentSize: isMobile ? 12 : 20,
          }}
          locale={{ emptyText: search ? '没有匹配的组织' : '暂无组织' }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <PlusOutlined /> 在上级组织所在行点「添加下级」创建新的组织。
        </Typography.Text>
      </Space>
      <OrganisationFormModal
        open={editing !== null}
        title={editing?.mode === 'create' ? '添加下级组织' : '编辑组织'}
        context={editing?.mode === 'create' ? `上级组织：${editing.parent.name}` : undefined}
        initial={initial}
        saving={save.isPending}
        onSubmit={(values) => save.mutate(values)}
        onCancel={() => setEditing(null)}
      />
    </Card>
  );
}
