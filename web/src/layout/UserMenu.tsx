/** Header corner: who is logged in, for which organisation, and the way out. */
import { DesktopOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { Me } from '#core/contract/auth.ts';
import { logout } from '../api/auth.ts';
import { goToLogin } from '../auth/paths.ts';
import { clearLocalDrafts, countUnsavedEdits } from '../lib/localDrafts.ts';

export function UserMenu({ me, compact }: { me: Me; compact: boolean }) {
  const navigate = useNavigate();
  const { modal } = App.useApp();

  function signOut() {
    const unsaved = countUnsavedEdits();
    if (unsaved === 0) return void leave();
    modal.confirm({
      title: '还有未保存到平台的填写内容',
      content: `这台电脑上有 ${unsaved} 份填写或评分的修改尚未保存到平台。退出登录后将从这台电脑上清除，以免他人看到。如需保留，请先取消，回到相应页面等待保存完成。`,
      okText: '仍然退出',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: leave,
    });
  }

  async function leave() {
    clearLocalDrafts();
    try {
      await logout();
    } catch {
      // The session may already be gone; leaving the page is what the user asked for either way.
    }
    // A full page load to the login page (decision 0020) drops everything this app held in memory; the
    // login page itself says 已退出登录.
    goToLogin('/', true);
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
      key: 'sessions',
      icon: <DesktopOutlined />,
      label: '登录设备',
      onClick: () => navigate('/account/sessions'),
    },
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
      <Dropdown menu={{ items: items.slice(2, 4) }} placement="bottomRight">
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
