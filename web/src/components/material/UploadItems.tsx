/**
 * The uploads of one slot while they run: the browser's verdict for a file it stopped, a progress bar
 * with speed and time left for one on its way, pause/resume, retry and cancel.
 */
import { Alert, Button, Progress, Space, Spin, Typography } from 'antd';
import { FindingLines } from './FindingLines.tsx';
import { formatMegabytes, speedText, timeLeftText } from './specText.ts';
import type { UploadItem } from './useSlotUploads.ts';

interface Handlers {
  onPauseResume: (key: string) => void;
  onRetry: (key: string) => void;
  onDismiss: (key: string) => void;
}

function Blocked({ item, onDismiss }: { item: UploadItem } & Pick<Handlers, 'onDismiss'>) {
  return (
    <Alert
      type="error"
      showIcon
      title={`「${item.fileName}」不符合要求，未上传`}
      description={
        <>
          {item.precheck?.measured && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              检测到：{item.precheck.measured}
            </Typography.Text>
          )}
          <FindingLines findings={item.precheck?.findings ?? []} />
          <div style={{ marginTop: 4, fontSize: 13 }}>请按提示处理后重新选择文件。</div>
        </>
      }
      action={
        <Button size="small" onClick={() => onDismiss(item.key)}>
          知道了
        </Button>
      }
    />
  );
}

function Running({ item, onPauseResume, onRetry, onDismiss }: { item: UploadItem } & Handlers) {
  const percent = item.bytes > 0 ? Math.floor((item.uploaded / item.bytes) * 100) : 0;
  const paused = item.phase === 'paused';
  const failed = item.phase === 'failed';
  const done = item.phase === 'done';
  const status = failed ? 'exception' : done ? 'success' : paused ? 'normal' : 'active';
  let line = `已上传 ${formatMegabytes(item.uploaded)} / ${formatMegabytes(item.bytes)}`;
  if (item.phase === 'uploading')
    line += ` · ${item.speed > 0 ? speedText(item.speed) : '正在连接'} · ${timeLeftText(item.timeLeft)}`;
  if (paused) line += ' · 已暂停';
  if (done) line = item.precheck?.willConvert ? '上传完成，正在检查，随后自动转换……' : '上传完成，正在检查……';
  const warnings = item.precheck?.findings ?? [];
  return (
    <div style={{ padding: '8px 10px', border: '1px solid #f0f0f0', borderRadius: 6 }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text strong ellipsis style={{ maxWidth: '100%' }}>
          {item.fileName}
        </Typography.Text>
        <Space size={4} wrap>
          {(item.phase === 'uploading' || paused) && (
            <Button size="small" onClick={() => onPauseResume(item.key)}>
              {paused ? '继续' : '暂停'}
            </Button>
          )}
          {failed && !item.refused && (
            <Button size="small" type="primary" onClick={() => onRetry(item.key)}>
              重试
            </Button>
          )}
          {!done && (
            <Button size="small" danger={!failed} onClick={() => onDismiss(item.key)}>
              {failed ? '移除' : '取消'}
            </Button>
          )}
        </Space>
      </div>
      <Progress percent={percent} status={status} size="small" aria-label={`“${item.fileName}”上传进度`} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {line}
      </Typography.Text>
      {failed && item.error && <Alert type="error" showIcon title={item.error} style={{ marginTop: 6 }} />}
      {warnings.length > 0 && !failed && (
        <div style={{ marginTop: 4 }}>
          <FindingLines findings={warnings} />
        </div>
      )}
    </div>
  );
}

export function UploadItems({ items, ...handlers }: { items: UploadItem[] } & Handlers) {
  if (items.length === 0) return null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {items.map((item) => {
        if (item.phase === 'checking') {
          return (
            <div key={item.key}>
              <Spin size="small" /> <Typography.Text>正在检查「{item.fileName}」……</Typography.Text>
            </div>
          );
        }
        if (item.phase === 'blocked')
          return <Blocked key={item.key} item={item} onDismiss={handlers.onDismiss} />;
        return <Running key={item.key} item={item} {...handlers} />;
      })}
    </Space>
  );
}
