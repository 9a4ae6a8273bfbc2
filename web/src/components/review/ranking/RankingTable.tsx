/**
 * The ranking of one category with every method side by side (平均分, 去掉最高最低后平均, 标准化分), the
 * chosen one in bold, reviews against the expected number, disagreement marked, the experts'
 * recommendations; and, for the chair, the tick of the shortlist, the 特别推介 tick and the reason a
 * change against the ranking needs.
 */
import { Checkbox, Input, Space, Tag, Tooltip, Typography } from 'antd';
import type { RankingMethod } from '#core/review/ranking.ts';
import type { RankingRow } from '#web/api/review-scoring.ts';
import { type ResponsiveColumn, ResponsiveTable } from '#web/components/ResponsiveTable.tsx';
import type { ShortlistDraft } from './shortlistDraft.ts';

const score = (value: number) => value.toFixed(2);

/** A nomination no expert has scored yet has no score: a dash, not 0.00. */
function Score({ value, chosen, scored }: { value: number; chosen: boolean; scored: boolean }) {
  if (!scored) return <Typography.Text type="secondary">—</Typography.Text>;
  return chosen ? <Typography.Text strong>{score(value)}</Typography.Text> : <span>{score(value)}</span>;
}

export function RankingTable({
  rows,
  method,
  draft,
  against,
  editable,
  specialLabel,
  onDraft,
}: {
  rows: RankingRow[];
  method: RankingMethod;
  draft: ShortlistDraft;
  against: ReadonlySet<string>;
  /** The chair may tick; everyone else sees the ticks of the proposal read-only. */
  editable: boolean;
  specialLabel: string;
  onDraft: (draft: ShortlistDraft) => void;
}) {
  const columns: ResponsiveColumn<RankingRow>[] = [
    { key: 'rank', title: '名次', dataIndex: 'rank', width: 64, align: 'center' },
    {
      key: 'title',
      title: '推介',
      cardRole: 'title',
      width: 200,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Space size={4} wrap>
            <Typography.Text strong>{row.title}</Typography.Text>
            {row.state !== 'accepted' && <Tag>{row.stateLabel}</Tag>}
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.unitName}
          </Typography.Text>
          <span>
            {row.grassroots && <Tag color="green">一线、基层</Tag>}
            {row.focusGroups.map((g) => (
              <Tag key={g} color="blue">
                {g}
              </Tag>
            ))}
          </span>
        </Space>
      ),
    },
    {
      key: 'reviews',
      title: '评审份数',
      width: 90,
      align: 'center',
      render: (_, row) =>
        row.reviews < row.expected ? (
          <Tooltip title={`应有 ${row.expected} 份，已提交 ${row.reviews} 份`}>
            <Typography.Text type="warning">
              {row.reviews} / {row.expected}
            </Typography.Text>
          </Tooltip>
        ) : (
          `${row.reviews} / ${row.expected}`
        ),
    },
    {
      key: 'mean',
      title: '平均分',
      width: 80,
      align: 'right',
      render: (_, row) => <Score value={row.mean} chosen={method === 'mean'} scored={row.scored} />,
    },
    {
      key: 'trimmed',
      title: '去掉最高最低后平均',
      width: 110,
      align: 'right',
      render: (_, row) => <Score value={row.trimmed} chosen={method === 'trimmed'} scored={row.scored} />,
    },
    {
      key: 'zscore',
      title: '标准化分',
      width: 100,
      align: 'right',
      render: (_, row) => (
        <Tooltip title={`标准分 z = ${row.zscore.toFixed(3)}，已折算为百分制`}>
          <span>
            <Score value={row.zscoreRescaled} chosen={method === 'zscore'} scored={row.scored} />
          </span>
        </Tooltip>
      ),
    },
    {
      key: 'spread',
      title: '分差',
      width: 100,
      render: (_, row) => (
        <Space size={4}>
          <span>{row.scored ? row.spread.toFixed(1) : '—'}</span>
          {row.disagreement && <Tag color="orange">分歧较大</Tag>}
        </Space>
      ),
    },
    {
      key: 'recommendations',
      title: '专家意见',
      width: 130,
      render: (_, row) => (
        <span style={{ fontSize: 12 }}>
          推荐 {row.recommendations.recommend}、可推荐 {row.recommendations.may_recommend}、不推荐{' '}
          {row.recommendations.not_recommend}
          {row.specialVotes > 0 && `；${row.specialVotes} 位建议特别推介`}
        </span>
      ),
    },
    {
      key: 'special',
      title: '特别推介',
      width: 90,
      align: 'center',
      // Only a unit's own special pick carries the special material.
      render: (_, row) =>
        !row.special ? (
          <Tooltip title="报送单位未将其推介为特别推介">—</Tooltip>
        ) : (
          <Checkbox
            aria-label={`将“${row.title}”列为${specialLabel}`}
            checked={draft.specials.has(row.nominationId)}
            disabled={!editable || !draft.picked.has(row.nominationId)}
            onChange={(e) => {
              const specials = new Set(draft.specials);
              if (e.target.checked) specials.add(row.nominationId);
              else specials.delete(row.nominationId);
              onDraft({ ...draft, specials });
            }}
          />
        ),
    },
    {
      key: 'reason',
      title: '调整理由',
      width: 200,
      render: (_, row) => {
        if (!against.has(row.nominationId)) return draft.reasons[row.nominationId] || '—';
        const reason = draft.reasons[row.nominationId] ?? '';
        const label = draft.picked.has(row.nominationId) ? '排名靠后但列入' : '排名靠前但未列入';
        return editable ? (
          <Input.TextArea
            aria-label={`“${row.title}”的调整理由`}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={500}
            status={reason.trim() ? undefined : 'error'}
            placeholder={`${label}，请填写理由`}
            value={reason}
            onChange={(e) =>
              onDraft({ ...draft, reasons: { ...draft.reasons, [row.nominationId]: e.target.value } })
            }
          />
        ) : (
          <span>
            <Tag color="gold">{label}</Tag>
            {reason}
          </span>
        );
      },
    },
  ];
  return (
    <ResponsiveTable<RankingRow>
      rowKey="nominationId"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scrollX={1240}
      emptyText="本类别暂无可排名的推介"
      selection={{
        selectedKeys: [...draft.picked],
        selectable: () => editable,
        label: (row) => `将“${row.title}”列入拟推介名单`,
        onChange: (keys) => {
          const picked = new Set(keys);
          const specials = new Set([...draft.specials].filter((id) => picked.has(id)));
          onDraft({ ...draft, picked, specials });
        },
      }}
    />
  );
}
