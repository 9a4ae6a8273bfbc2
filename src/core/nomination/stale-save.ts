/**
 * Edits carry the version they started from (house rule 7). A save whose version is not the current
 * one would overwrite someone else's change, so it is refused with a message that says what to do.
 * The server compares under a row lock; the browser shows the same message.
 */
import { error, type Finding } from '../findings.ts';

export function staleSaveFindings(expectedVersion: unknown, currentVersion: number): Finding[] {
  if (!Number.isInteger(expectedVersion) || (expectedVersion as number) < 0) {
    return [error('VERSION_MISSING', 'version', '保存请求缺少版本号，请刷新页面后重新编辑。')];
  }
  if (expectedVersion === currentVersion) return [];
  return [
    error(
      'STALE_VERSION',
      'version',
      '该推介已被他人修改或状态已变化，本次保存未生效。请复制您的修改内容，刷新页面后在最新版本上重新编辑。',
    ),
  ];
}
