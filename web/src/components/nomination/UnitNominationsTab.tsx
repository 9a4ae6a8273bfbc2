/**
 * 本单位推介: what a reporting unit has nominated in this campaign. Quota use per category (the
 * campaign's quota for the unit against what holds a place), new nominations, and every nominee with
 * its state, what is still missing (error findings of drafts, fetched one by one: a unit has at most a
 * few dozen) and, highlighted, the organiser's reasons for returning one.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Progress, Row, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { CATEGORIES, type Category, effectiveQuota, isOrganisationType } from '#core/campaign/index.ts';
import type { Me } from '#core/contract/auth.ts';
import { QUOTA_STATES } from '#core/nomination/states.ts';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import {
  createNomination,
  exportNominations,
  getNomination,
  NOMINATIONS_KEY,
  type NominationSummary,
  nominationKey,
  useNominations,
} from '#web/api/nominations.ts';
import { formatDateTime } from '#web/format.ts';
import { displayTitle, isEditable, NOMINATION_STATE_COLORS } from '#web/lib/nominationDisplay.ts';
import { useIsMobile } from '#web/lib/useIsMobile.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { UnitPublicityCard } from '../publicity/UnitPublicityCard.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../ResponsiveTable.tsx';

export interface CategoryCount {
  regular: number;
  special: number;
  drafts: number;
}

export function countByCategory(items: NominationSummary[], category: Category): CategoryCount {
  const mine = items.filter((n) => n.category === category);
  const holding = mine.filter((n) => QUOTA_STATES.has(n.state));
  return {
    regular: holding.filter((n) => !n.special).length,
    special: holding.filter((n) => n.special).length,
    drafts: mine.filter((n) => n.state === 'draft').length,
  };
}

function QuotaUse({ detail, me, items }: { detail: CampaignDetail; me: Me; items: NominationSummary[] }) {
  const { rules } = detail;
  const override = rules.quotas.unitOverrides[me.organisation.id];
  return (
    <Row gutter={[16, 12]}>
      {CATEGORIES.map((category) => {
        const info = rules.categories[category];
        const type = me.organisation.type;
        // A unit whose stored type the rules do not know has only its own override.
        const quota = isOrganisationType(type)
          ? effectiveQuota(rules, type, override, category)
          : (override?.[category] ?? null);
        const count = countByCategory(items, category);
        const specialMax = rules.specialPicks[category];
        const over = quota ? count.regular > quota.max : false;
        const below = quota ? count.regular < quota.min : false;
        return (
          <Col key={category} xs={24} md={12}>
            <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
              <Typography.Text strong>{info.label}</Typography.Text>
              <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, marginTop: 4 }}>
                <Typography.Text style={{ fontSize: 24 }} type={over ? 'danger' : undefined}>
                  {count.regular}
                </Typography.Text>
                <Typography.Text type="secondary">
                  / {quota ? quota.max : '—'} {info.unit}（已提交占用名额）
                </Typography.Text>
              </div>
              {quota && (
                <Progress
                  percent={Math.min(100, Math.round((count.regular / Math.max(1, quota.max)) * 100))}
                  showInfo={false}
                  size="small"
                  status={over ? 'exception' : below ? 'normal' : 'success'}
                  aria-label={`${info.label}名额已用 ${count.regular} / ${quota.max}`}
                />
              )}
              <Space size={[4, 4]} wrap>
                {specialMax > 0 && (
                  <Tag color={count.special > 0 ? 'gold' : undefined}>
                    {info.specialLabel}：{count.special}/{specialMax}
                  </Tag>
                )}
                {count.drafts > 0 && <Tag>草稿 {count.drafts}</Tag>}
                {quota && below && (
                  <Tag color="orange">
                    少于{quota.min}
                    {info.unit}
                  </Tag>
                )}
                {over && <Tag color="red">超出名额</Tag>}
                {!quota && <Tag>本单位未分配名额</Tag>}
              </Space>
            </div>
          </Col>
        );
      })}
    </Row>
  );
}

/** 待完善 N 项 for a draft, from its detail's findings; 可提交 when none. */
function Missing({ n, errors }: { n: NominationSummary; errors: number | undefined }) {
  if (!isEditable(n)) {
    return n.submittedAt ? (
      <Typography.Text type="secondary">提交于 {formatDateTime(n.submittedAt)}</Typography.Text>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  }
  if (errors === undefined) return <Tag>待完善</Tag>;
  return errors > 0 ? <Tag color="red">待完善 {errors} 项</Tag> : <Tag color="green">可提交</Tag>;
}

export function UnitNominationsTab({ detail, me }: { detail: CampaignDetail; me: Me }) {
  const { campaign, rules } = detail;
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const filter = { campaignId: campaign.id, unitId: me.organisation.id };
  const { data: items = [], isLoading } = useNominations(filter);
  // From the server: the campaign takes submissions and this unit's own deadline has not passed.
  const open = campaign.actions.includes('nominate');

  const editableIds = items.filter(isEditable).map((n) => n.id);
  const details = useQueries({
    queries: editableIds.map((id) => ({
      queryKey: nominationKey(id),
      queryFn: () => getNomination(id),
      staleTime: 30_000,
    })),
  });
  const errorsOf = new Map<string, number>();
  for (const result of details) {
    if (result.data) {
      errorsOf.set(result.data.id, result.data.findings.filter((f) => f.severity === 'error').length);
    }
  }

  const create = useMutation({
    mutationFn: (category: Category) => createNomination(campaign.id, category),
    onSuccess: (n) => {
      void queryClient.invalidateQueries({ queryKey: [...NOMINATIONS_KEY, 'list'] });
      queryClient.setQueryData(nominationKey(n.id), n);
      navigate(`/nominations/${n.id}`);
    },
    onError: showError,
  });
  const exporting = useMutation({
    mutationFn: () => exportNominations(filter, `${campaign.title}-本单位推介.xlsx`),
    onSuccess: () => message.success('已导出'),
    onError: showError,
  });

  const returned = items.filter((n) => n.state === 'returned');

  const columns: ResponsiveColumn<NominationSummary>[] = [
    {
      key: 'title',
      title: '姓名/项目名称',
      dataIndex: 'title',
      cardRole: 'title',
      render: (_: unknown, n: NominationSummary) => (
        <Space size={4} wrap>
          <Link to={`/nominations/${n.id}`}>{displayTitle(n)}</Link>
          {n.special && <Tag color="gold">{n.remark || '特别推介'}</Tag>}
          {n.state === 'draft' && n.reviewRequested && <Tag color="blue">已请组织单位查看</Tag>}
        </Space>
      ),
    },
    {
      key: 'category',
      title: '类别',
      dataIndex: 'category',
      width: 150,
      render: (c: Category) => rules.categories[c].label,
    },
    {
      key: 'state',
      title: '状态',
      dataIndex: 'state',
      width: 120,
      render: (_: unknown, n: NominationSummary) => (
        <Tag color={NOMINATION_STATE_COLORS[n.state]}>{n.stateLabel}</Tag>
      ),
    },
    {
      key: 'missing',
      title: '完成情况',
      dataIndex: 'id',
      render: (_: unknown, n: NominationSummary) => (
        <Space orientation="vertical" size={2}>
          <Missing n={n} errors={errorsOf.get(n.id)} />
          {n.state === 'returned' && n.returnReason && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              退回原因：{n.returnReason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: '操作',
      dataIndex: 'id',
      width: 100,
      cardRole: 'actions',
      render: (_: unknown, n: NominationSummary) => (
        <Link to={`/nominations/${n.id}`}>{isEditable(n) ? '填写' : '查看'}</Link>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <QuotaUse detail={detail} me={me} items={items} />
      {returned.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={`有 ${returned.length} 条推介被退回修改，请在截止前修改后重新提交`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {returned.map((n) => (
                <li key={n.id}>
                  <Link to={`/nominations/${n.id}`}>{displayTitle(n)}</Link>：
                  {n.returnReason ?? '（未写原因）'}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <div style={{ display: 'flex', flexDirection: isMobile ? 'column' : 'row', flexWrap: 'wrap', gap: 8 }}>
        {open &&
          CATEGORIES.map((category) => (
            <Button
              key={category}
              type="primary"
              icon={<PlusOutlined />}
              loading={create.isPending && create.variables === category}
              onClick={() => create.mutate(category)}
            >
              新建{rules.categories[category].label}
            </Button>
          ))}
        <Button
          icon={<DownloadOutlined />}
          disabled={items.length === 0}
          loading={exporting.isPending}
          onClick={() => exporting.mutate()}
        >
          导出 Excel
        </Button>
      </div>
      {!open && (
        <Typography.Text type="secondary">
          {campaign.status === 'open'
            ? '本单位的报送截止时间已过，不能新建推介。如有特殊情况，请联系组织单位申请延期。'
            : `活动当前为“${campaign.statusLabel}”，不能新建推介。`}
        </Typography.Text>
      )}
      <ResponsiveTable<NominationSummary>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={isLoading}
        pagination={false}
        emptyText="还没有推介，点击上方按钮新建"
      />
      <UnitPublicityCard campaignId={campaign.id} nominations={items} />
    </Space>
  );
}
