/**
 * 往届入选名单: the people and programmes already honoured. Organisers search it, add to it from the
 * Excel template, and correct or delete the records their own organisation keeps; the records of the
 * organisers above them are shown too, read-only. A record blocks a nomination in the round it was won
 * in (same level and organiser); elsewhere it is only shown to the organiser (decision 0005).
 */
import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CAMPAIGN_LEVEL_LABELS, type CampaignLevel, type Category } from '#core/campaign/rules.ts';
import { deleteWinner, type PreviousWinner, useWinners, WINNERS_KEY } from '../api/winners.ts';
import { type ResponsiveColumn, ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { WinnerEditDialog } from '../components/winners/WinnerEditDialog.tsx';
import { WinnerImportDialog } from '../components/winners/WinnerImportDialog.tsx';
import { useDebounced } from '../lib/useDebounced.ts';
import { useIsMobile } from '../lib/useIsMobile.ts';
import { useShowError } from '../lib/useShowError.ts';
import { winnerYears } from '../lib/winnerYears.ts';

const CATEGORY_LABELS: Record<string, string> = { star: '百姓学习之星', project: '终身学习品牌项目' };
const levelLabel = (level: string) => (CAMPAIGN_LEVEL_LABELS as Record<string, string>)[level] ?? level;

function RowActions({ winner, onEdit }: { winner: PreviousWinner; onEdit: (w: PreviousWinner) => void }) {
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteWinner(winner.id),
    onSuccess: () => {
      message.success(`已删除“${winner.name}”`);
      void queryClient.invalidateQueries({ queryKey: WINNERS_KEY });
    },
    onError: showError,
  });
  if (!winner.editable) return <Typography.Text type="secondary">仅登记单位可修改</Typography.Text>;
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onEdit(winner)}>
        修改
      </Button>
      <Popconfirm
        title={`删除“${winner.name}”？`}
        description="删除后，推介时不再与这条记录比对。"
        okText="删除"
        okButtonProps={{ danger: true }}
        onConfirm={() => remove.mutateAsync().catch(() => undefined)}
      >
        <Button type="link" size="small" danger loading={remove.isPending}>
          删除
        </Button>
      </Popconfirm>
    </Space>
  );
}

export default function WinnersPage() {
  const isMobile = useIsMobile();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<Category | 'all'>('all');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [level, setLevel] = useState<CampaignLevel | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<PreviousWinner | null>(null);
  const q = useDebounced(search.trim(), 300);
  const pageSize = 20;
  const { data, isFetching } = useWinners({
    q: q || undefined,
    category: category === 'all' ? undefined : category,
    year,
    level,
    page,
    pageSize,
  });
  const filtered = Boolean(q || year || level || category !== 'all');

  const columns: ResponsiveColumn<PreviousWinner>[] = [
    {
      key: 'name',
      title: '姓名/项目名称',
      dataIndex: 'name',
      cardRole: 'title',
      render: (name: string) => <span style={{ overflowWrap: 'anywhere' }}>{name}</span>,
    },
    { key: 'year', title: '年度', dataIndex: 'year', width: 64 },
    { key: 'level', title: '级别', dataIndex: 'level', width: 64, render: (l: string) => levelLabel(l) },
    {
      key: 'category',
      title: '类别',
      dataIndex: 'category',
      width: 140,
      render: (c: string) => <Tag color={c === 'star' ? 'blue' : 'green'}>{CATEGORY_LABELS[c] ?? c}</Tag>,
    },
    {
      key: 'where',
      title: '省份及单位',
      dataIndex: 'workUnit',
      render: (_: unknown, w: PreviousWinner) => (
        <span style={{ overflowWrap: 'anywhere' }}>
          {[w.provinceOrUnit, w.workUnit].filter(Boolean).join(' · ') || '—'}
        </span>
      ),
    },
    {
      key: 'identifier',
      title: '身份证号/信用代码',
      dataIndex: 'idNumber',
      width: 160,
      render: (_: unknown, w: PreviousWinner) => w.idNumber ?? w.creditCode ?? '—',
    },
    { key: 'organisationName', title: '登记单位', dataIndex: 'organisationName', width: 130 },
    {
      key: 'actions',
      title: '操作',
      cardRole: 'actions',
      width: 120,
      fixed: 'right',
      render: (_: unknown, w: PreviousWinner) => <RowActions winner={w} onEdit={setEditing} />,
    },
  ];

  const resetPage =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <Card
      title="往届入选名单"
      extra={
        <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {isMobile ? '导入' : '导入名单'}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {
            '已获评“百姓学习之星”“终身学习品牌项目”的人员和项目不再推介。填写推介表时与本名单比对：同一级别、同一组织单位评选的获评者不能再次推介；其他级别的获评情况只提示组织单位。各组织单位导入并维护本单位评选的名单。'
          }
        </Typography.Paragraph>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder="姓名、项目名称、单位或完整证件号码"
            aria-label="搜索名单"
            value={search}
            onChange={(e) => resetPage(setSearch)(e.target.value)}
            style={{ width: isMobile ? '100%' : 300 }}
          />
          <Segmented
            value={category}
            onChange={(value) => resetPage(setCategory)(value as Category | 'all')}
            options={[
              { value: 'all', label: '全部' },
              { value: 'star', label: '学习之星' },
              { value: 'project', label: '品牌项目' },
            ]}
          />
          <Select
            allowClear
            placeholder="全部年度"
            aria-label="年度"
            value={year}
            onChange={(value) => resetPage(setYear)(value ?? undefined)}
            options={winnerYears().map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 120 }}
          />
          <Select
            allowClear
            placeholder="全部级别"
            aria-label="级别"
            value={level}
            onChange={(value) => resetPage(setLevel)(value ?? undefined)}
            options={Object.entries(CAMPAIGN_LEVEL_LABELS).map(([value, label]) => ({
              value: value as CampaignLevel,
              label,
            }))}
            style={{ width: 120 }}
          />
        </div>
        <ResponsiveTable<PreviousWinner>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scrollX={960}
          emptyText={filtered ? '没有找到匹配的记录' : '名单为空，请导入往届入选名单'}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 条`,
            onChange: setPage,
          }}
        />
      </Space>
      <WinnerImportDialog open={importing} onClose={() => setImporting(false)} />
      <WinnerEditDialog winner={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
