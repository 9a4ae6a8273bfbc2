/**
 * How the autosave of a draft shows itself: one line of status next to the actions, and, when saving
 * has stopped for good (saved elsewhere, or no longer allowed), an alert saying what to do next.
 */
import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { formatClock } from '#web/format.ts';
import type { SaveState } from '#web/lib/useAutosave.ts';

export function AutosaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  switch (state.status) {
    case 'idle':
      return (
        <Typography.Text type="secondary">
          <CloudSyncOutlined /> 自动保存已开启
        </Typography.Text>
      );
    case 'pending':
      return (
        <Typography.Text type="secondary">
          <CloudSyncOutlined /> 有未保存的修改
          {state.savedAt ? `（已保存 ${formatClock(state.savedAt)}）` : ''}
        </Typography.Text>
      );
    case 'saving':
      return (
        <Typography.Text type="secondary">
          <LoadingOutlined /> 保存中…
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success">
          <CheckCircleOutlined /> 已保存 {formatClock(state.savedAt)}
        </Typography.Text>
      );
    case 'error':
      return (
        <Typography.Text type="danger">
          <WarningOutlined /> 保存失败，请检查网络{' '}
          <Typography.Link onClick={onRetry}>立即重试</Typography.Link>
        </Typography.Text>
      );
    case 'invalid':
      return (
        <Typography.Text type="danger">
          <WarningOutlined /> 未保存：有内容不符合要求，请按提示修改
        </Typography.Text>
      );
    case 'stale':
      return (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> 已暂停保存：推介表在别处被修改
        </Typography.Text>
      );
    case 'blocked':
      return (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> 不能保存：{state.message}
        </Typography.Text>
      );
  }
}

/**
 * Saving has stopped and will not start again on this page: the edits are kept in localStorage, and
 * reloading is the way on (the local copy is then offered back, see LocalCopyBanner).
 */
export function AutosaveStopped({ state, onReload }: { state: SaveState; onReload: () => void }) {
  if (state.status === 'stale')
    return (
      <Alert
        type="error"
        showIcon
        title="推介表已在其他窗口或由他人保存，为避免覆盖，本页已暂停自动保存"
        description="您在本页的修改已保留在本机。载入最新版本后，可选择用本机的修改替换，或放弃本机的修改。"
        action={
          <Button type="primary" onClick={onReload}>
            载入最新版本
          </Button>
        }
      />
    );
  if (state.status === 'blocked')
    return (
      <Alert
        type="error"
        showIcon
        title={`推介表不能再保存：${state.message ?? ''}`}
        description="您的修改已保留在本机。"
        action={<Button onClick={onReload}>刷新</Button>}
      />
    );
  return null;
}
