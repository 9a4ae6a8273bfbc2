/**
 * 活动详情: the campaign's header with its state and the transitions the server allows the caller, the
 * notice's contacts, and tabs for the rules, their history, unit extensions, the stamped paper copies,
 * the 公示 period and, once published, the winners' public texts for the showcase. Units see their key numbers
 * (quota, deadline, changes after opening) above the read-only rules.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Result, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Finding } from '#core/findings.ts';
import { previewCampaignMove } from '../api/announcements.ts';
import {
  CAMPAIGNS_KEY,
  type CampaignDetail,
  type CampaignState,
  campaignKey,
  findingsOf,
  transitionCampaign,
  useCampaign,
} from '../api/campaigns.ts';
import { ApiError } from '../api/client.ts';
import { useCurrentMe } from '../auth/useMe.ts';
import { AnnouncementPanel } from '../components/announcements/AnnouncementPanel.tsx';
import { AnnouncementTab } from '../components/campaign/AnnouncementTab.tsx';
import { CampaignContacts } from '../components/campaign/CampaignContacts.tsx';
import { DeadlineText } from '../components/campaign/DeadlineText.tsx';
import { ExtensionsTab } from '../components/campaign/ExtensionsTab.tsx';
import { HistoryTab } from '../components/campaign/HistoryTab.tsx';
import { RulesTab } from '../components/campaign/RulesTab.tsx';
import { UnitSummary } from '../components/campaign/UnitSummary.tsx';
import { DocumentsTab } from '../components/documents/DocumentsTab.tsx';
import { OverviewTab } from '../components/nomination/OverviewTab.tsx';
import { RegistrationTab } from '../components/nomination/RegistrationTab.tsx';
import { UnitNominationsTab } from '../components/nomination/UnitNominationsTab.tsx';
import { ObjectionsTab } from '../components/objections/ObjectionsTab.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { PaperTab } from '../components/paper/PaperTab.tsx';
import { ResultsTab } from '../components/results/ResultsTab.tsx';
import { ReviewSetupTab } from '../components/review/setup/ReviewSetupTab.tsx';
import { StoriesTab } from '../components/showcase/StoriesTab.tsx';
import { STATUS_COLORS } from '../lib/campaignDisplay.ts';
import { useIsMobile } from '../lib/useIsMobile.ts';
import { useShowError } from '../lib/useShowError.ts';

/** Expert review runs once reporting has closed, and its records stay readable afterwards. */
const REVIEW_STATES: readonly CampaignState[] = ['reviewing', 'announcing', 'approved', 'published'];

const TRANSITION_HINTS: Partial<Record<CampaignState, string>> = {
  open: '开放后各报送单位即可看到活动并开始报送；之后修改规则会提示各单位。',
  draft: '撤回后报送单位将看不到此活动。',
  reviewing: '结束报送后报送单位不能再提交材料（已延期的单位除外），规则不能再修改。',
  announcing: '开始公示拟推介名单。',
  approved: '确认审定结果。',
  published: '公布后结果对外发布。',
};

export default function CampaignDetailPage() {
  const { id = '' } = useParams();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const [transitionFindings, setTransitionFindings] = useState<Finding[]>([]);
  const { data: detail, isLoading, error, refetch } = useCampaign(id);

  const campaign = detail?.campaign;
  const organises = Boolean(
    campaign?.actions.some((a) => a === 'editRules' || a === 'grantExtension' || a === 'transition'),
  );
  const reportingUnits = detail?.reportingUnits ?? [];

  const setDetail = (next: CampaignDetail) => {
    queryClient.setQueryData(campaignKey(id), next);
    void queryClient.invalidateQueries({ queryKey: [...CAMPAIGNS_KEY, 'list'] });
  };

  const transition = useMutation({
    mutationFn: (to: CampaignState) => transitionCampaign(id, to),
    onSuccess: (next) => {
      setTransitionFindings([]);
      message.success(`活动已${next.statusLabel === '报送中' ? '开放报送' : `变为「${next.statusLabel}」`}`);
      void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    },
    onError: (err) => {
      const findings = findingsOf(err);
      setTransitionFindings(findings);
      if (findings.length === 0) showError(err);
      else message.error('规则有错误，活动不能开放报送，请先修改规则');
    },
  });

  if (isLoading) return <PageLoading />;
  if (error || !detail || !campaign) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '活动不存在或您无权查看' : '活动加载失败'}
        extra={
          <Space>
            <Link to="/campaigns">返回活动列表</Link>
            {!notFound && <Button onClick={() => refetch()}>重试</Button>}
          </Space>
        }
      />
    );
  }

  // The confirmation says what the move will do, with the server's counts and dates.
  const confirmTransition = async (to: CampaignState, label: string) => {
    const preview = await previewCampaignMove(id, to).catch(() => null);
    if (preview && !preview.allowed) return void message.warning(preview.message);
    modal.confirm({
      title: `${label}？`,
      content: preview?.message ?? TRANSITION_HINTS[to],
      okText: label,
      onOk: () => transition.mutateAsync(to).catch(() => undefined),
    });
  };

  const isUnit =
    campaign.organiserId !== me.organisation.id && !organises && me.roles.includes('unit_submitter');
  // Units come here to nominate; organisers to watch the reporting once it has opened.
  const defaultTab = isUnit ? 'mine' : organises && campaign.status !== 'draft' ? 'overview' : 'rules';
  const tab = params.get('tab') ?? defaultTab;
  const setTab = (key: string) => setParams(key === defaultTab ? {} : { tab: key }, { replace: true });
  const afterOpening = detail.history.filter((h) => h.afterOpening).length;
  const showExtensions =
    campaign.actions.includes('grantExtension') || detail.extensions.length > 0 || organises;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space size={8} style={{ minWidth: 0 }}>
            <Link to="/campaigns" aria-label="返回活动列表">
              <ArrowLeftOutlined />
            </Link>
            <span>活动详情</span>
          </Space>
        }
      >
        <Typography.Title level={isMobile ? 5 : 4} style={{ marginTop: 0 }}>
          {campaign.title}
        </Typography.Title>
        <Space size={[4, 4]} wrap style={{ marginBottom: 12 }}>
          <Tag color={STATUS_COLORS[campaign.status]}>{campaign.statusLabel}</Tag>
          <Tag>
            {campaign.year}年 · {campaign.levelLabel}
          </Tag>
          <Tag>规则第 {campaign.rulesVersion} 版</Tag>
          {detail.rules.documentNumber && <Tag>{detail.rules.documentNumber}</Tag>}
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'organiser', label: '组织单位', children: campaign.organiserName },
            {
              key: 'deadline',
              label: '报送截止',
              children: <DeadlineText deadlineAt={campaign.deadlineAt} open={campaign.status === 'open'} />,
            },
          ]}
        />
        {campaign.transitions.length > 0 && (
          <Space wrap style={{ marginTop: 12 }}>
            {campaign.transitions.map((t, i) => (
              <Button
                key={t.to}
                type={i === campaign.transitions.length - 1 || t.to === 'open' ? 'primary' : 'default'}
                loading={transition.isPending && transition.variables === t.to}
                onClick={() => confirmTransition(t.to, t.label)}
              >
                {t.label}
              </Button>
            ))}
          </Space>
        )}
        {transitionFindings.length > 0 && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setTransitionFindings([]) }}
            style={{ marginTop: 12 }}
            title="活动规则有以下问题，修改后才能开放报送"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {transitionFindings.map((f) => (
                  <li key={`${f.code}:${f.field}`}>{f.message}</li>
                ))}
              </ul>
            }
          />
        )}
      </Card>

      <CampaignContacts rules={detail.rules} />

      {isUnit && <UnitSummary detail={detail} me={me} onShowHistory={() => setTab('history')} />}

      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            ...(isUnit
              ? [
                  {
                    key: 'mine',
                    label: '本单位推介',
                    children: <UnitNominationsTab detail={detail} me={me} />,
                  },
                  {
                    key: 'registration',
                    label: '推介登记表',
                    children: <RegistrationTab detail={detail} me={me} />,
                  },
                ]
              : []),
            ...(organises && campaign.status !== 'draft'
              ? [{ key: 'overview', label: '报送情况', children: <OverviewTab detail={detail} /> }]
              : []),
            {
              key: 'rules',
              label: campaign.actions.includes('editRules') ? '规则（可编辑）' : '规则',
              children: (
                <RulesTab
                  detail={detail}
                  reportingUnits={reportingUnits}
                  onSaved={setDetail}
                  onReload={() => refetch()}
                />
              ),
            },
            {
              key: 'history',
              label: afterOpening > 0 ? `变更记录（${afterOpening}）` : '变更记录',
              children: <HistoryTab history={detail.history} />,
            },
            ...(showExtensions
              ? [
                  {
                    key: 'extensions',
                    label: '延期',
                    children: (
                      <ExtensionsTab
                        detail={detail}
                        reportingUnits={reportingUnits}
                        onGranted={(extensions) => setDetail({ ...detail, extensions })}
                      />
                    ),
                  },
                ]
              : []),
            ...(isUnit || (organises && campaign.status !== 'draft')
              ? [
                  {
                    key: 'documents',
                    label: '材料与打印',
                    children: <DocumentsTab detail={detail} me={me} organises={!isUnit} />,
                  },
                ]
              : []),
            ...(isUnit || (organises && campaign.status !== 'draft')
              ? [
                  {
                    key: 'paper',
                    label: '纸质材料',
                    children: <PaperTab detail={detail} organises={!isUnit} />,
                  },
                ]
              : []),
            ...(organises && REVIEW_STATES.includes(campaign.status)
              ? [{ key: 'review', label: '专家评审', children: <ReviewSetupTab detail={detail} /> }]
              : []),
            ...(organises && REVIEW_STATES.includes(campaign.status)
              ? [{ key: 'gongshi', label: '公示', children: <AnnouncementPanel detail={detail} /> }]
              : []),
            { key: 'announcement', label: '公示期计算', children: <AnnouncementTab detail={detail} /> },
            ...(organises && ['announcing', 'approved', 'published'].includes(campaign.status)
              ? [
                  { key: 'objections', label: '异议处理', children: <ObjectionsTab detail={detail} /> },
                  { key: 'results', label: '审定与公布', children: <ResultsTab campaignId={campaign.id} /> },
                ]
              : []),
            // The winners' public texts are the organiser's to write once the results are out.
            ...(organises && campaign.status === 'published'
              ? [{ key: 'stories', label: '事迹展示', children: <StoriesTab campaignId={campaign.id} /> }]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
