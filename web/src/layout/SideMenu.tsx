/** The navigation menu, used in the desktop sider and in the phone drawer. */
import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '#core/contract/auth.ts';
import { activeEntry, visibleEntries } from './nav.tsx';

export function SideMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  const entries = visibleEntries(me);
  const active = activeEntry(location.pathname, entries);
  return (
    <Menu
      mode="inline"
      selectedKeys={active ? [active.path] : []}
      items={entries.map((entry) => ({ key: entry.path, icon: entry.icon, label: entry.label }))}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
