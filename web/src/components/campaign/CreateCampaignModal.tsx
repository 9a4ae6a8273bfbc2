/**
 * 发起活动: start from a built-in template (a notice the platform knows), or copy one of the caller's
 * organisation's earlier campaigns to a new year (deadline, document number and date are cleared by core).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, InputNumber, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { todayInShanghai } from '#core/calendar/index.ts';
import { CAMPAIGN_LEVEL_LABELS, type CampaignLevel } from '#core/campaign/index.ts';
import { type CampaignSummary, listTemplates, type NewCampaign } from '#web/api/campaigns.ts';

interface Values {
  source: 'template' | 'copy';
  templateId?: string;
  copyFromCampaignId?: string;
  year?: number;
}

interface Props {
  open: boolean;
  /** Campaigns of the caller's own organisation, the ones it may copy. */
  ownCampaigns: CampaignSummary[];
  saving: boolean;
  onSubmit: (input: NewCampaign) => void;
  onCancel: () => void;
}

export function CreateCampaignModal({ open, ownCampaigns, saving, onSubmit, onCancel }: Props) {
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  const templates = useQuery({ queryKey: ['campaign-templates'], queryFn: listTemplates, enabled: open });
  const thisYear = Number(todayInShanghai(new Date()).slice(0, 4));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ source: ownCampaigns.length > 0 ? 'copy' : 'template', year: thisYear });
  }, [open, ownCampaigns.length, thisYear, form]);

  const finish = (values: Values) => {
    if (values.source === 'template' && values.templateId) onSubmit({ templateId: values.templateId });
    if (values.source === 'copy' && values.copyFromCampaignId && values.year) {
      onSubmit({ copyFromCampaignId: values.copyFromCampaignId, year: values.year });
    }
  };

  return (
    <Modal
      open={open}
      title="发起推介活动"
      okText="发起"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      forceRender
    >
      <Form<Values> form={form} layout="vertical" onFinish={finish}>
        <Form.Item name="source" label="从哪里开始">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'template', label: '内置通知模板' },
              { value: 'copy', label: '复制往年活动', disabled: ownCampaigns.length === 0 },
            ]}
          />
        </Form.Item>
        {source === 'template' && (
          <Form.Item name="templateId" label="模板" rules={[{ required: true, message: '请选择模板' }]}>
            <Select
              loading={templates.isLoading}
              placeholder="选择通知模板"
              options={(templates.data ?? []).map((t) => ({
                value: t.id,
                label: `${t.title}（${CAMPAIGN_LEVEL_LABELS[t.level as CampaignLevel] ?? t.level}，${t.organisers.join('、')}）`,
              }))}
              optionRender={(option) => <div style={{ whiteSpace: 'normal' }}>{option.label}</div>}
            />
          </Form.Item>
        )}
        {source === 'copy' && (
          <>
            <Form.Item
              name="copyFromCampaignId"
              label="复制哪一期活动"
              rules={[{ required: true, message: '请选择要复制的活动' }]}
            >
              <Select
                placeholder="选择本单位往年的活动"
                options={ownCampaigns.map((c) => ({ value: c.id, label: `${c.title}（${c.statusLabel}）` }))}
                onChange={(id: string) => {
                  const from = ownCampaigns.find((c) => c.id === id);
                  if (from) form.setFieldValue('year', from.year + 1);
                }}
                optionRender={(option) => <div style={{ whiteSpace: 'normal' }}>{option.label}</div>}
              />
            </Form.Item>
            <Form.Item name="year" label="新活动年度" rules={[{ required: true, message: '请填写年度' }]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} suffix="年" />
            </Form.Item>
          </>
        )}
        <Alert
          type="info"
          showIcon
          title={
            source === 'copy'
              ? '名额、材料要求和联系人会沿用；截止日期、文号和发文日期会清空，请在规则中重新填写。'
              : '活动以“筹备中”创建，核对规则并填写截止日期后再开放报送。'
          }
        />
      </Form>
    </Modal>
  );
}
