import { Spin } from 'antd';

/** Shown while a page's code chunk or the session check is loading. */
export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }}>
      <Spin size="large" description="加载中…" />
    </div>
  );
}
