/**
 * 排除回避: the organiser judges a computed conflict a false positive (e.g. two people of the same name) and
 * says why; the reason is kept in the record. The expert's own 回避 is never dismissed.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { UNDISMISSABLE } from '#core/review/conflicts.ts';
import { type ConflictPair, dismissConflict } from '#web/api/review-setup.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

export function DismissDialog({
  campaignId,
  pair,
  onClose,
  onDone,
}: {
  campaignId: string;
  pair: ConflictPair | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: ConflictPair['reasons'][number]['code']; reason: string }>();
  const dismissable = pair?.reasons.filter((r) => !UNDISMISSABLE.has(r.code)) ?? [];
  const dismiss = useMutation({
    mutationFn: async () => {
      const values = await form.validateFields();
      if (!pair) return;
      await dismissConflict(campaignId, {
        nominationId: pair.nominationId,
        expertId: pair.expertId,
        code: values.code,
        reason: values.reason,
      });
    },
    onSuccess: () => {
      message.success('已排除该项回避，理由已记入操作记录');
      form.resetFields();
      onDone();
    },
  });
  const refusal = dismiss.error && !('errorFields' in (dismiss.error as object)) ? dismiss.error : null;
  return (
    <Modal
      open={pair !== null}
      title="排除回避"
      okText="排除"
      okButtonProps={{ danger: true, disabled: dismissable.length === 0 }}
      confirmLoading={dismiss.isPending}
      onOk={() => dismiss.mutate()}
      onCancel={() => {
        dismiss.reset();
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      {pair && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${pair.expertName} — ${pair.nominationTitle}（${pair.unitName}）`}
            description="排除后，如再无其他回避情形，该专家即可评审这项推介。请确认系误判（如同名不同人）后再排除。"
          />
          {dismissable.length === 0 ? (
            <Alert type="warning" showIcon title="专家本人或推介单位申请的回避不能排除" />
          ) : (
            <Form
              form={form}
              layout="vertical"
              initialValues={{ code: dismissable.length === 1 ? dismissable[0]?.code : undefined }}
            >
              <Form.Item
                name="code"
                label="排除哪一项"
                rules={[{ required: true, message: '请选择要排除的回避情形' }]}
              >
                <Radio.Group
                  style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                  options={dismissable.map((r) => ({ value: r.code, label: r.message }))}
                />
              </Form.Item>
              <Form.Item
                name="reason"
                label="排除理由"
                rules={[
                  { required: true, whitespace: true, message: '请写明排除回避的理由（将记入操作记录）' },
                ]}
              >
                <Input.TextArea
                  rows={3}
                  maxLength={500}
                  showCount
                  placeholder="如：经核实，两人同名但身份证号不同"
                />
              </Form.Item>
            </Form>
          )}
          <RefusalAlert error={refusal} />
        </>
      )}
    </Modal>
  );
}
