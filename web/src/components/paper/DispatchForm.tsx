/**
 * The unit's dispatch: courier, tracking number, the day it was posted (not after today), then the
 * stamped scan if it has one. The button is the move the server offers (登记寄送, 更正寄送信息, 补寄).
 */
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, AutoComplete, Button, DatePicker, Form, Input, Space, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { SCAN_MAX_BYTES } from '#core/paper/scan.ts';
import { type PaperUnit, recordDispatch, uploadScan } from '#web/api/paper.ts';
import { useShowError } from '#web/lib/useShowError.ts';

const COURIERS = ['中国邮政EMS', '顺丰速运', '京东快递', '中通快递', '圆通速递', '韵达快递', '申通快递'];

interface Values {
  courier: string;
  trackingNumber: string;
  dispatchedOn: Dayjs;
}

export function DispatchForm({
  campaignId,
  unit,
  onSaved,
}: {
  campaignId: string;
  unit: PaperUnit;
  onSaved: (next: PaperUnit) => void;
}) {
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const move = unit.moves.find((m) => m.to === 'dispatched');
  const mayUploadScan = unit.state === 'dispatched' && Boolean(move);
  // A recorded dispatch is shown, not a form; correcting it opens the form on demand.
  const [editing, setEditing] = useState(unit.state !== 'dispatched');

  const save = useMutation({
    mutationFn: (values: Values) =>
      recordDispatch(campaignId, unit.unitId, {
        courier: values.courier,
        trackingNumber: values.trackingNumber,
        dispatchedOn: values.dispatchedOn.format('YYYY-MM-DD'),
        version: unit.version ?? undefined,
      }),
    onSuccess: (next) => {
      message.success(`已${move?.label ?? '保存'}`);
      setEditing(false);
      onSaved(next);
    },
    onError: showError,
  });
  const scan = useMutation({
    mutationFn: (file: File) => uploadScan(campaignId, unit.unitId, file),
    onSuccess: (next) => {
      message.success('扫描件已上传');
      onSaved(next);
    },
    onError: showError,
  });

  if (!move && !mayUploadScan) return null;
  const current = unit.state === 'dispatched' ? unit.dispatch : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {move && !editing && (
        <div>
          <Button onClick={() => setEditing(true)}>{move.label}</Button>
        </div>
      )}
      {move && editing && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            courier: current?.courier ?? '',
            trackingNumber: current?.trackingNumber ?? '',
            dispatchedOn: current ? dayjs(current.dispatchedOn) : dayjs(),
          }}
          onFinish={(values) => save.mutate(values)}
          style={{ maxWidth: 560 }}
        >
          <Form.Item
            name="courier"
            label="快递公司"
            rules={[{ required: true, whitespace: true, message: '请填写寄送方式或快递公司' }]}
          >
            <AutoComplete
              options={COURIERS.map((value) => ({ value }))}
              placeholder="如：中国邮政EMS"
              filterOption={(input, option) => String(option?.value ?? '').includes(input)}
            />
          </Form.Item>
          <Form.Item
            name="trackingNumber"
            label="快递单号"
            rules={[{ required: true, whitespace: true, message: '请填写快递单号' }]}
          >
            <Input maxLength={40} autoComplete="off" inputMode="text" />
          </Form.Item>
          <Form.Item
            name="dispatchedOn"
            label="寄出日期"
            rules={[{ required: true, message: '请选择寄出日期' }]}
          >
            <DatePicker
              format="YYYY年M月D日"
              disabledDate={(day) => day.isAfter(dayjs(), 'day')}
              style={{ width: '100%', maxWidth: 240 }}
            />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {move.label}
            </Button>
            {unit.state === 'dispatched' && <Button onClick={() => setEditing(false)}>取消</Button>}
          </Space>
        </Form>
      )}
      {mayUploadScan && (
        <div>
          <Upload
            accept=".pdf,.jpg,.jpeg,application/pdf,image/jpeg"
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > SCAN_MAX_BYTES) {
                message.error(`扫描件超过 ${SCAN_MAX_BYTES / 1024 / 1024} MB，请降低扫描分辨率后再上传`);
                return Upload.LIST_IGNORE;
              }
              scan.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={scan.isPending}>
              {unit.scan ? '更换盖章扫描件' : '上传盖章扫描件（选填）'}
            </Button>
          </Upload>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              PDF 或 JPG，不超过 {SCAN_MAX_BYTES / 1024 / 1024} MB；便于组织单位在收到原件前核对。
            </Typography.Text>
          </div>
        </div>
      )}
    </Space>
  );
}
