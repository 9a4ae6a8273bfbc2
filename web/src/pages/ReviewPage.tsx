/**
 * 评分: one nomination of the expert's list, its form, photos and video beside the rubric. Made for
 * an expert who scores fifty nominations in an evening, on a computer or a tablet: scores save
 * themselves, the keyboard moves on to the next one, progress stays in view, and a submitted review
 * can be taken back while the round is open.
 */
import { ArrowLeftOutlined, ArrowRightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Progress, Result, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { findingsOf } from '../api/campaigns.ts';
import { ApiError } from '../api/client.ts';
import {
  CATEGORY_LABELS,
  myReviewsKey,
  type ReviewDraft,
  type ReviewResponse,
  reopenReview,
  reviewKey,
  submitReview,
  useReview,
} from '../api/review-scoring.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { DeclareConflictButton } from '../components/review/scoring/DeclareConflictButton.tsx';
import { OtherReviews } from '../components/review/scoring/OtherReviews.tsx';
import { ReviewedForm } from '../components/review/scoring/ReviewedForm.tsx';
import { ReviewFiles } from '../components/review/scoring/ReviewFiles.tsx';
import { ReviewSaveStatus } from '../components/review/scoring/ReviewSaveStatus.tsx';
import { RubricForm } from '../components/review/scoring/RubricForm.tsx';
import { draftFindings, liveTotal, submitFindings } from '../components/review/scoring/reviewContent.ts';
import { useReviewAutosave } from '../components/review/scoring/useReviewAutosave.ts';
import { useReviewKeys } from '../components/review/scoring/useReviewKeys.ts';
import '../components/review/scoring/scoring.css';
import { errorMessage } from '../lib/useShowError.ts';

const reviewPath = (roundId: string, nominationId: string) =>
  `/reviews/${encodeURIComponent(roundId)}/${encodeURIComponent(nominationId)}`;

function ReviewEditor({ data }: { data: ReviewResponse }) {
  const { roundId, nominationId, rubric } = data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [review, setReview] = useState<ReviewDraft>(data.review);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; findings: ReturnType<typeof findingsOf> } | null>(
    null,
  );
  const submitted = review.state === 'submitted';
  const readOnly = submitted || !data.roundOpen;
  const target = useMemo(() => ({ roundId, nominationId, rubric }), [roundId, nominationId, rubric]);
  const autosave = useReviewAutosave(target, data.review, !readOnly, (saved) => {
    setReview(saved);
    void queryClient.invalidateQueries({ queryKey: myReviewsKey });
  });
  const { content } = autosave;
  const total = liveTotal(rubric, content);
  const findings = refusal?.findings.length ? refusal.findings : draftFindings(rubric, content);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: reviewKey(roundId, nominationId) });
    void queryClient.invalidateQueries({ queryKey: myReviewsKey });
  };

  const go = async (id: string | null) => {
    if (!id) return;
    if (!readOnly && !(await autosave.flush()) && autosave.dirty()) {
      message.warning('当前评分尚未保存成功，请稍候再切换');
      return;
    }
    navigate(reviewPath(roundId, id));
  };

  const submit = async () => {
    if (readOnly || busy) return;
    const local = submitFindings(rubric, autosave.content);
    if (local.length > 0) {
      setRefusal({ message: '评分还不完整，请按提示补全后再提交', findings: local });
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      if (!(await autosave.flush())) {
        message.error('评分尚未保存成功，暂不能提交；请检查网络后重试');
        return;
      }
      const result = await submitReview(roundId, nominationId, autosave.version());
      autosave.reset(result.review);
      setReview(result.review);
      message.success('评分已提交');
      refresh();
    } catch (error) {
      setRefusal({ message: errorMessage(error), findings: findingsOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const reopen = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const result = await reopenReview(roundId, nominationId, review.version);
      autosave.reset(result.review);
      setReview(result.review);
      message.success('已撤回，可修改评分后重新提交');
      refresh();
    } catch (error) {
      setRefusal({ message: errorMessage(error), findings: [] });
    } finally {
      setBusy(false);
    }
  };

  useReviewKeys({
    next: () => void go(data.nextNominationId),
    previous: () => void go(data.previousNominationId),
    submit: () => void submit(),
  });

  const { submitted: done, assigned } = data.progress;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Link to="/reviews">
            <UnorderedListOutlined /> 我的评审
          </Link>
          <Typography.Title level={4} style={{ margin: 0, flex: '1 1 240px', minWidth: 0 }}>
            {data.title}
          </Typography.Title>
          <Tag>{CATEGORY_LABELS[data.category]}</Tag>
          <Tag color={submitted ? 'success' : 'default'}>{submitted ? '已提交' : '未提交'}</Tag>
        </div>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', marginTop: 8 }}>
          <Typography.Text type="secondary">{data.roundName}</Typography.Text>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 180 }}>
            <Typography.Text data-testid="review-progress">
              已评 {done} / {assigned}
            </Typography.Text>
            <Progress
              percent={assigned ? Math.round((done / assigned) * 100) : 0}
              showInfo={false}
              size="small"
              style={{ width: 100, margin: 0 }}
              aria-label={`已评 ${done} / ${assigned}`}
            />
          </span>
          <a className="review-jump" href="#review-rubric">
            去评分 ↓
          </a>
          <Space.Compact style={{ marginInlineStart: 'auto' }}>
            <Tooltip title="上一个（Alt+← 或 K）">
              <Button
                icon={<ArrowLeftOutlined />}
                disabled={!data.previousNominationId}
                onClick={() => void go(data.previousNominationId)}
              >
                上一个
              </Button>
            </Tooltip>
            <Tooltip title="下一个（Alt+→ 或 J）">
              <Button
                type={submitted ? 'primary' : 'default'}
                disabled={!data.nextNominationId}
                onClick={() => void go(data.nextNominationId)}
              >
                下一个 <ArrowRightOutlined />
              </Button>
            </Tooltip>
          </Space.Compact>
        </div>
      </Card>
      {!data.roundOpen && <Alert type="warning" showIcon title="本轮评审已结束，评分不能再修改" />}
      <div className="review-layout">
        <Space orientation="vertical" size="middle" style={{ width: '100%', minWidth: 0 }}>
          <Card size="small" title="推介表">
            <ReviewedForm
              category={data.category}
              form={data.form}
              unitName={data.unitName}
              hidden={data.hidden}
            />
          </Card>
          <Card size="small" title="照片与视频">
            <ReviewFiles files={data.files} />
          </Card>
        </Space>
        <div className="review-rubric" id="review-rubric">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title="评分">
              <RubricForm
                rubric={rubric}
                content={content}
                total={total}
                findings={findings}
                specialLabel={data.specialLabel}
                readOnly={readOnly}
                onChange={(update) => {
                  setRefusal(null);
                  autosave.change(update);
                }}
              />
              {refusal && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginTop: 12 }}
                  title={refusal.message}
                  description={
                    refusal.findings.length > 0 ? (
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {refusal.findings.map((f) => (
                          <li key={`${f.code}-${f.field}`}>{f.message}</li>
                        ))}
                      </ul>
                    ) : undefined
                  }
                />
              )}
              <div className="review-actions">
                {!submitted && data.roundOpen && (
                  <Tooltip title="Ctrl+Enter">
                    <Button type="primary" loading={busy} onClick={() => void submit()}>
                      提交评分
                    </Button>
                  </Tooltip>
                )}
                {submitted && data.roundOpen && (
                  <Button loading={busy} onClick={() => void reopen()}>
                    撤回修改
                  </Button>
                )}
                <DeclareConflictButton
                  campaignId={data.campaignId}
                  nominationId={nominationId}
                  title={data.title}
                  disabled={!data.roundOpen}
                  onDeclared={() => {
                    void queryClient.invalidateQueries({ queryKey: myReviewsKey });
                    const next = data.nextNominationId ?? data.previousNominationId;
                    navigate(next ? reviewPath(roundId, next) : '/reviews', { replace: true });
                  }}
                />
                <span style={{ marginInlineStart: 'auto' }}>
                  {submitted ? (
                    <Typography.Text type="success">已于提交时封存，如需修改请先撤回</Typography.Text>
                  ) : (
                    <ReviewSaveStatus state={autosave.state} onRetry={() => void autosave.flush()} />
                  )}
                </span>
              </div>
            </Card>
            {submitted && data.others && <OtherReviews others={data.others} />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              快捷键：Alt+→ / J 下一个，Alt+← / K 上一个，Ctrl+Enter 提交评分
            </Typography.Text>
          </Space>
        </div>
      </div>
    </Space>
  );
}

export default function ReviewPage() {
  const { roundId = '', nominationId = '' } = useParams();
  const review = useReview(roundId, nominationId);

  if (review.isLoading) return <PageLoading />;
  if (!review.data) {
    const notFound = review.error instanceof ApiError && review.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '该推介不在您的评审任务中，或您已回避' : '评分页面加载失败'}
        subTitle={notFound ? undefined : errorMessage(review.error)}
        extra={
          <Space>
            <Link to="/reviews">返回我的评审</Link>
            {!notFound && <Button onClick={() => review.refetch()}>重试</Button>}
          </Space>
        }
      />
    );
  }
  return <ReviewEditor key={`${roundId}/${nominationId}`} data={review.data} />;
}
