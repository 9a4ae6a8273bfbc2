/**
 * 打印推介表: one nomination's form on A4, in the campaign's number of paper copies, from the same
 * layout as the DOCX. The path that always works, with or without LibreOffice on the server: the
 * browser prints it or saves it as PDF.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Result, Space } from 'antd';
import { Link, useParams } from 'react-router';
import { campaignKey, getCampaign } from '../api/campaigns.ts';
import { ApiError } from '../api/client.ts';
import { useNomination } from '../api/nominations.ts';
import { PrintedForm } from '../components/documents/PrintedForm.tsx';
import { PrintFrame } from '../components/documents/PrintFrame.tsx';
import { paperCopies, printLayout } from '../components/documents/printSettings.ts';
import { printFootnote, printValues } from '../components/documents/printValues.ts';
import { PageLoading } from '../components/PageLoading.tsx';

export default function PrintNominationPage() {
  const { id = '' } = useParams();
  const nomination = useNomination(id);
  const campaignId = nomination.data?.campaignId ?? '';
  const campaign = useQuery({
    queryKey: campaignKey(campaignId),
    queryFn: () => getCampaign(campaignId),
    enabled: campaignId !== '',
  });

  if (nomination.isLoading || (nomination.data && campaign.isLoading)) return <PageLoading />;
  const n = nomination.data;
  const rules = campaign.data?.rules;
  if (!n || !rules) {
    const notFound = nomination.error instanceof ApiError && nomination.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '推介不存在或您无权查看' : '推介表加载失败'}
        extra={
          <Space>
            <Link to="/campaigns">返回活动列表</Link>
            {!notFound && (
              <Button onClick={() => (n ? campaign.refetch() : nomination.refetch())}>重试</Button>
            )}
          </Space>
        }
      />
    );
  }

  const layout = printLayout(n.category, rules);
  const values = printValues(n);
  return (
    <PrintFrame
      title={`${layout.title}-${values.name || '（未填写）'}`}
      backTo={`/nominations/${encodeURIComponent(n.id)}`}
      backLabel="返回推介"
      hint={
        n.state === 'draft' || n.state === 'returned'
          ? '此推介尚未（重新）提交，打印的是当前内容。'
          : undefined
      }
      documents={[
        {
          key: n.id,
          copies: paperCopies(rules, `${n.category}.form`),
          content: <PrintedForm layout={layout} values={values} footnote={printFootnote(n)} />,
        },
      ]}
    />
  );
}
