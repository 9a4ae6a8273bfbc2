/** Picks the account whose actions to list, searching accounts on the server as the user types. */
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { listAccounts } from '../api/accounts.ts';
import { useDebounced } from '../lib/useDebounced.ts';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
}

export function ActorSelect({ value, onChange }: Props) {
  const [typed, setQ] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const { data, isFetching } = useQuery({
    queryKey: ['accounts', 'actor-search', q],
    queryFn: () => listAccounts({ q: q || undefined, page: 1, pageSize: 20 }),
    // Auditors without accounts.view still filter by other fields; no jump to the 403 page.
    meta: { quietForbidden: true },
    staleTime: 30_000,
  });
  return (
    <Select
      value={value}
      onChange={onChange}
      allowClear
      placeholder="全部操作人"
      aria-label="按操作人筛选"
      style={{ width: '100%' }}
      loading={isFetching}
      showSearch={{ onSearch: setQ, filterOption: false }}
      notFoundContent={isFetching ? '搜索中…' : '没有匹配的账号'}
      options={(data?.items ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))}
    />
  );
}
