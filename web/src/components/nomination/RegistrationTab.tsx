/**
 * 推介登记表 (attachments 2 and 4 of the notices): per category, the unit's submitted nominees in its own
 * 排序, moved up or down, and the special pick (事迹特别感人 / 特别受百姓喜爱) marked in the 排序备注
 * column. Every move sends the whole order (the server refuses an order that no longer names exactly
 * its nominees); core's registrationFindings says what is still wrong (quota, specials).
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DownloadOutlined,
  StarFilled,
  StarOutlined,
} from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CATEGORIES, type Category, isOrganisationType } from '#core/campaign/index.ts';
import type { Me } from '#core/contract/auth.ts';
import { registrationFindings, remarkFor } from '#core/nomination/registration-table.ts';
import { QUOTA_STATES } from '#core/nomination/states.ts';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { ApiError } from '#web/api/client.ts';
import {
  exportNominations,
  markSpecial,
  NOMINATIONS_KEY,
  type NominationSummary,
  nominationListKey,
  orderRegistration,
  useNominations,
} from '#web/api/nominations.ts';
import { displayTitle, NOMINATION_STATE_COLORS } from '#web/lib/nominationDisplay.ts';
import { useIsMobile } from '#web/lib/useIsMobile.ts';
import { useShowError } from '#web/lib/useShowError.ts';

/** The table's rows: quota-holding nominations by rank (unranked last, in list order). */
export function tableRows(items: NominationSummary[], category: Category): NominationSummary[] {
  return items
    .filter((n) => n.category === category && QUOTA_STATES.has(n.state))
    .map((n, i) => ({ n, i }))
    .sort((a, b) => (a.n.rank ?? 1e9) - (b.n.rank ?? 1e9) || a.i - b.i)
    .map(({ n }) => n);
}

export function RegistrationTab({ detail, me }: { detail: CampaignDetail; me: Me }) {
  const { campaign, rules } = detail;
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [category, setCategory] = useState<Category>('star');
  const filter = { campaignId: campaign.id, unitId: me.organisation.id };
  const listKey = nominationListKey(filter);
  const { data: items = [], isLoading } = useNominations(filter);
  const rows = tableRows(items, category);
  const info = rules.categories[category];
  // Ordering follows the unit's deadline as creating does (the server refuses both after it).
  const canEdit = campaign.actions.includes('nominate') && rows.some((n) => n.actions.includes('actAsUnit'));
  const specialMax = rules.specialPicks[category];

  const refresh = () => queryClient.invalidateQueries({ queryKey: [...NOMINATIONS_KEY, 'list'] });

  const order = useMutation({
    mutationFn: (ids: string[]) => orderRegistration(campaign.id, category, ids),
    onMutate: (ids) => {
      // Show the new order at once; the server's answer (or a refetch on failure) replaces it.
      const previous = queryClient.getQueryData<NominationSummary[]>(listKey);
      queryClient.setQueryData<NominationSummary[]>(listKey, (list) =>
        list?.map((n) => (ids.includes(n.id) ? { ...n, rank: ids.indexOf(n.id) + 1 } : n)),
      );
      return { previous };
    },
    onSuccess: () => void refresh(),
    onError: (error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(listKey, context.previous);
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        message.warning('登记表已有变化（有推介提交或撤回），已刷新，请重新排序');
        void refresh();
      } else showError(error);
    },
  });

  const special = useMutation({
    mutationFn: ({ id, value }: { id: string; value: boolean }) => markSpecial(id, value),
    onSuccess: (_n, { value }) => {
      message.success(value ? `已标注为“${info.specialLabel}”` : '已取消标注');
      void refresh();
      void queryClient.invalidateQueries({ queryKey: [...NOMINATIONS_KEY, 'detail'] });
    },
    onError: showError,
  });

  const move = (index: number, by: -1 | 1) => {
    const ids = rows.map((n) => n.id);
    const target = index + by;
    if (target < 0 || target >= ids.length) return;
    [ids[index], ids[target]] = [ids[target]!, ids[index]!];
    order.mutate(ids);
  };

  // The quota lines need a unit type the rules know; for any other the server's check on submit speaks.
  const unitType = me.organisation.type;
  const findings = isOrganisationType(unitType)
    ? registrationFindings(
        rows.map((n, i) => ({ id: n.id, rank: i + 1, special: n.special })),
        rules,
        { category, unitType, unitOverride: rules.quotas.unitOverrides[me.organisation.id] },
      ).filter((f) => !f.code.startsWith('RANK'))
    : [];

  const moveButtons = (index: number) => (
    <Space size={4}>
      <Button
        size="small"
        icon={<ArrowUpOutlined />}
        aria-label="上移"
        disabled={!canEdit || index === 0 || order.isPending}
        onClick={() => move(index, -1)}
      />
      <Button
        size="small"
        icon={<ArrowDownOutlined />}
        aria-label="下移"
        disabled={!canEdit || index === rows.length - 1 || order.isPending}
        onClick={() => move(index, 1)}
      />
    </Space>
  );
  const specialButton = (n: NominationSummary) =>
    specialMax > 0 && (
      <Button
        size="small"
        type={n.special ? 'default' : 'dashed'}
        icon={n.special ? <StarFilled style={{ color: '#faad14' }} /> : <StarOutlined />}
        disabled={!canEdit}
        loading={special.isPending && special.variables?.id === n.id}
        onClick={() => special.mutate({ id: n.id, value: !n.special })}
      >
        {n.special ? '取消特别推介' : `标为“${remarkFor({ special: true }, category, rules)}”`}
      </Button>
    );

  const exporting = useMutation({
    mutationFn: () =>
      exportNominations({ ...filter, category }, `${campaign.title}-${info.label}推介登记表.xlsx`),
    onError: showError,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Segmented
          value={category}
          onChange={(value) => setCategory(value as Category)}
          options={CATEGORIES.map((c) => ({ value: c, label: rules.categories[c].label }))}
        />
        <Button
          icon={<DownloadOutlined />}
          disabled={rows.length === 0}
          loading={exporting.isPending}
          onClick={() => exporting.mutate()}
        >
          导出 Excel
        </Button>
      </Space>
      <Typography.Text type="secondary">
        {me.organisation.name}《{info.label}推介登记表》：已提交的推介按本单位排序列出（退回修改中的仍占位）。
        {specialMax > 0 &&
          `可标注${specialMax}${info.unit}“${info.specialLabel}”，在排序备注中注明，不占名额。`}
        {!canEdit && rows.length > 0 && ' 活动不在报送期，登记表只读。'}
      </Typography.Text>
      {findings.length > 0 && (
        <Alert
          type={findings.some((f) => f.severity === 'error') ? 'error' : 'warning'}
          showIcon
          title={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {findings.map((f) => (
                <li key={`${f.code}:${f.field}:${f.message}`}>{f.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {isMobile ? (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          {rows.length === 0 && !isLoading && (
            <Typography.Text type="secondary">还没有已提交的{info.label}。</Typography.Text>
          )}
          {rows.map((n, index) => (
            <Card key={n.id} size="small">
              <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
                <Typography.Text strong style={{ fontSize: 20, minWidth: 28, textAlign: 'center' }}>
                  {index + 1}
                </Typography.Text>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Link to={`/nominations/${n.id}`}>{displayTitle(n)}</Link>
                  <div>
                    <Tag color={NOMINATION_STATE_COLORS[n.state]}>{n.stateLabel}</Tag>
                    {n.remark && <Tag color="gold">{n.remark}</Tag>}
                  </div>
                </div>
                {canEdit && moveButtons(index)}
              </div>
              {canEdit && specialMax > 0 && <div style={{ marginTop: 8 }}>{specialButton(n)}</div>}
            </Card>
          ))}
        </Space>
      ) : (
        <Table<NominationSummary>
          rowKey="id"
          size="middle"
          loading={isLoading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: `还没有已提交的${info.label}` }}
          columns={[
            { key: 'rank', title: '排序', width: 70, render: (_v, _n, index) => index + 1 },
            {
              key: 'title',
              title: category === 'star' ? '姓名' : '项目名称',
              render: (_v, n) => <Link to={`/nominations/${n.id}`}>{displayTitle(n)}</Link>,
            },
            {
              key: 'state',
              title: '状态',
              width: 130,
              render: (_v, n) => <Tag color={NOMINATION_STATE_COLORS[n.state]}>{n.stateLabel}</Tag>,
            },
            {
              key: 'remark',
              title: '排序备注',
              width: 160,
              render: (_v, n) => (n.remark ? <Tag color="gold">{n.remark}</Tag> : ''),
            },
            ...(canEdit
              ? [
                  {
                    key: 'actions',
                    title: '调整',
                    width: 280,
                    render: (_v: unknown, n: NominationSummary, index: number) => (
                      <Space>
                        {moveButtons(index)}
                        {specialButton(n)}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Space>
  );
}
