/**
 * The organiser's campaign-wide tables as Excel: every nomination by unit, quota use per unit, the
 * findings still open, and the result list once the round has selected (the server says when there is
 * none yet). Each is fetched, so a refusal shows its Chinese reason instead of a broken file.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { downloadDocument, type OrganiserTable, organiserTableUrl } from '#web/api/documents.ts';
import { exportNominations } from '#web/api/nominations.ts';
import { errorMessage } from '#web/lib/useShowError.ts';

type Table = OrganiserTable | 'all';

const TABLES: { key: Table; label: string }[] = [
  { key: 'all', label: '全部推介（按单位）' },
  { key: 'quota', label: '名额使用情况' },
  { key: 'findings', label: '待处理问题清单' },
  { key: 'results', label: '入选名单' },
];

export function OrganiserTables({ detail }: { detail: CampaignDetail }) {
  const { campaign } = detail;
  const download = useMutation({
    mutationFn: (table: Table) => {
      const name = `${campaign.title}-${TABLES.find((t) => t.key === table)!.label}.xlsx`;
      return table === 'all'
        ? exportNominations({ campaignId: campaign.id }, name)
        : downloadDocument(organiserTableUrl(campaign.id, table), name);
    },
  });
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap>
        {TABLES.map((t) => (
          <Button
            key={t.key}
            icon={<FileExcelOutlined />}
            loading={download.isPending && download.variables === t.key}
            onClick={() => download.mutate(t.key)}
          >
            {t.label}
          </Button>
        ))}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        汇总表为 Excel 文件，表头冻结、列宽已设好，可直接打印或筛选；入选名单在活动审定后才能导出。
      </Typography.Text>
      {download.error && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => download.reset() }}
          title={errorMessage(download.error)}
        />
      )}
    </Space>
  );
}
