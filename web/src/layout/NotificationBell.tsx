/**
 * The bell in the header: the unread count, polled about once a minute while a logged-in page is open
 * (this component lives only in the logged-in layout). On a wide screen it opens the latest messages
 * in a panel; on a phone it goes to the list page, which has the room.
 */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover, theme } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Me } from '#core/contract/auth.ts';
import { useNotifications } from '../api/notifications.ts';
import { NotificationList } from '../components/notifications/NotificationList.tsx';

const SHOWN = 6;

export function NotificationBell({ me, compact }: { me: Me; compact: boolean }) {
  // Until the one-time password is changed, the platform answers nothing else.
  const { data } = useNotifications(!me.mustChangePassword);
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const unread = data?.unread ?? 0;
  const label = unread > 0 ? `消息，${unread} 条未读` : '消息';

  const bell = (
    <Badge count={unread} size="small" overflowCount={99}>
      <Button
        type="text"
        aria-label={label}
        icon={<BellOutlined style={{ fontSize: 18 }} />}
        onClick={compact ? () => navigate('/notifications') : undefined}
      />
    </Badge>
  );
  if (compact) return bell;
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      title={
        <span style={{ display: 'flex', justifyContent: 'space-between' }}>
          <span>消息</span>
          <Link to="/notifications" onClick={() => setOpen(false)} style={{ fontWeight: 'normal' }}>
            查看全部
          </Link>
        </span>
      }
      content={
        <div
          style={{ width: 360, maxHeight: 420, overflowY: 'auto', color: token.colorText }}
          onClickCapture={() => setOpen(false)}
        >
          <NotificationList items={(data?.items ?? []).slice(0, SHOWN)} compact />
        </div>
      }
    >
      {bell}
    </Popover>
  );
}
