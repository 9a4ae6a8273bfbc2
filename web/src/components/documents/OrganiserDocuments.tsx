/**
 * 材料与打印 for the organiser: the campaign-wide tables, every unit's 推介登记表 in one workbook (a
 * sheet per unit), the campaign-wide submission package, and one unit's documents and print view on
 * choosing it.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { CATEGORIES, type Category } from '#core/campaign/index.ts';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { downloadDocument, registrationXlsxUrl } from '#web/api/documents.ts';
import { errorMessage } from '#web/lib/useShowError.ts';
import { OrganiserTables } from './OrganiserTables.tsx';
import { PackageBuilder } from './PackageBuilder.tsx';
import { UnitDocuments } from './UnitDocuments.tsx';

function AllUnitsTables({ detail }: { detail: CampaignDetail }) {
  const { campaign, rules } = detail;
  const xlsx = useMutation({
    mutationFn: (category: Category) =>
      downloadDocument(
        registrationXlsxUrl(campaign.id, category),
        `${campaign.year}年${rules.categories[category].label}推介登记表-各报送单位.xlsx`,
      ),
  });
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap>
        {CATEGORIES.map((category) => (
          <Button
            key={category}
            icon={<FileExcelOutlined />}
            loading={xlsx.isPending && xlsx.variables === category}
            onClick={() => xlsx.mutate(category)}
          >
            {rules.categories[category].label}推介登记表（各单位）
          </Button>
        ))}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        一个 Excel 文件，每个报送单位一张工作表，按各单位排序列出占用名额的推介。
      </Typography.Text>
      {xlsx.error && <Alert type="error" showIcon title={errorMessage(xlsx.error)} />}
    </Space>
  );
}

export function OrganiserDocuments({ detail }: { detail: CampaignDetail }) {
  const [unitId, setUnitId] = useState<string>();
  const unit = detail.reportingUnits.find((u) => u.id === unitId);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="汇总表">
        <OrganiserTables detail={detail} />
      </Card>
      <Card size="small" title="全部报送单位">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <AllUnitsTables detail={detail} />
          <PackageBuilder
            campaignId={detail.campaign.id}
            description="整个活动的材料包：每个报送单位一个文件夹，内含各推介的推介表、照片、视频和推介登记表，附文件清单（清单.csv）。推介较多时生成需要几分钟，可离开本页稍后回来下载。"
          />
        </Space>
      </Card>
      <Card size="small" title="按报送单位">
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          placeholder="选择报送单位，查看、打印其登记表和推介表"
          aria-label="报送单位"
          style={{ width: '100%', maxWidth: 420 }}
          value={unitId}
          onChange={setUnitId}
          options={detail.reportingUnits.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Card>
      {unit && <UnitDocuments key={unit.id} detail={detail} unitId={unit.id} unitName={unit.name} />}
    </Space>
  );
}
