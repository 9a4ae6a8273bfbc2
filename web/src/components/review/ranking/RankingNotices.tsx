/**
 * What the chair must know before trusting a ranking: reviews still missing, experts whose raw scores
 * stood in for normalised ones, and which nominations another method would take in or leave out.
 */
import { Alert, Space, Typography } from 'antd';
import type { RankingResponse } from '#web/api/review-scoring.ts';

/** The server may name nominations by id or by title; ids are shown as their titles. */
function names(ids: readonly string[], titles: ReadonlyMap<string, string>): string {
  return ids.map((id) => `“${titles.get(id) ?? id}”`).join('、');
}

export function RankingNotices({ ranking }: { ranking: RankingResponse }) {
  const titles = new Map(ranking.rows.map((r) => [r.nominationId, r.title]));
  const differing = ranking.sensitivity.filter((s) => s.enter.length > 0 || s.leave.length > 0);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {ranking.chairRecused.length > 0 && (
        <Alert
          type="info"
          showIcon
          title="评审组组长对以下推介须回避：组长拟定的名单不含这些推介，请组织单位在推介页面单独决定是否列入拟推介名单"
          description={ranking.chairRecused.map((title) => `“${title}”`).join('、')}
        />
      )}
      {!ranking.complete && (
        <Alert type="warning" showIcon title="尚有专家未提交评分，当前排名为阶段结果，可能随后续评分变化" />
      )}
      {ranking.fallbackExperts.length > 0 && (
        <Alert
          type="info"
          showIcon
          title="以下专家评审数量不足，标准化时使用原始分"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {ranking.fallbackExperts.map((e) => (
                <li key={e.expertName}>
                  {e.expertName}：{e.reason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {ranking.sensitivity.length > 0 && (
        <Alert
          type={differing.length > 0 ? 'warning' : 'success'}
          showIcon
          title={
            differing.length > 0
              ? '换用其他方法时将进入/退出名单的推介'
              : '换用其他排名方法，名额内的推介不变'
          }
          description={
            differing.length > 0 ? (
              <Space orientation="vertical" size={2}>
                {differing.map((s) => (
                  <Typography.Text key={s.method}>
                    按“{s.methodLabel}”：
                    {s.enter.length > 0 ? `将进入 ${names(s.enter, titles)}` : '无新进入'}；
                    {s.leave.length > 0 ? `将退出 ${names(s.leave, titles)}` : '无退出'}
                  </Typography.Text>
                ))}
              </Space>
            ) : undefined
          }
        />
      )}
    </Space>
  );
}
