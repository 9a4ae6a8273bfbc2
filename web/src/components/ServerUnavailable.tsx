import { Button, Result } from 'antd';

/** When the session check itself fails (server down, network lost), say so instead of a blank page. */
export function ServerUnavailable({ onRetry }: { onRetry: () => void }) {
  return (
    <Result
      status="warning"
      title="暂时无法连接推介平台"
      subTitle="请检查网络连接，稍后重试。如问题持续，请联系平台管理员。"
      extra={
        <Button type="primary" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
