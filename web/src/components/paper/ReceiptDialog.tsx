/** The organiser records what arrived from one unit: the day, the copies, the seal, the disc, a note. */
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { type PaperUnit, recordReceipt } from '#web/api/paper.ts';
import { useShowError } from '#web/lib/useShowError.ts';

interface Values {
  receivedOn: Dayjs;
  copiesReceived: number;
  sealPresent: boolean;
  discReadable: boolean | null;
  note: string;
}

export function ReceiptDialog({
  campaignId,
  unit,
  onClose,
  onSaved,
}: {
  campaignId: string;
  /** The unit whose parcel is recorded; null keeps the dialog closed. */
  unit: PaperUnit | null;
  onClose: () => void;
  onSaved: (next: PaperUnit) => void;
}) {
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const move = unit?.moves.find((m) => m.to === 'received');
  const save = useMutation({
    mutationFn: (values: Values) =>
      recordReceipt(campaignId, unit!.unitId, {
        receivedOn: values.receivedOn.format('YYYY-MM-DD'),
        copiesReceived: values.copiesReceived,
        sealPresent: values.sealPresent,
        discReadable: unit!.requirement.disc ? values.discReadable : null,
        note: values.note ?? '',
        version: unit!.version ?? undefined,
      }),
    onSuccess: (next) => {
      message.success(`已${move?.label ?? '保存'}：${next.unitName}`);
      onSaved(next);
    },
    onError: showError,
  });
  const receipt = unit?.receipt;
  return (
    <Modal
      open={Boolean(unit)}
      title={unit ? `${move?.label ?? '签收'}：${unit.unitName}` : ''}
      okText={move?.label ?? '保存'}
      cancelText="取消"
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.validateFields().then((values) => save.mutate(values))}
      destroyOnHidden
    >
      {unit && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            receivedOn: receipt ? dayjs(receipt.receivedOn) : dayjs(),
            copiesReceived: receipt?.copiesReceived ?? unit.requirement.copies,
            sealPresent: receipt?.sealPresent ?? true,
            discReadable: receipt?.discReadable ?? (unit.requirement.disc ? true : null),
            note: receipt?.note ?? '',
          }}
        >
          <Form.Item
            name="receivedOn"
            label="签收日期"
            rules={[{ required: true, message: '请选择签收日期' }]}
          >
            <DatePicker format="YYYY年M月D日" disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item
            name="copiesReceived"
            label={`收到的份数（应为一式 ${unit.requirement.copies} 份）`}
            rules={[{ required: true, message: '请填写收到的份数' }]}
          >
            <InputNumber min={0} max={99} precision={0} />
          </Form.Item>
          <Form.Item name="sealPresent" label="是否加盖公章">
            <Radio.Group
              options={[
                { value: true, label: '已盖章' },
                { value: false, label: '未盖章' },
              ]}
            />
          </Form.Item>
          {unit.requirement.disc && (
            <Form.Item name="discReadable" label="光盘或U盘">
              <Radio.Group
                options={[
                  { value: true, label: '可以读取' },
                  { value: false, label: '未收到或无法读取' },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item name="note" label="备注（选填）">
            <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
