/**
 * Create an account, or edit its name, roles and phone. Username and organisation are fixed once
 * created (they identify the account in audit rows), so the edit form leaves them out.
 */
import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { Account, Role } from '#core/contract/accounts.ts';
import { parsePhone } from '#core/identity/phone.ts';
import { OrganisationSelect } from './OrganisationSelect.tsx';
import { RoleSelect } from './RoleSelect.tsx';

export interface AccountFormValues {
  username: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  phone?: string;
}

interface Props {
  open: boolean;
  /** The account being edited; null to create a new one. */
  account: Account | null;
  defaultOrganisationId?: string;
  saving: boolean;
  onSubmit: (values: AccountFormValues) => void;
  onCancel: () => void;
}

/** The phone rule from core, so the form and the server agree on what a valid number is. */
function checkPhone(_: unknown, value: string | undefined): Promise<void> {
  if (!value?.trim()) return Promise.resolve();
  const problem = parsePhone(value).findings.find((f) => f.severity === 'error');
  return problem ? Promise.reject(new Error(problem.message)) : Promise.resolve();
}

export function AccountFormModal({
  open,
  account,
  defaultOrganisationId,
  saving,
  onSubmit,
  onCancel,
}: Props) {
  const [form] = Form.useForm<AccountFormValues>();
  const editing = account !== null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (account) form.setFieldsValue({ displayName: account.displayName, roles: account.roles, phone: '' });
    else form.setFieldsValue({ organisationId: defaultOrganisationId, roles: [] });
  }, [open, account, defaultOrganisationId, form]);

  return (
    <Modal
      open={open}
      title={editing ? `编辑账号：${account.username}` : '新建账号'}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      forceRender
    >
      <Form<AccountFormValues> form={form} layout="vertical" onFinish={onSubmit}>
        {!editing && (
          <Form.Item
            label="用户名"
            name="username"
            extra="用于登录，创建后不可修改。"
            rules={[
              { required: true, message: '请输入用户名' },
              {
                // Same rule as the server's request schema (platform/http/schemas.ts).
                pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/,
                message: '用户名应为 3–64 位字母、数字、下划线、点或连字符，并以字母或数字开头',
              },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 50, message: '姓名不超过 50 个字' },
          ]}
        >
          <Input />
        </Form.Item>
        {!editing && (
          <Form.Item
            label="所属组织"
            name="organisationId"
            rules={[{ required: true, message: '请选择所属组织' }]}
          >
            <OrganisationSelect />
          </Form.Item>
        )}
        <Form.Item label="角色" name="roles" rules={[{ required: true, message: '请至少选择一个角色' }]}>
          <RoleSelect mode="multiple" grantable />
        </Form.Item>
        <Form.Item
          label="联系电话"
          name="phone"
          extra={editing ? `当前：${account.phone ?? '未填写'}。不修改请留空。` : '选填，用于联系本人。'}
          rules={[{ validator: checkPhone }]}
        >
          <Input inputMode="tel" maxLength={30} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
