/**
 * One line saying where the expert's scores stand: saved at what time (Beijing), saving, or why not,
 * in the words of a review rather than of a 推介表.
 */
import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Typography } from 'antd';
import { formatClock } from '#web/format.ts';
import type { SaveState } from '#web/lib/useAutosave.ts';

export function ReviewSaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const saved = state.savedAt ? `（已保存 ${formatClock(state.savedAt)}）` : '';
  switch (state.status) {
    case 'idle':
      return (
        <Typography.Text type="secondary">
          <CloudSyncOutlined /> 评分自动保存
        </Typography.Text>
      );
    case 'pending':
      return (
        <Typography.Text type="secondary">
          <CloudSyncOutlined /> 有未保存的修改{saved}
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
        <Typography.Text type="success" data-testid="review-saved">
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
          <WarningOutlined /> 未保存：{state.message ?? '有评分不符合要求，请按提示修改'}
        </Typography.Text>
      );
    case 'stale':
      return (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> 已暂停保存：这份评分已在其他窗口修改，请刷新后再评
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
