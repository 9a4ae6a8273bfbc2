/**
 * The 拟推介名单 proposed for this round and category: who proposed it and when, the server's notes on
 * it, the Word download, and for the organiser 「确认拟推介名单」, which moves every nomination on it to
 * 拟推介 and the others to 未入选 at once.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd';
import {
  confirmShortlist,
  downloadShortlistDocx,
  RANKING_KEY,
  type ShortlistProposal,
} from '#web/api/review-scoring.ts';
import { formatDateTime } from '#web/format.ts';
import { errorMessage } from '#web/lib/useShowError.ts';

export function ShortlistProposals({
  campaignId,
  proposals,
  canConfirm,
  measure,
}: {
  campaignId: string;
  proposals: ShortlistProposal[];
  canConfirm: boolean;
  measure: string;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const confirm = useMutation({
    mutationFn: (id: string) => confirmShortlist(campaignId, id),
    onSuccess: () => {
      message.success('拟推介名单已确认，名单内推介已改为“拟推介”');
      void queryClient.invalidateQueries({ queryKey: RANKING_KEY });
    },
  });
  const download = useMutation({
    mutationFn: (id: string) => downloadShortlistDocx(campaignId, id),
    onError: (error) => message.error(errorMessage(error)),
  });
  if (proposals.length === 0) return null;
  return (
    <Card size="small" title="已提交的拟推介名单">
      {confirm.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={`未能确认：${errorMessage(confirm.error)}`}
        />
      )}
      <List
        dataSource={proposals}
        renderItem={(p) => {
          const shortlisted = p.entries.filter((e) => e.decision === 'shortlisted');
          const specials = p.entries.filter((e) => e.special);
          const changed = p.entries.filter((e) => e.reason);
          return (
            <List.Item>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  {p.confirmedAt ? <Tag color="success">已确认</Tag> : <Tag color="processing">待确认</Tag>}
                  <Typography.Text>
                    {p.proposedBy ?? '评审组长'}于 {formatDateTime(p.proposedAt)} 提交，列入{' '}
                    {shortlisted.length} {measure}，特别推介 {specials.length} {measure}
                    {changed.length > 0 ? `，${changed.length} 处调整附理由` : ''}
                  </Typography.Text>
                  {p.confirmedAt && (
                    <Typography.Text type="secondary">
                      {p.confirmedBy ?? ''}于 {formatDateTime(p.confirmedAt)} 确认
                    </Typography.Text>
                  )}
                </Space>
                {p.note && <Typography.Text type="secondary">说明：{p.note}</Typography.Text>}
                {p.findings.length > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    title="请注意"
                    description={
                      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                        {p.findings.map((f) => (
                          <li key={`${f.code}-${f.field}`}>{f.message}</li>
                        ))}
                      </ul>
                    }
                  />
                )}
                <Space wrap>
                  <Button
                    icon={<DownloadOutlined />}
                    loading={download.isPending && download.variables === p.id}
                    onClick={() => download.mutate(p.id)}
                  >
                    下载拟推介名单（Word）
                  </Button>
                  {canConfirm && !p.confirmedAt && (
                    <Popconfirm
                      title="确认拟推介名单"
                      description={`确认后，名单内 ${shortlisted.length} ${measure}推介改为“拟推介”，其余改为“未入选”。`}
                      okText="确认"
                      cancelText="取消"
                      onConfirm={() => confirm.mutateAsync(p.id).catch(() => undefined)}
                    >
                      <Button type="primary" loading={confirm.isPending}>
                        确认拟推介名单
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              </Space>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
