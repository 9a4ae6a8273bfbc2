/** 豁免: the organiser accepts one error finding of one file, with a reason (audited by the server). */
import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { unwaivedErrors } from '#core/materials/slot-status.ts';
import { type Material, waiveMaterial } from '#web/api/materials.ts';
import { useShowError } from '#web/lib/useShowError.ts';

export function WaiveDialog({
  material,
  onClose,
  onWaived,
}: {
  material: Material | null;
  onClose: () => void;
  onWaived: () => void;
}) {
  const [form] = Form.useForm<{ code: string; reason: string }>();
  const showError = useShowError();
  const open = material !== null;
  const errors = material ? unwaivedErrors(material) : [];
  useEffect(() => {
    if (open) form.setFieldsValue({ code: errors[0]?.code, reason: '' });
  }, [open, form, errors[0]?.code]);
  const waive = useMutation({
    mutationFn: (values: { code: string; reason: string }) =>
      waiveMaterial(material!.id, values.code, values.reason),
    onSuccess: () => {
      onWaived();
      onClose();
    },
    onError: showError,
  });
  return (
    <Modal
      open={open}
      title={`豁免「${material?.fileName ?? ''}」的问题`}
      okText="豁免"
      cancelText="取消"
      confirmLoading={waive.isPending}
      onCancel={onClose}
      onOk={() => form.validateFields().then((values) => waive.mutate(values))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="code"
          label="要豁免的问题"
          rules={[{ required: true, message: '请选择要豁免的问题' }]}
        >
          <Select
            options={errors.map((f) => ({ value: f.code, label: f.message }))}
            optionRender={(option) => <div style={{ whiteSpace: 'normal' }}>{option.label}</div>}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="豁免理由"
          extra="将记入审计日志，报送单位可以看到。"
          rules={[
            { required: true, whitespace: true, message: '请填写豁免理由' },
            { min: 2, message: '豁免理由至少 2 个字' },
            { max: 500, message: '豁免理由不能超过 500 个字' },
          ]}
        >
          <Input.TextArea
            rows={3}
            placeholder="例如：原始视频为单位自拍，分辨率略低但内容清晰，经评审组同意接收"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
