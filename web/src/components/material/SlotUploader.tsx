/**
 * The upload control of one slot: choose files (checked in the browser first), watch them go, and
 * a reminder of uploads a reload or a closed laptop left unfinished, which resume when the same file
 * is chosen again.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { MaterialSlotSpec } from '#core/materials/spec.ts';
import { forget, listUnfinished, type UnfinishedUpload, uppyIdFor, withOffset } from './resumeStore.ts';
import { acceptOf, formatMegabytes, KIND_INFO } from './specText.ts';
import { UploadItems } from './UploadItems.tsx';
import { useSlotUploads } from './useSlotUploads.ts';

function Unfinished({ uppyId, hidden }: { uppyId: string; hidden: Set<string> }) {
  const [list, setList] = useState<UnfinishedUpload[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all(listUnfinished(uppyId).map(withOffset)).then((found) => {
      if (live) setList(found.filter((u): u is UnfinishedUpload => u !== null));
    });
    return () => {
      live = false;
    };
  }, [uppyId]);
  const shown = list.filter((u) => !hidden.has(u.fileName));
  if (shown.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      title="有未完成的上传"
      description={shown.map((u) => (
        <div key={u.storageKey} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          <Typography.Text>
            「{u.fileName}」
            {u.offset !== undefined && u.size > 0
              ? `已上传 ${formatMegabytes(u.offset)} / ${formatMegabytes(u.size)}`
              : ''}
            ，重新选择同一文件即可从中断处继续。
          </Typography.Text>
          <Button
            size="small"
            type="link"
            onClick={() => {
              forget(u);
              setList((l) => l.filter((x) => x !== u));
            }}
          >
            不再继续
          </Button>
        </div>
      ))}
    />
  );
}

export function SlotUploader({
  nominationId,
  setKey,
  slot,
  remaining,
  conversionAvailable,
  onUploaded,
}: {
  nominationId: string;
  setKey: string;
  slot: MaterialSlotSpec;
  /** How many more files the slot takes. */
  remaining: number;
  conversionAvailable: boolean;
  onUploaded: () => void;
}) {
  const uploads = useSlotUploads({ nominationId, setKey, slot, conversion: conversionAvailable, onUploaded });
  const running = new Set(uploads.items.map((i) => i.fileName));
  const room = remaining - uploads.items.filter((i) => i.phase !== 'blocked').length;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Unfinished uppyId={uppyIdFor(nominationId, setKey, slot.id)} hidden={running} />
      <UploadItems
        items={uploads.items}
        onPauseResume={uploads.pauseResume}
        onRetry={uploads.retry}
        onDismiss={uploads.dismiss}
      />
      {room > 0 && (
        <Upload
          accept={acceptOf(slot, conversionAvailable)}
          multiple={room > 1}
          showUploadList={false}
          beforeUpload={(file) => {
            void uploads.add(file);
            return Upload.LIST_IGNORE; // Uppy sends it, not antd
          }}
        >
          <Button icon={<UploadOutlined />}>
            上传{KIND_INFO[slot.kind].label}
            {room < slot.count.max ? `（还可上传 ${room} ${KIND_INFO[slot.kind].unit}）` : ''}
          </Button>
        </Upload>
      )}
    </Space>
  );
}
