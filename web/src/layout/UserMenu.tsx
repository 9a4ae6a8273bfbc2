/** Header corner: who is logged in, for which organisation, and the way out. */
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Me } from '#core/contract/auth.ts';
import { logout } from '../api/auth.ts';

export function UserMenu({ me, compact }: { me: Me; compact: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  async function signOut() {
    try {
      await logout();
    } catch {
      // The session may already be gone; leaving the page is what the user asked for either way.
    }
    queryClient.clear();
    message.success('已退出登录');
    navigate('/login', { replace: true });
  }

  const items = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div style={{ maxWidth: 240 }}>
          <div style={{ color: 'rgba(0,0,0,0.88)' }}>{me.displayName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {me.organisation.name}
          </Typography.Text>
        </div>
      ),
    },
    { type: 'divider' as const },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: '修改密码',
      onClick: () => navigate('/account/password'),
    },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true, onClick: signOut },
  ];

  if (compact) {
    return (
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
        <Button type="text" aria-label="账号菜单" icon={<Avatar size="small" icon={<UserOutlined />} />} />
      </Dropdown>
    );
  }

  return (
    <Space size="middle">
      <Dropdown menu={{ items: items.slice(2, 3) }} placement="bottomRight">
        <Space size={8} style={{ cursor: 'default', lineHeight: 1.3 }}>
          <Avatar size="small" icon={<UserOutlined />} />
          <span>
            <span>{me.displayName}</span>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
              {me.organisation.name}
            </Typography.Text>
          </span>
        </Space>
      </Dropdown>
      <Button icon={<LogoutOutlined />} onClick={signOut}>
        退出
      </Button>
    </Space>
  );
}
