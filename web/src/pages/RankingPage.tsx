/**
 * 评审排名与拟推介名单, for the panel's chair and the organiser: the ranking of one category under the
 * chosen method with every method side by side, what the chair should know before trusting it, the
 * shortlist ticked with its constraints counted live, 「提交拟推介名单」 for the chair and 「确认拟推介名单」
 * for the organiser, and the Word and Excel downloads. The server's refusals are shown as it words them.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Result, Segmented, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { CATEGORIES, type Category } from '#core/campaign/rules.ts';
import { CATEGORY_INFO } from '#core/campaign/templates/common.ts';
import { RANKING_METHOD_LABELS, RANKING_METHODS, type RankingMethod } from '#core/review/ranking.ts';
import { findingsOf } from '../api/campaigns.ts';
import { ApiError } from '../api/client.ts';
import {
  downloadRankingXlsx,
  proposeShortlist,
  RANKING_KEY,
  type RankingResponse,
  type ShortlistProposal,
  useRanking,
  useShortlistProposals,
} from '../api/review-scoring.ts';
import { useCurrentMe } from '../auth/useMe.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { RankingNotices } from '../components/review/ranking/RankingNotices.tsx';
import { RankingTable } from '../components/review/ranking/RankingTable.tsx';
import { ShortlistProposals } from '../components/review/ranking/ShortlistProposals.tsx';
import { initialDraft, type ShortlistDraft, summarise } from '../components/review/ranking/shortlistDraft.ts';
import { errorMessage } from '../lib/useShowError.ts';

const METHOD_SHORT: Record<RankingMethod, string> = {
  mean: '平均分',
  trimmed: '去掉最高最低后平均',
  zscore: '标准化分',
};

function isCategory(value: string | null): value is Category {
  return value !== null && (CATEGORIES as readonly string[]).includes(value);
}
function isMethod(value: string | null): value is RankingMethod {
  return value !== null && (RANKING_METHODS as readonly string[]).includes(value);
}

function Shortlist({
  campaignId,
  ranking,
  proposals,
  measure,
  specialLabel,
}: {
  campaignId: string;
  ranking: RankingResponse;
  proposals: ShortlistProposal[];
  measure: string;
  specialLabel: string;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const latest = proposals[0];
  const [draft, setDraft] = useState<ShortlistDraft>(() => initialDraft(ranking, latest));
  const [note, setNote] = useState(latest?.note ?? '');
  const summary = useMemo(() => summarise(ranking, draft, measure), [ranking, draft, measure]);
  const blocked = summary.lines.some((l) => !l.ok) || summary.missingReasons.length > 0;

  const propose = useMutation({
    mutationFn: () =>
      proposeShortlist(campaignId, {
        roundId: ranking.roundId,
        category: ranking.category,
        method: ranking.method,
        note,
        entries: ranking.rows.map((row) => ({
          nominationId: row.nominationId,
          decision: draft.picked.has(row.nominationId) ? 'shortlisted' : 'not_selected',
          special: draft.specials.has(row.nominationId),
          reason: summary.against.has(row.nominationId) ? (draft.reasons[row.nominationId] ?? '').trim() : '',
        })),
      }),
    onSuccess: () => {
      message.success('拟推介名单已提交，待组织方确认');
      void queryClient.invalidateQueries({ queryKey: RANKING_KEY });
    },
  });
  const refusalFindings = findingsOf(propose.error);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="名额与结构（随勾选即时计算）">
        <Space orientation="vertical" size={4}>
          {summary.lines.map((line) => (
            <Typography.Text
              key={line.key}
              type={line.ok ? undefined : 'danger'}
              data-testid={`constraint-${line.key}`}
            >
              {line.ok ? '✓ ' : '✗ '}
              {line.label}
            </Typography.Text>
          ))}
          {summary.missingReasons.length > 0 && (
            <Typography.Text type="danger">
              ✗ 与排名顺序不一致的调整须逐条填写理由，尚缺 {summary.missingReasons.length} 条
            </Typography.Text>
          )}
        </Space>
      </Card>
      <RankingTable
        rows={ranking.rows}
        method={ranking.method}
        draft={draft}
        against={summary.against}
        editable={ranking.canPropose}
        specialLabel={specialLabel}
        onDraft={setDraft}
      />
      {ranking.canPropose && (
        <Card size="small" title="提交拟推介名单">
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <Input.TextArea
              aria-label="说明"
              placeholder="说明（选填）：如评审会讨论情况"
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            {propose.error && (
              <Alert
                type="error"
                showIcon
                title={errorMessage(propose.error)}
                description={
                  refusalFindings.length > 0 ? (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {refusalFindings.map((f) => (
                        <li key={`${f.code}-${f.field}`}>{f.message}</li>
                      ))}
                    </ul>
                  ) : undefined
                }
              />
            )}
            <Space wrap>
              <Button
                type="primary"
                disabled={blocked || draft.picked.size === 0}
                loading={propose.isPending}
                onClick={() => propose.mutate()}
              >
                提交拟推介名单
              </Button>
              {blocked && <Typography.Text type="secondary">请先按上方提示调整名单</Typography.Text>}
            </Space>
          </Space>
        </Card>
      )}
      <ShortlistProposals
        campaignId={campaignId}
        proposals={proposals}
        canConfirm={ranking.canConfirm}
        measure={measure}
      />
    </Space>
  );
}

export default function RankingPage() {
  const { campaignId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const categoryParam = search.get('category');
  const methodParam = search.get('method');
  const category: Category = isCategory(categoryParam) ? categoryParam : 'star';
  const method: RankingMethod = isMethod(methodParam) ? methodParam : 'zscore';
  const roundId = search.get('roundId') ?? undefined;
  const ranking = useRanking(campaignId, { roundId, category, method });
  const proposals = useShortlistProposals(campaignId);
  const me = useCurrentMe();
  // The campaign's own wording is not fetched: a chair from outside the organiser may not open the campaign.
  const { unit: measure, specialLabel } = CATEGORY_INFO[category];

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next, { replace: true });
  };

  const download = useMutation({
    mutationFn: () => downloadRankingXlsx(campaignId, ranking.data?.roundId ?? roundId ?? ''),
  });

  if (ranking.isLoading) return <PageLoading />;
  const data = ranking.data;
  if (!data) {
    const status = ranking.error instanceof ApiError ? ranking.error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={status === 403 || status === 404 ? '您无权查看本活动的评审排名' : '评审排名加载失败'}
        subTitle={status === 403 || status === 404 ? undefined : errorMessage(ranking.error)}
        extra={<Link to="/reviews">返回我的评审</Link>}
      />
    );
  }
  const forThis = (proposals.data?.items ?? [])
    .filter((p) => p.roundId === data.roundId && p.category === data.category)
    .sort((a, b) => b.proposedAt.localeCompare(a.proposedAt));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          评审排名与拟推介名单
        </Typography.Title>
        {me.roles.includes('expert') ? (
          <Link to="/reviews">返回我的评审</Link>
        ) : (
          <Link to={`/campaigns/${encodeURIComponent(campaignId)}`}>返回推介活动</Link>
        )}
      </div>
      <Card size="small">
        <Space wrap size="middle" style={{ width: '100%' }}>
          <Segmented<Category>
            value={category}
            options={CATEGORIES.map((c) => ({
              value: c,
              label: CATEGORY_INFO[c].label,
            }))}
            onChange={(value) => set('category', value)}
          />
          <Segmented<RankingMethod>
            value={method}
            options={RANKING_METHODS.map((m) => ({ value: m, label: METHOD_SHORT[m] }))}
            onChange={(value) => set('method', value)}
          />
          <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()}>
            导出排名（Excel）
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          当前按“{data.methodLabel || RANKING_METHOD_LABELS[data.method]}”排序，三种方法的分数并列显示。
          标准化分：将每位专家的评分按其本人的平均分和离散程度折算，避免个别专家打分偏宽或偏严影响结果。
        </Typography.Paragraph>
        {download.error && (
          <Alert type="error" showIcon style={{ marginTop: 8 }} title={errorMessage(download.error)} />
        )}
      </Card>
      <RankingNotices ranking={data} />
      <Shortlist
        // A new category or round starts a fresh draft; switching the method keeps the ticks.
        key={`${data.roundId}/${data.category}/${forThis[0]?.id ?? ''}`}
        campaignId={campaignId}
        ranking={data}
        proposals={forThis}
        measure={measure}
        specialLabel={specialLabel}
      />
    </Space>
  );
}
