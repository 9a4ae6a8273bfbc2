/**
 * 材料与打印 for one reporting unit, per category: the 推介登记表 as Excel, the print view of the table
 * alone or of the table with every 推介表 (in the campaign's number of copies), and the unit's
 * submission package. A unit sees its own; an organiser the unit it picked.
 */
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { CATEGORIES, type Category } from '#core/campaign/index.ts';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { campaignPrintPath, downloadDocument, registrationXlsxUrl } from '#web/api/documents.ts';
import { errorMessage } from '#web/lib/useShowError.ts';
import { PackageBuilder } from './PackageBuilder.tsx';
import { paperCopies } from './printSettings.ts';

function CategoryRow({
  detail,
  category,
  unitId,
  unitName,
}: {
  detail: CampaignDetail;
  category: Category;
  unitId: string;
  unitName: string;
}) {
  const navigate = useNavigate();
  const { campaign, rules } = detail;
  const label = rules.categories[category].label;
  const xlsx = useMutation({
    mutationFn: () =>
      downloadDocument(
        registrationXlsxUrl(campaign.id, category, unitId),
        `${campaign.year}年${label}推介登记表-${unitName}.xlsx`,
      ),
  });
  const print = (what: 'forms' | 'registration') =>
    navigate(campaignPrintPath(campaign.id, { unitId, category, what }));
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Typography.Text strong>{label}</Typography.Text>
      <Space wrap>
        <Button icon={<FileExcelOutlined />} loading={xlsx.isPending} onClick={() => xlsx.mutate()}>
          推介登记表（Excel）
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => print('registration')}>
          打印登记表
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => print('forms')}>
          打印登记表和全部推介表
        </Button>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        纸质材料一式 {paperCopies(rules, `${category}.form`)} 份，加盖公章后寄送。
      </Typography.Text>
      {xlsx.error && <Alert type="error" showIcon title={errorMessage(xlsx.error)} />}
    </Space>
  );
}

export function UnitDocuments({
  detail,
  unitId,
  unitName,
}: {
  detail: CampaignDetail;
  unitId: string;
  unitName: string;
}) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={`推介登记表与推介表：${unitName}`}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {CATEGORIES.map((category) => (
            <CategoryRow
              key={category}
              detail={detail}
              category={category}
              unitId={unitId}
              unitName={unitName}
            />
          ))}
        </Space>
      </Card>
      <Card size="small" title="材料包（电子材料）">
        <PackageBuilder
          campaignId={detail.campaign.id}
          unitId={unitId}
          description={`${unitName}全部推介的推介表（Word，平台能生成 PDF 时另附 PDF）、照片、视频和推介登记表，打成一个 ZIP，附文件清单（清单.csv，含每个文件的校验码（SHA-256）），可刻盘或拷入 U 盘报送。`}
        />
      </Card>
    </Space>
  );
}
