/**
 * 纸质材料 for a reporting unit: what the notice asks it to post (each form 一式N份, stamped; a disc or
 * USB stick where asked; to which address, by when), where its parcel stands, and the dispatch form.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Space, Tag, Typography } from 'antd';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { type PaperOverview, paperKey, usePaper } from '#web/api/paper.ts';
import { WORKLIST_KEY } from '#web/api/worklist.ts';
import { formatDateTime } from '#web/format.ts';
import { PageLoading } from '../PageLoading.tsx';
import { DispatchForm } from './DispatchForm.tsx';
import { PaperRecordView } from './PaperRecordView.tsx';
import { STANDING_COLORS } from './paperDisplay.ts';

export function UnitPaper({ detail }: { detail: CampaignDetail }) {
  const { campaign } = detail;
  const queryClient = useQueryClient();
  const paper = usePaper(campaign.id);
  if (paper.isLoading) return <PageLoading />;
  const unit = paper.data?.units[0];
  if (!paper.data || !unit)
    return <Alert type="error" showIcon title="纸质材料情况加载失败，请刷新页面重试" />;
  const { requirement } = unit;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="需要邮寄的纸质材料">
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {requirement.forms.map((f) => (
            <li key={f.title}>
              {f.title}，一式 {f.copies} 份，加盖公章
            </li>
          ))}
          {requirement.disc && <li>电子材料刻录光盘或拷入U盘一并邮寄（视频请拷贝原视频）</li>}
        </ul>
        <div style={{ marginTop: 8 }}>
          {requirement.address && <div>寄送地址：{requirement.address}</div>}
          {campaign.deadlineAt && (
            <Typography.Text type="secondary">
              请于报送截止（{formatDateTime(campaign.deadlineAt)}）前寄出。
            </Typography.Text>
          )}
        </div>
      </Card>
      <Card
        size="small"
        title={
          <Space wrap size={8}>
            <span>本单位寄送情况</span>
            <Tag color={STANDING_COLORS[unit.standing]}>{unit.standingLabel}</Tag>
          </Space>
        }
      >
        {unit.standing === 'not_needed' && (
          <Typography.Paragraph type="secondary">
            本单位尚无已提交的推介；提交后请按上面的要求寄送纸质材料。
          </Typography.Paragraph>
        )}
        {unit.receipt && unit.receipt.problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="组织单位签收时发现问题，请补寄"
            description={unit.receipt.problems.join('；')}
          />
        )}
        {unit.state !== 'none' && <PaperRecordView unit={unit} />}
        <DispatchForm
          campaignId={campaign.id}
          unit={unit}
          onSaved={(next) => {
            queryClient.setQueryData<PaperOverview>(paperKey(campaign.id), (old) =>
              old ? { ...old, units: [next] } : old,
            );
            void queryClient.invalidateQueries({ queryKey: WORKLIST_KEY });
          }}
        />
      </Card>
    </Space>
  );
}
