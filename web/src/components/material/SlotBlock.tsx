/**
 * One material slot: what it asks for in plain Chinese (count, format, size, resolution, film spec),
 * what a person must confirm, its live status, its files and, when the caller may upload, the uploader.
 */
import { Tag, Typography } from 'antd';
import { attestationsOf } from '#core/materials/attestations.ts';
import type { Material, MaterialSlot } from '#web/api/materials.ts';
import { fieldDomId } from '../nomination/formContext.tsx';
import { MaterialFileCard } from './MaterialFileCard.tsx';
import { SlotUploader } from './SlotUploader.tsx';
import { countText, KIND_INFO, slotSpecText } from './specText.ts';

const STATUS_COLORS: Record<MaterialSlot['status'], string> = {
  missing: 'default',
  pending: 'processing',
  passed: 'success',
  failed: 'error',
  waived: 'warning',
};

/** Of an original and its converted copy, which one goes with the nomination, said on each card. */
function familyNote(file: Material, files: Material[]): string | undefined {
  if (file.convertedFrom) {
    if (file.state === 'converting' || file.state === 'pending')
      return '转换完成并通过检查后，将选定提交转换后的视频。';
    if (file.chosen && file.state === 'passed')
      return '转换后的视频符合要求，已选定提交此文件；原视频一并保留，需要时可改为提交原文件。';
    return undefined;
  }
  const copy = files.find((f) => f.convertedFrom === file.id);
  if (copy?.chosen) return '提交时使用转换后的视频，此原视频保留备查。';
  if (copy && (copy.state === 'converting' || copy.state === 'pending'))
    return '平台正在把此视频转换为符合要求的格式，完成后将用于提交。';
  return undefined;
}

export function SlotBlock({
  nominationId,
  entry,
  title,
  conversionAvailable,
  onChanged,
  onWaive,
}: {
  nominationId: string;
  entry: MaterialSlot;
  /** The slot's name, with the set's when it is the special pick's extra material. */
  title: string;
  /** The platform converts films: one its conversion can mend may be uploaded as it is. */
  conversionAvailable: boolean;
  onChanged: () => void;
  onWaive: (material: Material) => void;
}) {
  const { slot, files } = entry;
  const kind = KIND_INFO[slot.kind];
  const originals = files.filter((f) => f.convertedFrom === null).length;
  const pairedIds = new Set(files.flatMap((f) => (f.convertedFrom ? [f.id, f.convertedFrom] : [])));
  const attestations = attestationsOf(slot);
  return (
    <section
      aria-label={title}
      id={fieldDomId(`materials.${entry.setKey}.${slot.id}`)}
      data-testid={`slot-${entry.setKey}-${slot.id}`}
      style={{ padding: '12px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        <Tag color={kind.color} style={{ marginInlineEnd: 0 }}>
          {kind.label}
        </Tag>
        <Typography.Text strong>{title}</Typography.Text>
        {slot.required ? <Tag color="red">必交</Tag> : <Tag>选交</Tag>}
        <Typography.Text type="secondary">{countText(slot)}</Typography.Text>
        <Tag color={STATUS_COLORS[entry.status]} style={{ marginInlineStart: 'auto' }}>
          {entry.statusLabel}
        </Tag>
      </div>
      <div style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          要求：{slotSpecText(slot)}
        </Typography.Text>
      </div>
      {attestations.length > 0 && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            需自行核对（机器无法判断，评审时人工查看）：{attestations.join('；')}
          </Typography.Text>
        </div>
      )}
      {files.map((file) => (
        <MaterialFileCard
          key={file.id}
          material={file}
          kind={slot.kind}
          paired={pairedIds.has(file.id)}
          note={familyNote(file, files)}
          onChanged={onChanged}
          onWaive={onWaive}
        />
      ))}
      {entry.actions.includes('upload') && (
        <div style={{ marginTop: 8 }}>
          <SlotUploader
            nominationId={nominationId}
            setKey={entry.setKey}
            slot={slot}
            remaining={slot.count.max - originals}
            conversionAvailable={conversionAvailable}
            onUploaded={onChanged}
          />
        </div>
      )}
    </section>
  );
}
