/** Create a child organisation, or rename / retype an existing one (the same three fields). */
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { ORGANISATION_TYPES } from '#core/campaign/unit-types.ts';
import { DESCRIPTION_TEXT } from '#web/theme.ts';
import type { OrganisationInput } from '../api/organisations.ts';

export const ORGANISATION_TYPE_OPTIONS = Object.entries(ORGANISATION_TYPES).map(([value, label]) => ({
  value,
  label,
}));

interface Props {
  open: boolean;
  title: string;
  /** Shown above the fields, e.g. the parent under which the new organisation goes. */
  context?: string;
  initial?: Partial<OrganisationInput>;
  saving: boolean;
  onSubmit: (values: OrganisationInput) => void;
  onCancel: () => void;
}

export function OrganisationFormModal({ open, title, context, initial, saving, onSubmit, onCancel }: Props) {
  const [form] = Form.useForm<OrganisationInput>();

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ name: '', regionCode: '', ...initial } as OrganisationInput);
    }
  }, [open, initial, form]);

  return (
    <Modal
      open={open}
      title={title}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      forceRender
    >
      {context && <p style={{ color: DESCRIPTION_TEXT }}>{context}</p>}
      <Form<OrganisationInput> form={form} layout="vertical" onFinish={onSubmit}>
        <Form.Item
          label="组织名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入组织名称' },
            { max: 100, message: '组织名称不超过 100 个字' },
          ]}
        >
          <Input placeholder="如：长春市教育局" />
        </Form.Item>
        <Form.Item label="组织类型" name="type" rules={[{ required: true, message: '请选择组织类型' }]}>
          <Select
            options={ORGANISATION_TYPE_OPTIONS}
            placeholder="请选择"
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          label="行政区划代码"
          name="regionCode"
          extra="选填，6 位数字，如吉林省为 220000。"
          rules={[{ pattern: /^\d{6}$/, message: '行政区划代码为 6 位数字' }]}
        >
          <Input inputMode="numeric" maxLength={6} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
