/**
 * 分配: automatic assignment for a round (reproducible with a seed, which is shown), the result per
 * nomination and per expert, changes by hand, and the score sheets and ranking to download.
 */
import { DownloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Empty,
  InputNumber,
  Result,
  Segmented,
  Select,
  Space,
  Spin,
  Typography,
} from 'antd';
import { useState } from 'react';
import { findingsOf } from '#web/api/campaigns.ts';
import { ApiError } from '#web/api/client.ts';
import {
  type AssignmentRow,
  assignmentsKey,
  assignRound,
  changeAssignment,
  downloadRanking,
  downloadScoreSheets,
  type ReviewSetup,
  reviewKey,
  useAssignments,
} from '#web/api/review-setup.ts';
import { errorMessage, useShowError } from '#web/lib/useShowError.ts';
import { AddAssignmentDialog } from './AddAssignmentDialog.tsx';
import { ExpertLoads, NominationAssignments } from './AssignmentTables.tsx';
import { PANEL_OPTIONS, type Panel } from './labels.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

export function AssignmentPanel({ campaignId, setup }: { campaignId: string; setup: ReviewSetup }) {
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const preferred = setup.rounds.find((r) => r.state === 'open') ?? setup.rounds.at(-1);
  const [roundId, setRoundId] = useState<string | undefined>(preferred?.id);
  const round = setup.rounds.find((r) => r.id === roundId) ?? preferred;
  const [seed, setSeed] = useState<number | null>(null);
  const [category, setCategory] = useState<Panel | undefined>();
  const [view, setView] = useState<'nominations' | 'experts'>('nominations');
  const [adding, setAdding] = useState<AssignmentRow | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const assignments = useAssignments(campaignId, round?.id);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: reviewKey(campaignId) });
  };
  const assign = useMutation({
    mutationFn: () => assignRound(campaignId, round?.id ?? '', { seed: seed ?? undefined, category }),
    onSuccess: (result) => {
      queryClient.setQueryData(assignmentsKey(campaignId, result.roundId), result);
      message.success(`自动分配完成（随机种子 ${result.seed}）`);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (pair: { nominationId: string; expertId: string }) =>
      changeAssignment(campaignId, round?.id ?? '', pair, 'remove'),
    onSuccess: () => {
      message.success('已取消该项评审分配');
      refresh();
    },
    onError: showError,
  });
  const download = async (key: string, run: () => Promise<void>) => {
    setDownloading(key);
    try {
      await run();
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(null);
    }
  };

  if (!round) return <Empty description="请先在「评审轮次」中新建评审轮次，再分配评审任务" />;
  const data = assignments.data;
  const hasAssignments = (data?.nominations ?? []).some((n) => n.experts.length > 0);
  const infeasible = assign.error instanceof ApiError && assign.error.code === 'ASSIGNMENT_INFEASIBLE';
  const reasons = findingsOf(assign.error);

  const runAssign = () =>
    hasAssignments
      ? modal.confirm({
          title: '重新自动分配？',
          content: '自动分配的任务将按新结果替换；手动添加的和专家已开始评审的保留不变。',
          okText: '重新分配',
          onOk: () => assign.mutateAsync().catch(() => undefined),
        })
      : assign.mutate();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          aria-label="评审轮次"
          style={{ width: 220 }}
          value={round.id}
          onChange={(id) => {
            setRoundId(id);
            assign.reset();
          }}
          options={setup.rounds.map((r) => ({ value: r.id, label: `${r.name}（${r.stateLabel}）` }))}
        />
        <Select
          aria-label="评审组"
          allowClear
          placeholder="全部评审组"
          style={{ width: 180 }}
          value={category}
          onChange={setCategory}
          options={PANEL_OPTIONS}
        />
        <InputNumber
          aria-label="随机种子"
          placeholder="随机种子（选填）"
          min={0}
          max={2_147_483_647}
          precision={0}
          value={seed}
          onChange={(v) => setSeed(v)}
          style={{ width: 170 }}
        />
        <Button type="primary" icon={<ThunderboltOutlined />} loading={assign.isPending} onClick={runAssign}>
          {assign.isPending ? '正在计算分配方案…' : '自动分配'}
        </Button>
      </Space>
      <Typography.Text type="secondary">
        自动分配会避开须回避的专家，兼顾每位专家的评审量上下限，并尽量让同一推介的专家来自不同省份。填写同一随机种子可重现同样的结果。
      </Typography.Text>
      {data?.seed !== null && data?.seed !== undefined && (
        <Alert
          type="info"
          showIcon
          title={`本轮自动分配使用的随机种子：${data.seed}`}
          description="如需重现这次分配，请在“随机种子”中填入此数。"
        />
      )}
      {infeasible ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => assign.reset() }}
          title="无法按现有条件完成分配"
          description={
            <>
              <div>{errorMessage(assign.error)}</div>
              {reasons.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                  {reasons.map((f) => (
                    <li key={`${f.code}:${f.field}:${f.message}`}>{f.message}</li>
                  ))}
                </ul>
              )}
              <div style={{ marginTop: 4 }}>
                可以增加专家、调高专家的评审量上限、减少每项推介的评审专家数，或核实回避情况后再试。
              </div>
            </>
          }
        />
      ) : (
        <RefusalAlert error={assign.error} onClose={() => assign.reset()} />
      )}
      {(data?.findings ?? []).length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="分配结果请留意"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {data?.findings.map((f) => (
                <li key={`${f.code}:${f.field}:${f.message}`}>{f.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          loading={downloading === 'sheets'}
          disabled={round.progress.assigned === 0}
          onClick={() => download('sheets', () => downloadScoreSheets(campaignId, round))}
        >
          下载全部评分表
        </Button>
        <Button
          icon={<DownloadOutlined />}
          loading={downloading === 'ranking'}
          disabled={round.progress.submitted === 0}
          onClick={() => download('ranking', () => downloadRanking(campaignId, round))}
        >
          下载排名表
        </Button>
        {round.progress.submitted === 0 && (
          <Typography.Text type="secondary">专家提交评审意见后可下载排名表。</Typography.Text>
        )}
      </Space>
      <Segmented
        value={view}
        onChange={(v) => setView(v as 'nominations' | 'experts')}
        options={[
          { value: 'nominations', label: '按推介' },
          { value: 'experts', label: '按专家' },
        ]}
      />
      {assignments.error ? (
        <Result
          status="error"
          title="分配情况加载失败"
          subTitle={errorMessage(assignments.error)}
          extra={<Button onClick={() => assignments.refetch()}>重试</Button>}
        />
      ) : (
        <Spin spinning={assignments.isLoading || remove.isPending}>
          {view === 'nominations' ? (
            <NominationAssignments
              rows={data?.nominations ?? []}
              busy={remove.isPending}
              onAdd={setAdding}
              onRemove={(row, expertId) => remove.mutate({ nominationId: row.nominationId, expertId })}
            />
          ) : (
            <ExpertLoads
              rows={data?.experts ?? []}
              downloading={downloading}
              onDownload={(row) =>
                download(row.expertId, () => downloadScoreSheets(campaignId, round, row.expertId))
              }
            />
          )}
        </Spin>
      )}
      <AddAssignmentDialog
        campaignId={campaignId}
        roundId={round.id}
        row={adding}
        experts={setup.experts}
        onClose={() => setAdding(null)}
        onDone={() => {
          setAdding(null);
          message.success('已添加评审专家');
          refresh();
        }}
      />
    </Space>
  );
}
