/**
 * 登录设备: where this account is signed in now, so an official who used a shared or borrowed PC, or sees
 * a device they do not know, can end every other session at once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Popconfirm, Tag, Typography } from 'antd';
import { formatBeijingDateTime } from '#core/calendar/beijing-time.ts';
import { fetchMySessions, MY_SESSIONS_KEY, signOutElsewhere } from '../api/auth.ts';
import { PageLoading } from '../components/PageLoading.tsx';
import { useShowError } from '../lib/useShowError.ts';

export default function SessionsPage() {
  const sessions = useQuery({ queryKey: MY_SESSIONS_KEY, queryFn: fetchMySessions });
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const signOut = useMutation({
    mutationFn: signOutElsewhere,
    onSuccess: async ({ signedOut }) => {
      message.success(signedOut > 0 ? `已退出其他 ${signedOut} 处登录` : '没有其他设备在登录');
      await queryClient.invalidateQueries({ queryKey: MY_SESSIONS_KEY });
    },
    onError: showError,
  });

  if (sessions.isLoading) return <PageLoading />;
  if (sessions.error) return <Alert type="error" showIcon title={(sessions.error as Error).message} />;
  const list = sessions.data?.sessions ?? [];
  const others = list.filter((s) => !s.current).length;
  return (
    <Card
      title="登录设备"
      extra={
        <Popconfirm
          title="退出其他设备的登录？"
          description="除这台设备外，其他地方的登录将立即失效，需要重新登录。"
          okText="退出其他设备"
          cancelText="取消"
          onConfirm={() => signOut.mutate()}
          disabled={others === 0}
        >
          <Button danger disabled={others === 0} loading={signOut.isPending}>
            退出其他设备
          </Button>
        </Popconfirm>
      }
    >
      <Typography.Paragraph type="secondary">
        以下是本账号当前有效的登录。每次登录最长保持到所列时间，闲置过久也会自动退出。如有不认识的设备，请退出其他设备并修改密码。
      </Typography.Paragraph>
      <List
        dataSource={list}
        renderItem={(s) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {s.device} {s.current && <Tag color="blue">当前设备</Tag>}
                </>
              }
              description={
                <>
                  登录于 {formatBeijingDateTime(s.signedInAt)}，最近使用 {formatBeijingDateTime(s.lastSeenAt)}
                  {s.ip ? `，网络地址 ${s.ip}` : ''}；最晚 {formatBeijingDateTime(s.endsAt)} 自动退出
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
