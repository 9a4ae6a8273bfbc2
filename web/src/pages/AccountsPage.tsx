/**
 * 账号管理: find accounts in the caller's subtree, create them, edit roles, disable, reset passwords.
 * Each button appears only when the row's `actions` (decided by the server) contains it.
 */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Input, Popconfirm, Row, Space, Tag } from 'antd';
import { useState } from 'react';
import { ROLES } from '#core/accounts/roles.ts';
import type { Account, AccountAction } from '#core/contract/accounts.ts';
import {
  ACCOUNTS_KEY,
  type AccountFilters,
  createAccount,
  listAccounts,
  resetPassword,
  setAccountDisabled,
  unlockLogin,
  updateAccount,
} from '../api/accounts.ts';
import { ApiError } from '../api/client.ts';
import { can, useCurrentMe } from '../auth/useMe.ts';
import { AccountFormModal, type AccountFormValues } from '../components/AccountFormModal.tsx';
import { type OneTimePassword, OneTimePasswordModal } from '../components/OneTimePasswordModal.tsx';
import { OrganisationSelect } from '../components/OrganisationSelect.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { RoleSelect } from '../components/RoleSelect.tsx';
import { formatDateTime } from '../format.ts';
import { useShowError } from '../lib/useShowError.ts';

type Editing = { account: Account | null } | null;

export default function AccountsPage() {
  const me = useCurrentMe();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [filters, setFilters] = useState<AccountFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<Editing>(null);
  const [oneTime, setOneTime] = useState<OneTimePassword | null>(null);

  const { data, isFetching } = useQuery({
    queryKey: [...ACCOUNTS_KEY, filters],
    queryFn: () => listAccounts(filters),
    placeholderData: keepPreviousData,
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
  const filter = (changes: Partial<AccountFilters>) => setFilters((f) => ({ ...f, ...changes, page: 1 }));
  const onError = (error: unknown) => {
    showError(error);
    if (error instanceof ApiError && error.code === 'STALE_VERSION') {
      // The form holds the old version: close it so the next edit starts from the fresh row.
      setEditing(null);
      void refresh();
    }
  };

  const save = useMutation({
    mutationFn: async (values: AccountFormValues) => {
      const account = editing?.account;
      if (account) {
        const changes = {
          displayName: values.displayName,
          roles: values.roles,
          ...(values.phone ? { phone: values.phone } : {}),
        };
        return { account: await updateAccount(account, changes), initialPassword: null };
      }
      return createAccount(values);
    },
    onSuccess: ({ account, initialPassword }) => {
      setEditing(null);
      void refresh();
      if (initialPassword) {
        setOneTime({
          title: '账号已创建',
          username: account.username,
          displayName: account.displayName,
          password: initialPassword,
        });
      } else {
        message.success('已保存');
      }
    },
    onError,
  });

  const toggle = useMutation({
    mutationFn: (account: Account) => setAccountDisabled(account.id, !account.disabled),
    onSuccess: (account) => {
      message.success(account.disabled ? `已停用账号 ${account.username}` : `已启用账号 ${account.username}`);
      void refresh();
    },
    onError,
  });

  const reset = useMutation({
    mutationFn: async (account: Account) => ({ account, password: await resetPassword(account.id) }),
    onSuccess: ({ account, password }) => {
      setOneTime({
        title: '密码已重置',
        username: account.username,
        displayName: account.displayName,
        password,
      });
      void refresh();
    },
    onError,
  });

  const unlock = useMutation({
    mutationFn: (account: Account) => unlockLogin(account.id),
    onSuccess: (account) => message.success(`已解除 ${account.username} 的登录限制，可立即重新登录`),
    onError,
  });

  const actionButtons = (row: Account) => {
    const has = (action: AccountAction) => row.actions.includes(action);
    return (
      <Space size={0} wrap>
        {has('update') && (
          <Button type="link" size="small" onClick={() => setEditing({ account: row })}>
            编辑
          </Button>
        )}
        {has('resetPassword') && (
          <Popconfirm
            title={`重置 ${row.displayName} 的密码？`}
            description="将生成新的初始密码，原密码立即失效。"
            okText="重置"
            onConfirm={() => reset.mutateAsync(row).catch(() => undefined)}
          >
            <Button type="link" size="small">
              重置密码
            </Button>
          </Popconfirm>
        )}
        {has('unlockLogin') && (
          <Popconfirm
            title={`解除 ${row.displayName} 的登录限制？`}
            description="密码多次输错后需等待才能再试。请先确认是本人，解除后可立即登录。"
            okText="解除"
            onConfirm={() => unlock.mutateAsync(row).catch(() => undefined)}
          >
            <Button type="link" size="small">
              解除登录限制
            </Button>
          </Popconfirm>
        )}
        {has('disable') && !row.disabled && (
          <Popconfirm
            title={`停用账号 ${row.username}？`}
            description="停用后该账号无法登录。"
            okText="停用"
            okButtonProps={{ danger: true }}
            onConfirm={() => toggle.mutateAsync(row).catch(() => undefined)}
          >
            <Button type="link" size="small" danger>
              停用
            </Button>
          </Popconfirm>
        )}
        {has('enable') && row.disabled && (
          <Button type="link" size="small" onClick={() => toggle.mutate(row)}>
            启用
          </Button>
        )}
      </Space>
    );
  };

  const columns: ResponsiveColumn<Account>[] = [
    {
      key: 'username',
      title: '用户名',
      dataIndex: 'username',
      cardRole: 'title',
      width: 150,
      render: (username: string, row) => (
        <Space size={4} wrap>
          <span>{username}</span>
          {row.disabled && <Tag>已停用</Tag>}
          {row.mustChangePassword && !row.disabled && <Tag color="orange">待改密</Tag>}
        </Space>
      ),
    },
    { key: 'displayName', title: '姓名', dataIndex: 'displayName', width: 100 },
    { key: 'organisationName', title: '所属组织', dataIndex: 'organisationName' },
    {
      key: 'roles',
      title: '角色',
      dataIndex: 'roles',
      render: (roles: Account['roles']) => (
        <Space size={[0, 4]} wrap>
          {roles.map((role) => (
            <Tag key={role}>{ROLES[role] ?? role}</Tag>
          ))}
        </Space>
      ),
    },
    { key: 'phone', title: '联系电话', dataIndex: 'phone', width: 130 },
    {
      key: 'lastLoginAt',
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 170,
      render: (at: string | null) => (at ? formatDateTime(at) : '从未登录'),
    },
    {
      key: 'actions',
      title: '操作',
      cardRole: 'actions',
      width: 200,
      render: (_, row) => actionButtons(row),
    },
  ];

  return (
    <Card
      title="账号管理"
      extra={
        can(me, 'accounts.create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ account: null })}>
            新建账号
          </Button>
        )
      }
    >
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <OrganisationSelect
            allowClear
            allowDisabled
            placeholder="全部组织"
            aria-label="按组织筛选"
            style={{ width: '100%' }}
            onChange={(organisationId) => filter({ organisationId })}
          />
        </Col>
        <Col xs={24} md={6}>
          <RoleSelect
            allowClear
            placeholder="全部角色"
            aria-label="按角色筛选"
            style={{ width: '100%' }}
            onChange={(role) => filter({ role })}
          />
        </Col>
        <Col xs={24} md={10}>
          <Input.Search
            allowClear
            placeholder="搜索用户名、姓名"
            aria-label="搜索用户名、姓名"
            onSearch={(q) => filter({ q: q.trim() || undefined })}
          />
        </Col>
      </Row>
      <ResponsiveTable<Account>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scrollX={1000}
        emptyText="没有符合条件的账号"
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 个账号`,
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
      />
      <AccountFormModal
        open={editing !== null}
        account={editing?.account ?? null}
        saving={save.isPending}
        defaultOrganisationId={filters.organisationId}
        onSubmit={(values) => save.mutate(values)}
        onCancel={() => setEditing(null)}
      />
      <OneTimePasswordModal value={oneTime} onClose={() => setOneTime(null)} />
    </Card>
  );
}
