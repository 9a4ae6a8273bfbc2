/** Opening a message marks it read and goes to the page it tells of. */
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError } from '#web/api/client.ts';
import { markNotificationRead, NOTIFICATIONS_KEY, type Notification } from '#web/api/notifications.ts';

export function useOpenNotification() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return async (n: Notification) => {
    if (!n.read) {
      try {
        await markNotificationRead(n.id);
      } catch (e) {
        // Not being marked read must not keep the official from the page the message points to.
        if (e instanceof ApiError) message.warning(e.message);
      }
      await queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    }
    if (n.link) navigate(n.link);
  };
}
