/**
 * 打印评审表: the expert's scores of one round on A4 (landscape, one sheet per category) to sign at a
 * meeting, through the same print frame as the 推介表; the browser prints it or saves it as PDF.
 */
import { Button, Result, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useReviewSheet } from '../api/review-scoring.ts';
import { PrintFrame } from '../components/documents/PrintFrame.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { PrintedScoreSheet, sheetGroups } from '../components/review/scoring/PrintedScoreSheet.tsx';
import '../components/review/scoring/score-sheet.css';

export default function PrintScoreSheetPage() {
  const { roundId = '' } = useParams();
  const sheet = useReviewSheet(roundId);
  if (sheet.isLoading) return <PageLoading />;
  const s = sheet.data;
  if (!s) {
    const notFound = sheet.error instanceof ApiError && sheet.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '该评审轮次不存在或您不是本轮评审专家' : '评审表加载失败'}
        extra={
          <Space>
            <Link to="/reviews">返回我的评审</Link>
            {!notFound && <Button onClick={() => sheet.refetch()}>重试</Button>}
          </Space>
        }
      />
    );
  }
  const drafts = s.items.some((i) => i.stateLabel !== '已提交');
  return (
    <PrintFrame
      title={`评审表-${s.roundName}-${s.expertName}`}
      backTo="/reviews"
      backLabel="返回我的评审"
      hint={
        drafts ? '有推介尚未提交评分，表中已标注“未提交”或“未评分”；提交后再打印为最终评审表。' : undefined
      }
      documents={sheetGroups(s.items).map((group) => ({
        key: group.category,
        copies: 1,
        landscape: true,
        content: <PrintedScoreSheet sheet={s} group={group} />,
      }))}
    />
  );
}
