/**
 * 材料要求: the four material sets (star, project, and the extra material for special picks), slot by
 * slot. Counts, minimum file sizes and resolution are editable; formats and video specs are shown.
 */
import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import type { CampaignMaterials } from '#core/campaign/index.ts';
import { type MaterialKind, type MaterialSlotSpec, MEBIBYTE } from '#core/materials/spec.ts';
import { FindingText, findingsAt, Num, RangeInput, useRules } from './rulesContext.tsx';

const SETS: { key: keyof CampaignMaterials; title: string }[] = [
  { key: 'star', title: '百姓学习之星' },
  { key: 'project', title: '终身学习品牌项目' },
  { key: 'specialStar', title: '特别推介：百姓学习之星（另加）' },
  { key: 'specialProject', title: '特别推介：终身学习品牌项目（另加）' },
];

const KIND_LABELS: Record<MaterialKind, { label: string; color: string }> = {
  photo: { label: '照片', color: 'blue' },
  video: { label: '视频', color: 'purple' },
  document: { label: '文档', color: 'default' },
};

const COUNT_UNITS: Record<MaterialKind, string> = { photo: '张', video: '个', document: '份' };

function minutes(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s ? `${m}分${s}秒` : `${m}分钟`;
}

function SlotLine({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', marginTop: 4 }}>
      <Typography.Text type="secondary" style={{ minWidth: 64 }}>
        {label}
      </Typography.Text>
      {children}
    </div>
  );
}

function Slot({
  setKey,
  index,
  slot,
}: {
  setKey: keyof CampaignMaterials;
  index: number;
  slot: MaterialSlotSpec;
}) {
  const { edit, findings } = useRules();
  const field = `materials.${setKey}.slots.${index}`;
  const set = (change: (s: MaterialSlotSpec) => void) =>
    edit((r) => change(r.materials[setKey].slots[index]!));
  const kind = KIND_LABELS[slot.kind];
  const video = [
    slot.width && slot.height ? `${slot.width}×${slot.height}` : '',
    slot.fps ? `${slot.fps}帧/秒` : '',
    slot.videoCodec ? slot.videoCodec.toUpperCase().replace('H264', 'H.264') : '',
    slot.durationSeconds
      ? `时长${minutes(slot.durationSeconds.min)}至${minutes(slot.durationSeconds.max)}`
      : '',
    slot.openingSeconds ? `片头${slot.openingSeconds}秒` : '',
    slot.endingSeconds ? `片尾${slot.endingSeconds}秒` : '',
  ].filter(Boolean);
  return (
    <div style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
      <Space size={4} wrap>
        <Tag color={kind.color}>{kind.label}</Tag>
        <Typography.Text strong>{slot.label}</Typography.Text>
        {slot.required ? <Tag color="red">必交</Tag> : <Tag>选交</Tag>}
      </Space>
      <SlotLine label="数量">
        <RangeInput
          label={`${slot.label}数量`}
          value={slot.count}
          min={1}
          unit={COUNT_UNITS[slot.kind]}
          field={`${field}.count`}
          onChange={(count) => set((s) => (s.count = count))}
        />
      </SlotLine>
      <SlotLine label="格式">
        <Typography.Text>{slot.formats.map((f) => f.toUpperCase()).join('、') || '未设置'}</Typography.Text>
      </SlotLine>
      {slot.kind === 'photo' && (
        <>
          <SlotLine label="单个文件">
            {slot.minBytes === undefined ? (
              <Typography.Text type="secondary">不限大小</Typography.Text>
            ) : (
              <Num
                label={`${slot.label}单个文件最小（MB）`}
                value={Math.round((slot.minBytes / MEBIBYTE) * 10) / 10}
                min={1}
                suffix="MB 以上"
                width={120}
                onChange={(mb) => set((s) => (s.minBytes = mb * MEBIBYTE))}
              />
            )}
          </SlotLine>
          <SlotLine label="分辨率">
            {slot.minDpi === undefined ? (
              <Typography.Text type="secondary">不限</Typography.Text>
            ) : (
              <Num
                label={`${slot.label}最低分辨率（dpi）`}
                value={slot.minDpi}
                min={1}
                suffix="dpi 以上"
                width={120}
                onChange={(n) => set((s) => (s.minDpi = n))}
              />
            )}
          </SlotLine>
        </>
      )}
      {video.length > 0 && (
        <SlotLine label="视频规格">
          <Typography.Text>{video.join('，')}</Typography.Text>
        </SlotLine>
      )}
      {slot.attestations.length > 0 && (
        <SlotLine label="需确认">
          <Typography.Text>{slot.attestations.join('；')}</Typography.Text>
        </SlotLine>
      )}
      <FindingText findings={findingsAt(findings, field)} />
    </div>
  );
}

export function MaterialsSection() {
  const { rules, findings } = useRules();
  return (
    <Row gutter={[16, 16]}>
      {SETS.map(({ key, title }) => {
        const set = rules.materials[key];
        const labelOf = (id: string) => set.slots.find((s) => s.id === id)?.label ?? id;
        return (
          <Col key={key} xs={24} xl={12}>
            <Card size="small" title={title} style={{ height: '100%' }}>
              {set.slots.length === 0 && <Typography.Text type="secondary">无另加材料</Typography.Text>}
              {set.slots.map((slot, i) => (
                <Slot key={slot.id || i} setKey={key} index={i} slot={slot} />
              ))}
              {set.atLeastOneOf.map((group) => (
                <Typography.Paragraph
                  key={group.join()}
                  type="secondary"
                  style={{ marginTop: 8, marginBottom: 0 }}
                >
                  {group.map(labelOf).join('、')}至少提交其一。
                </Typography.Paragraph>
              ))}
              <FindingText
                findings={findingsAt(findings, `materials.${key}`).filter(
                  (f) => !/\.slots\.\d/.test(f.field),
                )}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
