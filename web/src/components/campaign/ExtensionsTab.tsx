/**
 * 延期: units given a later deadline than the campaign's, and (with grantExtension) the form to give one.
 * Date and time are picked as Beijing wall-clock values and sent with +08:00, whatever the browser's zone.
 */
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  TimePicker,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ReportingUnit } from '#web/api/campaigns.ts';
import { type CampaignDetail, type Extension, grantExtension } from '#web/api/campaigns.ts';
import { formatDateTime } from '#web/format.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { type ResponsiveColumn, ResponsiveTable } from '../ResponsiveTable.tsx';

interface Values {
  organisationId: string;
  date: Dayjs;
  time: Dayjs;
  reason: string;
}

interface Props {
  detail: CampaignDetail;
  reportingUnits: ReportingUnit[];
  onGranted: (extensions: Extension[]) => void;
}

const columns: ResponsiveColumn<Extension>[] = [
  { key: 'organisationName', title: '报送单位', dataIndex: 'organisationName', cardRole: 'title' },
  {
    key: 'until',
    title: '延期至',
    dataIndex: 'until',
    width: 200,
    render: (until: string) => formatDateTime(until),
  },
  { key: 'reason', title: '原因', dataIndex: 'reason' },
];

export function ExtensionsTab({ detail, reportingUnits, onGranted }: Props) {
  const { campaign, extensions } = detail;
  const mayGrant = campaign.actions.includes('grantExtension');
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const showError = useShowError();

  const grant = useMutation({
    mutationFn: (values: Values) =>
      grantExtension(campaign.id, {
        organisationId: values.organisationId,
        until: `${values.date.format('YYYY-MM-DD')}T${values.time.format('HH:mm')}:00+08:00`,
        reason: values.reason.trim(),
      }),
    onSuccess: (next) => {
      onGranted(next);
      form.resetFields(['organisationId', 'reason']);
      message.success('已延期');
    },
    onError: showError,
  });

  const earlierThanDeadline = (_: unknown, date: Dayjs | undefined) =>
    date && campaign.deadline && date.format('YYYY-MM-DD') < campaign.deadline
      ? Promise.reject(new Error('延期日期早于活动截止日期'))
      : Promise.resolve();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ResponsiveTable<Extension>
        rowKey="organisationId"
        columns={columns}
        dataSource={extensions}
        pagination={false}
        emptyText="没有单位获得延期"
      />
      {mayGrant ? (
        <Card size="small" title="为报送单位延期">
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ time: dayjs('2000-01-01T17:00') }}
            onFinish={(values) => grant.mutate(values)}
          >
            <Form.Item
              name="organisationId"
              label="报送单位"
              rules={[{ required: true, message: '请选择报送单位' }]}
              extra="已有延期的单位再次延期会覆盖原延期时间。"
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择本活动的报送单位"
                notFoundContent="没有报送单位"
                options={reportingUnits.map((u) => ({ value: u.id, label: u.name }))}
                style={{ maxWidth: 420 }}
              />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item
                name="date"
                label="延期至（北京时间）"
                rules={[{ required: true, message: '请选择日期' }, { validator: earlierThanDeadline }]}
              >
                <DatePicker format="YYYY年M月D日" />
              </Form.Item>
              <Form.Item name="time" label="时间" rules={[{ required: true, message: '请选择时间' }]}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
              </Form.Item>
            </Space>
            <Form.Item
              name="reason"
              label="延期原因"
              rules={[
                { required: true, whitespace: true, message: '请填写延期原因' },
                { min: 2, message: '请填写延期原因' },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} showCount style={{ maxWidth: 560 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={grant.isPending}>
              确认延期
            </Button>
          </Form>
        </Card>
      ) : (
        campaign.status !== 'open' && <Alert type="info" showIcon title="只有报送中的活动可以为单位延期。" />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        活动截止：{campaign.deadlineAt ? formatDateTime(campaign.deadlineAt) : '未设置'}
      </Typography.Text>
    </Space>
  );
}
