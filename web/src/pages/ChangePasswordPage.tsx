/**
 * 修改密码. Also the forced stop after logging in with a one-time password: RequireAuth keeps the
 * account here until the server clears `mustChangePassword`.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { changePassword } from '../api/auth.ts';
import { ApiError } from '../api/client.ts';
import { ME_KEY, useCurrentMe } from '../auth/useMe.ts';
import { PASSWORD_RULE_TEXT, passwordProblem } from '../lib/passwordRule.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const me = useCurrentMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const mutation = useMutation({
    mutationFn: (values: Values) => changePassword(values.currentPassword, values.newPassword),
    onSuccess: async () => {
      message.success('密码已修改');
      // The server clears mustChangePassword (and may issue a new CSRF token): read the account again.
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      navigate('/', { replace: true });
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      if (error.code === 'WRONG_PASSWORD')
        form.setFields([{ name: 'currentPassword', errors: ['当前密码不正确'] }]);
      if (error.code === 'PASSWORD_TOO_WEAK')
        form.setFields([{ name: 'newPassword', errors: [error.message] }]);
    },
  });

  const inlineHandled = ['WRONG_PASSWORD', 'PASSWORD_TOO_WEAK'];
  const otherError =
    mutation.error instanceof ApiError && inlineHandled.includes(mutation.error.code) ? null : mutation.error;

  return (
    <Card title="修改密码" style={{ maxWidth: 520 }}>
      {me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          title="首次登录或密码已被重置，请先设置新密码后再使用平台。"
          style={{ marginBottom: 16 }}
        />
      )}
      {otherError && (
        <Alert
          type="error"
          showIcon
          title={otherError.message || '修改失败，请稍后重试'}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)}>
        <Form.Item
          label="当前密码"
          name="currentPassword"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra={PASSWORD_RULE_TEXT}
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_, value: string | undefined) => {
                const problem = value ? passwordProblem(value, me.username) : null;
                return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
          确认修改
        </Button>
      </Form>
    </Card>
  );
}
