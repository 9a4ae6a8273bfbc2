/** Turns a failed call into a message the user can act on; pages use it in mutations' onError. */
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client.ts';

export const STALE_VERSION_MESSAGE = '数据已被他人修改，请刷新后重试';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'STALE_VERSION') return STALE_VERSION_MESSAGE;
    return error.message;
  }
  return '操作失败，请稍后重试';
}

export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      // A lost session already sends the user to the login page; a second message would only confuse.
      if (error instanceof ApiError && error.status === 401) return;
      message.error(errorMessage(error));
    },
    [message],
  );
}
