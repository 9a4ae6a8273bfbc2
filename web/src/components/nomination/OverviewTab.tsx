/**
 * 报送情况 (organiser): every reporting unit's quota use per category with the quota findings (below the
 * minimum, over the maximum, specials; drafts only as counts, they are the units' own), the nominations
 * before the organiser filtered by unit, category and state with a click through to each, 批量通过 of
 * those waiting for the formal check, the Excel export of the filtered list, and 报送上级 for a
 * provincial round whose selected nominations go on to the national round of the same year.
 */
import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CATEGORIES, type Category } from '#core/campaign/index.ts';
import type { Finding } from '#core/findings.ts';
import { NOMINATION_STATES, type NominationState } from '#core/nomination/states.ts';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import {
  acceptMany,
  type CategoryUse,
  exportNominations,
  NOMINATIONS_KEY,
  type NominationSummary,
  type UnitQuotaUse,
  useNominations,
  useQuotaDashboard,
} from '#web/api/nominations.ts';
import { WORKLIST_KEY } from '#web/api/worklist.ts';
import { formatDateTime } from '#web/format.ts';
import { displayTitle, NOMINATION_STATE_COLORS } from '#web/lib/nominationDisplay.ts';
import { useIsMobile } from '#web/lib/useIsMobile.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { type ResponsiveColumn, ResponsiveTable } from '../ResponsiveTable.tsx';
import { ForwardButton } from './ForwardButton.tsx';
import { MissedDeadlineList } from './MissedDeadlineList.tsx';

function UseCell({ use, unit }: { use: CategoryUse; unit: string }) {
  if (use.max === 0) return <Typography.Text type="secondary">未分配</Typography.Text>;
  const over = use.used > use.max;
  const below = use.used < use.min;
  return (
    <Space size={4} wrap>
      <Typography.Text strong type={over ? 'danger' : below ? 'warning' : 'success'}>
        {use.used}/{use.max}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {use.min === use.max ? `${use.max}${unit}` : `${use.min}至${use.max}${unit}`}
      </Typography.Text>
      {over && <Tag color="red">超额</Tag>}
      {below && <Tag color="orange">未达下限</Tag>}
      {use.special > 0 && <Tag color="gold">特别 {use.special}</Tag>}
      {use.drafts > 0 && <Tag>未提交 {use.drafts}</Tag>}
    </Space>
  );
}

const STATE_OPTIONS = (Object.entries(NOMINATION_STATES) as [NominationState, string][])
  .filter(([value]) => value !== 'withdrawn')
  .map(([value, label]) => ({ value, label: value === 'draft' ? '草稿（报送单位请您查看的）' : label }));

export function OverviewTab({ detail }: { detail: CampaignDetail }) {
  const { campaign, rules } = detail;
  const isMobile = useIsMobile();
  const showError = useShowError();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const dashboard = useQuotaDashboard(campaign.id);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [category, setCategory] = useState<Category | undefined>();
  const [state, setState] = useState<NominationState | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const filter = { campaignId: campaign.id, unitId, category, state };
  const list = useNominations(filter);
  const waiting = (list.data ?? []).filter((n) => n.state === 'submitted');
  // Only what is on screen and still waiting can stay ticked.
  const ticked = selected.filter((id) => waiting.some((n) => n.id === id));
  const accept = useMutation({
    mutationFn: (ids: string[]) => acceptMany(campaign.id, ids),
    onSuccess: (accepted) => {
      setSelected([]);
      message.success(`已通过形式审查 ${accepted.length} 条`);
      void queryClient.invalidateQueries({ queryKey: NOMINATIONS_KEY });
      void queryClient.invalidateQueries({ queryKey: WORKLIST_KEY });
    },
    onError: (error) => {
      void queryClient.invalidateQueries({ queryKey: [...NOMINATIONS_KEY, 'list'] });
      showError(error);
    },
  });
  const confirmAccept = () =>
    modal.confirm({
      title: `通过所选的 ${ticked.length} 条推介？`,
      content:
        '确认所选推介材料齐全、符合形式要求。任何一条不能通过时，所选推介均不通过，请按提示处理后重新选择。',
      okText: '通过',
      cancelText: '取消',
      onOk: () => accept.mutateAsync(ticked).catch(() => undefined),
    });
  // Units that have started reporting first: with forty units the active ones should not hide below the fold.
  const activity = (u: UnitQuotaUse) =>
    CATEGORIES.reduce((t, c) => t + u[c].used + u[c].special + u[c].drafts, 0);
  const units = [...(dashboard.data ?? [])].sort((a, b) => Number(activity(b) > 0) - Number(activity(a) > 0));
  const exporting = useMutation({
    mutationFn: () => exportNominations(filter, `${campaign.title}-推介列表.xlsx`),
    onError: showError,
  });

  const totals = CATEGORIES.map((c) => ({
    category: c,
    used: units.reduce((t, u) => t + u[c].used, 0),
    special: units.reduce((t, u) => t + u[c].special, 0),
  }));
  const warned = units.filter((u) => u.findings.length > 0).length;

  const unitColumns: ResponsiveColumn<UnitQuotaUse>[] = [
    {
      key: 'unit',
      title: '报送单位',
      dataIndex: 'unitName',
      cardRole: 'title',
      render: (_: unknown, u: UnitQuotaUse) => (
        <Typography.Link
          onClick={() => {
            setUnitId(u.unitId);
            document.getElementById('overview-list')?.scrollIntoView({ behavior: 'smooth' });
          }}
        >
          {u.unitName}
        </Typography.Link>
      ),
    },
    { key: 'type', title: '单位类型', dataIndex: 'unitTypeLabel', width: 170 },
    ...CATEGORIES.map(
      (c): ResponsiveColumn<UnitQuotaUse> => ({
        key: c,
        title: rules.categories[c].label,
        dataIndex: c,
        width: 220,
        render: (use: CategoryUse) => <UseCell use={use} unit={rules.categories[c].unit} />,
      }),
    ),
    {
      key: 'findings',
      title: '提示',
      dataIndex: 'findings',
      render: (findings: Finding[]) => {
        if (findings.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        const errors = findings.filter((f) => f.severity === 'error');
        return (
          <Space orientation="vertical" size={2}>
            {errors.map((f) => (
              <Typography.Text
                key={`${f.code}:${f.field}:${f.message}`}
                type="danger"
                style={{ fontSize: 12 }}
              >
                {f.message}
              </Typography.Text>
            ))}
            {findings.length > errors.length && (
              <Tooltip
                title={
                  <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                    {findings
                      .filter((f) => f.severity !== 'error')
                      .map((f) => (
                        <li key={`${f.code}:${f.field}:${f.message}`}>{f.message}</li>
                      ))}
                  </ul>
                }
              >
                <Tag color="orange" style={{ cursor: 'help' }}>
                  {findings.length - errors.length} 条提示
                </Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
  ];

  const listColumns: ResponsiveColumn<NominationSummary>[] = [
    {
      key: 'title',
      title: '姓名/项目名称',
      dataIndex: 'title',
      cardRole: 'title',
      render: (_: unknown, n: NominationSummary) => (
        <Space size={4} wrap>
          <Link to={`/nominations/${n.id}`}>{displayTitle(n)}</Link>
          {n.remark && <Tag color="gold">{n.remark}</Tag>}
        </Space>
      ),
    },
    { key: 'unit', title: '报送单位', dataIndex: 'unitName' },
    {
      key: 'category',
      title: '类别',
      dataIndex: 'category',
      width: 150,
      render: (c: Category) => rules.categories[c].label,
    },
    { key: 'rank', title: '排序', dataIndex: 'rank', width: 70 },
    {
      key: 'state',
      title: '状态',
      dataIndex: 'state',
      width: 130,
      render: (_: unknown, n: NominationSummary) => (
        <Tag color={NOMINATION_STATE_COLORS[n.state]}>{n.stateLabel}</Tag>
      ),
    },
    {
      key: 'submittedAt',
      title: '提交时间',
      dataIndex: 'submittedAt',
      width: 170,
      render: (at: string | null) => (at ? formatDateTime(at) : '—'),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space size={[8, 4]} wrap>
          {totals.map((t) => (
            <Tag key={t.category} color="blue" style={{ fontSize: 13, padding: '2px 8px' }}>
              {rules.categories[t.category].label}：已提交 {t.used}
              {t.special > 0 ? `（另特别 ${t.special}）` : ''}
            </Tag>
          ))}
          {warned > 0 && <Tag color="orange">{warned} 个单位有提示</Tag>}
        </Space>
        <ForwardButton detail={detail} />
      </Space>
      <MissedDeadlineList campaignId={campaign.id} rules={rules} />
      <ResponsiveTable<UnitQuotaUse>
        rowKey="unitId"
        columns={unitColumns}
        dataSource={units}
        loading={dashboard.isLoading}
        scrollX={980}
        pagination={units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        emptyText="没有分配名额的报送单位"
      />
      <div id="overview-list">
        <Typography.Title level={5}>推介列表</Typography.Title>
      </div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部报送单位"
          aria-label="按报送单位筛选"
          value={unitId}
          onChange={setUnitId}
          style={{ width: isMobile ? '100%' : 240 }}
          options={units.map((u) => ({ value: u.unitId, label: u.unitName }))}
        />
        <Select
          allowClear
          placeholder="全部类别"
          aria-label="按类别筛选"
          value={category}
          onChange={setCategory}
          style={{ width: isMobile ? '100%' : 180 }}
          options={CATEGORIES.map((c) => ({ value: c, label: rules.categories[c].label }))}
        />
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="按状态筛选"
          value={state}
          onChange={setState}
          style={{ width: isMobile ? '100%' : 200 }}
          options={STATE_OPTIONS}
        />
        {state !== 'submitted' && <Button onClick={() => setState('submitted')}>只看待形式审查</Button>}
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={ticked.length === 0}
          loading={accept.isPending}
          onClick={confirmAccept}
        >
          {ticked.length > 0 ? `通过所选（${ticked.length}）` : '通过所选'}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting.isPending}
          disabled={(list.data ?? []).length === 0}
          onClick={() => exporting.mutate()}
        >
          导出 Excel
        </Button>
      </div>
      <ResponsiveTable<NominationSummary>
        rowKey="id"
        columns={listColumns}
        dataSource={list.data ?? []}
        loading={list.isLoading}
        scrollX={900}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        emptyText="没有符合条件的推介（报送单位的草稿提交后才显示）"
        selection={{
          selectedKeys: ticked,
          onChange: setSelected,
          selectable: (n) => n.state === 'submitted' && n.actions.includes('actAsOrganiser'),
          label: (n) => `选择“${displayTitle(n)}”`,
        }}
      />
    </Space>
  );
}
