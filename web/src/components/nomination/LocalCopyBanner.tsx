/**
 * Edits that reached localStorage but not the server (the tab closed mid-save, or saving stopped because
 * the 推介表 was saved elsewhere) are offered back once, when the draft is opened: restore them (they
 * are then autosaved over the server's version) or throw them away.
 */
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import type { Nomination } from '#web/api/nominations.ts';
import { formatDateTime } from '#web/format.ts';
import { clearLocalCopy, readLocalCopy, sameForm } from '#web/lib/useAutosave.ts';
import { useIsMobile } from '#web/lib/useIsMobile.ts';

export function LocalCopyBanner({
  nomination,
  editable,
  onRestore,
}: {
  nomination: Nomination;
  /** Read-only pages have nothing to restore into: nothing is offered. */
  editable: boolean;
  onRestore: (form: Record<string, unknown>) => void;
}) {
  const isMobile = useIsMobile();
  // Read once on opening; a copy identical to the server's form is only a leftover, cleared silently.
  const [localCopy, setLocalCopy] = useState(() => {
    if (!editable) return null;
    const copy = readLocalCopy(nomination.id);
    if (copy && sameForm(copy.form, nomination.form)) {
      clearLocalCopy(nomination.id);
      return null;
    }
    return copy;
  });
  if (!localCopy) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={`本机有 ${formatDateTime(new Date(localCopy.at))} 尚未保存到平台的修改`}
      description={
        localCopy.version === nomination.version
          ? '可能是上次离开页面时还没来得及保存。恢复后将自动保存。'
          : `这些修改基于第 ${localCopy.version} 版，平台上现在是第 ${nomination.version} 版（在别处保存过）。恢复将用本机的修改替换平台上的版本。`
      }
      action={
        <Space orientation={isMobile ? 'vertical' : 'horizontal'}>
          <Button
            type="primary"
            size="small"
            onClick={() => {
              onRestore(localCopy.form);
              setLocalCopy(null);
            }}
          >
            恢复本机修改
          </Button>
          <Button
            size="small"
            onClick={() => {
              clearLocalCopy(nomination.id);
              setLocalCopy(null);
            }}
          >
            放弃
          </Button>
        </Space>
      }
    />
  );
}
