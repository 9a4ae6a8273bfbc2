/**
 * 我的评审: the expert's rounds, each with its progress (已评 12 / 40), its closing time in Beijing time,
 * the nominations to score with where each stands, a button to the next one not yet submitted, and the
 * printable 评审表. A chair also finds the way to the ranking of the panels they chair.
 */
import { FormOutlined, OrderedListOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Progress, Result, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { CATEGORY_LABELS, type MyReviewItem, type MyRound, useMyReviews } from '../api/review-scoring.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { formatTotal } from '../components/review/scoring/reviewContent.ts';
import { formatDateTime } from '../format.ts';
import { errorMessage } from '../lib/useShowError.ts';

const STATE_COLORS: Record<MyReviewItem['state'], string> = {
  none: 'default',
  draft: 'processing',
  submitted: 'success',
};

const reviewPath = (item: Pick<MyReviewItem, 'roundId' | 'nominationId'>) =>
  `/reviews/${encodeURIComponent(item.roundId)}/${encodeURIComponent(item.nominationId)}`;

/** The first nomination not yet submitted, in the list's order: where an expert picks up tonight. */
export function nextToScore(round: Pick<MyRound, 'items'>): MyReviewItem | undefined {
  return round.items.find((i) => i.state !== 'submitted');
}

function RoundCard({ round }: { round: MyRound }) {
  const navigate = useNavigate();
  const next = nextToScore(round);
  const { submitted, assigned } = round.progress;
  const columns: ResponsiveColumn<MyReviewItem>[] = [
    {
      key: 'title',
      title: '推介',
      cardRole: 'title',
      render: (_, item) => <Link to={reviewPath(item)}>{item.title}</Link>,
    },
    {
      key: 'category',
      title: '类别',
      width: 150,
      render: (_, item) => CATEGORY_LABELS[item.category],
    },
    {
      key: 'state',
      title: '状态',
      width: 100,
      render: (_, item) => <Tag color={STATE_COLORS[item.state]}>{item.stateLabel}</Tag>,
    },
    {
      key: 'total',
      title: '总分',
      width: 90,
      align: 'right',
      render: (_, item) => formatTotal(item.total),
    },
    {
      key: 'actions',
      title: '操作',
      cardRole: 'actions',
      width: 100,
      render: (_, item) => (
        <Link to={reviewPath(item)}>{item.state === 'submitted' || !round.open ? '查看' : '评分'}</Link>
      ),
    },
  ];
  return (
    <Card
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {round.campaignTitle} · {round.roundName}
        </span>
      }
      extra={<Tag color={round.open ? 'processing' : 'default'}>{round.open ? '评审中' : '未在评审期'}</Tag>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center' }}>
          <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
            <Typography.Text strong data-testid="round-progress">
              已评 {submitted} / {assigned}
            </Typography.Text>
            <Progress
              percent={assigned ? Math.round((submitted / assigned) * 100) : 0}
              size="small"
              style={{ width: 140, margin: 0 }}
              aria-label={`已评 ${submitted} / ${assigned}`}
            />
          </span>
          <Typography.Text type="secondary">
            截止时间：{formatDateTime(round.closesAt)}（北京时间）
          </Typography.Text>
        </div>
        <Space wrap>
          {round.open && next && (
            <Button type="primary" icon={<FormOutlined />} onClick={() => navigate(reviewPath(next))}>
              {submitted === 0 && next.state === 'none' ? '开始评分' : '继续评下一个'}
            </Button>
          )}
          {round.open && !next && assigned > 0 && (
            <Typography.Text type="success">本轮评分已全部提交，感谢您的辛勤工作。</Typography.Text>
          )}
          <Link to={`/print/reviews/${encodeURIComponent(round.roundId)}`} target="_blank">
            <PrinterOutlined /> 打印评审表
          </Link>
          {round.chairOf.length > 0 && (
            <Link
              to={`/campaigns/${encodeURIComponent(round.campaignId)}/review/ranking?roundId=${encodeURIComponent(round.roundId)}&category=${round.chairOf[0]}`}
            >
              <OrderedListOutlined /> 评审排名与拟推介名单（
              {round.chairOf.map((c) => CATEGORY_LABELS[c]).join('、')}组组长）
            </Link>
          )}
        </Space>
        <ResponsiveTable<MyReviewItem>
          rowKey="nominationId"
          columns={columns}
          dataSource={round.items}
          pagination={round.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          emptyText="本轮没有分配给您的推介"
        />
      </Space>
    </Card>
  );
}

export default function MyReviewsPage() {
  const mine = useMyReviews();
  if (mine.isLoading) return <PageLoading />;
  if (!mine.data)
    return (
      <Result
        status="error"
        title="评审任务加载失败"
        subTitle={errorMessage(mine.error)}
        extra={<Button onClick={() => mine.refetch()}>重试</Button>}
      />
    );
  const { rounds } = mine.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        我的评审
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title="评分自动保存；提交后如需修改，可在评审结束前撤回。与推介对象有利害关系的，请在评分页“申请回避”。"
      />
      {rounds.length === 0 ? (
        <Card>
          <Empty description="目前没有分配给您的评审任务" />
        </Card>
      ) : (
        rounds.map((round) => <RoundCard key={round.roundId} round={round} />)
      )}
    </Space>
  );
}
