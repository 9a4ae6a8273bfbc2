/**
 * 评审轮次: each round with its dates, settings and progress (已提交 12 / 40), and the moves the platform
 * allows now (开始评审, 结束评审, 重新开放评审), labelled as the server sends them.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Progress, Space, Tag } from 'antd';
import { useState } from 'react';
import { BLIND_FIELDS, ROUND_KINDS, type RoundState } from '#core/review/round-states.ts';
import { moveRound, type ReviewRound, type ReviewSetup, reviewKey } from '#web/api/review-setup.ts';
import { formatDate, formatDateTime } from '#web/format.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { RoundFormModal } from './RoundFormModal.tsx';

const STATE_COLORS: Record<RoundState, string> = {
  planned: 'default',
  open: 'processing',
  closed: 'success',
};
const MOVE_HINTS: Record<RoundState, string> = {
  open: '开始后，专家即可看到分配给自己的推介并评分。同一时间只能有一个评审轮次在进行。',
  closed: '结束后专家不能再修改或提交评审意见；如有专家未完成，可重新开放。',
  planned: '',
};

function RoundCard({
  campaignId,
  round,
  setup,
  onEdit,
}: {
  campaignId: string;
  round: ReviewRound;
  setup: ReviewSetup;
  onEdit: () => void;
}) {
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const move = useMutation({
    mutationFn: (to: RoundState) => moveRound(campaignId, round, to),
    onSuccess: (next) => {
      message.success(`「${next.name}」${next.stateLabel}`);
      void queryClient.invalidateQueries({ queryKey: reviewKey(campaignId) });
    },
    onError: showError,
  });
  const { assigned, submitted } = round.progress;
  const experts =
    round.expertIds.length === 0
      ? `专家库全部专家（${setup.experts.length} 名）`
      : setup.experts
          .filter((e) => round.expertIds.includes(e.expertId))
          .map((e) => e.name)
          .join('、');
  return (
    <Card
      size="small"
      title={
        <Space size={8} wrap>
          <span>
            第{round.position}轮 · {round.name}
          </span>
          <Tag color={STATE_COLORS[round.state]}>{round.stateLabel}</Tag>
        </Space>
      }
      extra={
        <Button size="small" onClick={onEdit}>
          编辑
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'kind', label: '评审方式', children: ROUND_KINDS[round.kind] },
          {
            key: 'dates',
            label: '评审时间',
            children: `${round.opensOn ? `${formatDate(round.opensOn)} 起，` : ''}${formatDateTime(round.closesAt)} 截止（北京时间）`,
          },
          { key: 'n', label: '每项推介', children: `${round.reviewsPerNomination} 位专家评审` },
          {
            key: 'blind',
            label: '盲评隐藏',
            children:
              round.blindFields.length === 0
                ? '不隐藏'
                : round.blindFields.map((f) => BLIND_FIELDS[f]).join('、'),
          },
          {
            key: 'others',
            label: '互看评分',
            children: round.showOthersAfterSubmit ? '提交本人意见后可查看其他专家评分' : '不可查看',
          },
          { key: 'experts', label: '参加专家', children: experts || '—' },
          {
            key: 'seed',
            label: '自动分配',
            children:
              round.assignmentSeed === null ? '尚未分配' : `已分配（随机种子 ${round.assignmentSeed}）`,
          },
        ]}
      />
      <div style={{ marginTop: 8 }}>
        <span>
          已提交 {submitted} / {assigned}
        </span>
        <Progress
          percent={assigned === 0 ? 0 : Math.round((submitted / assigned) * 100)}
          size="small"
          status={round.state === 'open' ? 'active' : undefined}
          aria-label={`已提交 ${submitted} / ${assigned}`}
        />
      </div>
      {round.moves.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {round.moves.map((m) => (
            <Button
              key={m.to}
              type={m.to === 'open' ? 'primary' : 'default'}
              danger={m.to === 'closed'}
              loading={move.isPending && move.variables === m.to}
              onClick={() =>
                modal.confirm({
                  title: `${m.label}：${round.name}？`,
                  content: MOVE_HINTS[m.to] || undefined,
                  okText: m.label,
                  onOk: () => move.mutateAsync(m.to).catch(() => undefined),
                })
              }
            >
              {m.label}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}

export function RoundsPanel({ campaignId, setup }: { campaignId: string; setup: ReviewSetup }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<ReviewRound | 'new' | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
        新建评审轮次
      </Button>
      {setup.rounds.length === 0 && <Empty description="还没有评审轮次。通常先网上初评，再会议评审。" />}
      {setup.rounds.map((round) => (
        <RoundCard
          key={round.id}
          campaignId={campaignId}
          round={round}
          setup={setup}
          onEdit={() => setEditing(round)}
        />
      ))}
      <RoundFormModal
        campaignId={campaignId}
        setup={setup}
        round={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void queryClient.invalidateQueries({ queryKey: reviewKey(campaignId) });
        }}
      />
    </Space>
  );
}
