/**
 * Shown when a page fails to render or its code chunk fails to load, most often because a new release
 * replaced the chunk files while this tab was open: reloading fetches the new ones.
 */
import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';

export function RouteError() {
  const error = useRouteError();
  const chunkFailed =
    error instanceof Error && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <Result
      status="error"
      title={chunkFailed ? '页面已更新' : '页面出错了'}
      subTitle={
        chunkFailed
          ? '平台刚刚发布了新版本，请刷新页面后继续。'
          : '页面加载时出现问题，请刷新重试。如问题持续，请联系平台管理员。'
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
