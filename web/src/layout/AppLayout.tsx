/**
 * The frame of every logged-in page: header with the platform name and the account, navigation in a
 * collapsible sider on wide screens and in a drawer on phones, and the page itself (lazy loaded).
 */
import { MenuOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Drawer, Layout, theme } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router';
import { useCurrentMe } from '../auth/useMe.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { useIsMobile } from '../lib/useIsMobile.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { SideMenu } from './SideMenu.tsx';
import { UserMenu } from './UserMenu.tsx';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: isMobile ? 12 : 24,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        {isMobile && (
          <Button
            type="text"
            aria-label="打开导航"
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link
          to="/"
          style={{ display: 'flex', alignItems: 'baseline', gap: 8, color: token.colorText, minWidth: 0 }}
        >
          <span style={{ fontSize: 20, fontWeight: 600, color: token.colorPrimary }}>推介</span>
          {!isMobile && <span style={{ color: token.colorTextSecondary }}>终身学习推介平台</span>}
        </Link>
        <div style={{ flex: 1 }} />
        <NotificationBell me={me} compact={isMobile} />
        <UserMenu me={me} compact={isMobile} />
      </Header>
      <Layout>
        {isMobile ? (
          <Drawer
            placement="left"
            size={240}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title="推介 · 导航"
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu me={me} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Sider
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            width={208}
            theme="light"
            style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
          >
            <SideMenu me={me} />
          </Sider>
        )}
        <Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          {/* Phones: tighter cards, every pixel of 375 goes to content. */}
          <ConfigProvider
            theme={isMobile ? { components: { Card: { bodyPadding: 12, headerPadding: 12 } } } : {}}
          >
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ConfigProvider>
        </Content>
      </Layout>
    </Layout>
  );
}
