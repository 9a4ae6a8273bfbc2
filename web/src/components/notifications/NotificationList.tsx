/** Messages as a list: unread ones stand out; a click opens the message's page and marks it read. */
import { Badge, Empty, List, Tag, Typography } from 'antd';
import type { Notification } from '#web/api/notifications.ts';
import { formatDateTime } from '#web/format.ts';
import { useOpenNotification } from './useOpenNotification.ts';

export function NotificationList({ items, compact = false }: { items: Notification[]; compact?: boolean }) {
  const open = useOpenNotification();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" style={{ margin: 16 }} />;
  return (
    <List
      dataSource={items}
      rowKey="id"
      renderItem={(n) => (
        <List.Item
          onClick={() => open(n)}
          style={{ cursor: 'pointer', paddingInline: 12, alignItems: 'flex-start' }}
          aria-label={`${n.read ? '' : '未读：'}${n.title}`}
        >
          <List.Item.Meta
            avatar={<Badge status={n.read ? 'default' : 'processing'} />}
            title={
              <span style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
                <Tag style={{ marginInlineEnd: 0 }}>{n.kindLabel}</Tag>
                <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
              </span>
            }
            description={
              <>
                {!compact && n.body && (
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{n.body}</Typography.Paragraph>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
