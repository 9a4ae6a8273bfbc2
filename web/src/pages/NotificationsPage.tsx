/** All of the account's recent messages, newest first; a message opens its page and is marked read. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { markAllNotificationsRead, NOTIFICATIONS_KEY, useNotifications } from '../api/notifications.ts';
import { NotificationList } from '../components/notifications/NotificationList.tsx';
import { PageLoading } from '../components/PageLoading.tsx';

export function NotificationsPage() {
  const { data, isLoading, error } = useNotifications();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [marking, setMarking] = useState(false);

  async function markAll() {
    setMarking(true);
    try {
      await markAllNotificationsRead();
      await queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '操作未完成，请稍后重试');
    } finally {
      setMarking(false);
    }
  }

  if (isLoading) return <PageLoading />;
  if (error) return <Alert type="error" showIcon title={(error as Error).message} />;
  const unread = data?.unread ?? 0;
  return (
    <Card
      title="消息"
      extra={
        <Button size="small" disabled={unread === 0} loading={marking} onClick={markAll}>
          全部标为已读
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Typography.Paragraph type="secondary" style={{ margin: '12px 12px 0' }}>
        {unread > 0 ? `${unread} 条未读。` : '没有未读消息。'}点击消息查看详情并标为已读，只显示最近 50 条。
      </Typography.Paragraph>
      <NotificationList items={data?.items ?? []} />
    </Card>
  );
}

export default NotificationsPage;
