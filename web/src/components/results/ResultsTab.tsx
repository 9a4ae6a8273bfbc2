/**
 * 审定与公布, the organiser's tab: where approval stands (with 提请审定 once the 公示 is over), then the
 * 文号 and 公布结果, confirmed with how many winners go out and enter the registry, and the notice's files.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { CAMPAIGNS_KEY } from '#web/api/campaigns.ts';
import {
  downloadNotice,
  publishResults,
  requestApproval,
  resultsKey,
  useResultsStatus,
} from '#web/api/results.ts';
import { formatDateTime } from '#web/format.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { PageLoading } from '../PageLoading.tsx';
import { ResultList } from './ResultList.tsx';
import { ResultsSummary } from './ResultsSummary.tsx';

export function ResultsTab({ campaignId }: { campaignId: string }) {
  const { data: status, isLoading, error } = useResultsStatus(campaignId);
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [docNumber, setDocNumber] = useState('');
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: resultsKey(campaignId) }),
      queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
    ]);
  const ask = useMutation({
    mutationFn: () => requestApproval(campaignId),
    onSuccess: (r) => message.success(`已提请审定，通知审定人 ${r.approvers} 人`),
    onError: showError,
  });
  const publish = useMutation({
    mutationFn: () => publishResults(campaignId, docNumber),
    onSuccess: async (r) => {
      message.success(`已公布 ${r.winners} 项结果，记入往届入选名单 ${r.registry.entered} 项`);
      await refresh();
    },
    onError: showError,
  });
  if (isLoading) return <PageLoading />;
  if (error || !status) return <Alert type="error" title="审定与公布情况暂时无法读取，请稍后重试" />;
  const total = status.sections.reduce((n, s) => n + s.entries.length, 0);
  const download = (format: 'docx' | 'pdf' | 'xlsx') => downloadNotice(campaignId, format).catch(showError);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ResultsSummary status={status} />
      {status.actions.includes('requestApproval') && (
        <Button loading={ask.isPending} onClick={() => ask.mutate()}>
          提请审定
        </Button>
      )}
      {status.actions.includes('publish') && (
        <Card size="small" title="公布结果">
          <Form layout="vertical" onFinish={() => undefined}>
            <Form.Item
              label="文号"
              htmlFor="result-doc-number"
              extra="如：吉成教协〔2026〕8号；不填则通知不印文号"
            >
              <Input
                id="result-doc-number"
                value={docNumber}
                maxLength={60}
                onChange={(e) => setDocNumber(e.target.value)}
              />
            </Form.Item>
            <Button
              type="primary"
              loading={publish.isPending}
              onClick={() =>
                modal.confirm({
                  title: '公布推介结果？',
                  content: `将以结果通知公布 ${total} 项入选结果（${status.counts}），生成通知（Word、PDF）和名单（Excel），并将 ${total} 项记入往届入选名单，今后再次推介时自动提示。公布后不能撤回。`,
                  okText: '公布结果',
                  onOk: () => publish.mutateAsync().catch(() => undefined),
                })
              }
            >
              公布结果
            </Button>
          </Form>
        </Card>
      )}
      {status.notice && (
        <Card size="small" title="结果通知">
          <Typography.Paragraph>
            {status.notice.title}
            {status.notice.docNumber && `（${status.notice.docNumber}）`}
            <br />
            发文：{status.notice.issuers.join('、')}　公布时间：{formatDateTime(status.notice.publishedAt)}
          </Typography.Paragraph>
          <Space wrap>
            <Button onClick={() => download('docx')}>下载通知（Word）</Button>
            {status.notice.files.pdf && <Button onClick={() => download('pdf')}>下载通知（PDF）</Button>}
            <Button onClick={() => download('xlsx')}>下载名单（Excel）</Button>
          </Space>
          {status.notice.pdfNote && (
            <Alert style={{ marginTop: 12 }} type="warning" title={status.notice.pdfNote} />
          )}
        </Card>
      )}
      <div>
        <Typography.Title level={5}>
          {status.campaign.status === 'announcing' ? '拟推介名单' : '入选名单'}
        </Typography.Title>
        <ResultList sections={status.sections} />
      </div>
    </Space>
  );
}
