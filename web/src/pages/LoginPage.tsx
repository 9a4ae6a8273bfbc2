/**
 * 登录. The server never says whether a username exists, so one message covers every failure;
 * a throttled account gets its own message so the user waits instead of guessing again.
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, theme } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { login } from '../api/auth.ts';
import { ApiError } from '../api/client.ts';
import { PASSWORD_PATH } from '../auth/RequireAuth.tsx';
import { ME_KEY, useMe } from '../auth/useMe.ts';

interface Credentials {
  username: string;
  password: string;
}

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'LOGIN_FAILED') return '用户名或密码错误';
    return error.message;
  }
  return '登录失败，请稍后重试';
}

/** Only same-site paths: `next` comes from the address bar and must not send anyone elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const { data: current } = useMe();
  const { token } = theme.useToken();
  const mutation = useMutation({
    mutationFn: ({ username, password }: Credentials) => login(username.trim(), password),
    onSuccess: (me) => {
      queryClient.setQueryData(ME_KEY, me);
      navigate(me.mustChangePassword ? PASSWORD_PATH : safeNext(params.get('next')), { replace: true });
    },
  });

  // Already logged in (e.g. the back button after login): nothing to do here.
  if (current && !mutation.isPending && !mutation.isSuccess) return <Navigate to="/" replace />;

  return (
    // The page's one landmark: screen readers jump to the form with it (Lighthouse, axe: landmark-one-main).
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 60%)',
      }}
    >
      {/* A card drawn with the theme's tokens, not antd's Card and Typography: the first page anyone opens
          stays small (issue 17), and those two bring tabs and text-editing code along. */}
      <div
        style={{
          width: '100%',
          maxWidth: 400,
          padding: token.paddingLG,
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
          boxSizing: 'border-box',
        }}
      >
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <h1
            style={{
              margin: '0 0 4px',
              fontSize: token.fontSizeHeading2,
              lineHeight: token.lineHeightHeading2,
              fontWeight: token.fontWeightStrong,
              color: token.colorTextHeading,
            }}
          >
            推介
          </h1>
          <span style={{ color: token.colorTextSecondary }}>终身学习推介平台</span>
        </div>
        {mutation.isError && (
          <Alert type="error" showIcon title={loginErrorText(mutation.error)} style={{ marginBottom: 16 }} />
        )}
        <Form<Credentials>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => mutation.mutate(values)}
          onValuesChange={() => mutation.isError && mutation.reset()}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={mutation.isPending}>
            登录
          </Button>
        </Form>
        <p style={{ color: token.colorTextSecondary, marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          账号由本单位或上级单位的管理员创建。忘记密码请联系管理员重置。
        </p>
      </div>
    </main>
  );
}
