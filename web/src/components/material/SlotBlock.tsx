/**
 * One material slot: what it asks for in plain Chinese (count, format, size, resolution, film spec),
 * what a person must confirm, its live status, its files and, when the caller may upload, the uploader.
 */
import { Tag, Typography } from 'antd';
import { attestationsOf } from '../../../../src/core/materials/attestations.ts';
import type { Material, MaterialSlot } from '../../api/materials.ts';
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

export function SlotBlock({
  nominationId,
  entry,
  title,
  onChanged,
  onWaive,
}: {
  nominationId: string;
  entry: MaterialSlot;
  /** The slot's name, with the set's when it is the special pick's extra material. */
  title: string;
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
            onUploaded={onChanged}
          />
        </div>
      )}
    </section>
  );
}
