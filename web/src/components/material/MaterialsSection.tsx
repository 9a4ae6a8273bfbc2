/**
 * 材料 on the nomination page: every slot the campaign asks of this nomination, with its files and
 * their checks, live while checks and conversions run. The unit uploads, deletes, converts and
 * chooses; the organiser sees the same files with their findings and may waive one (豁免).
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { slotDisplayName } from '#core/materials/nomination-slots.ts';
import type { MaterialKind } from '#core/materials/spec.ts';
import { type Material, materialsKey, useNominationMaterials } from '#web/api/materials.ts';
import { FindingLines } from './FindingLines.tsx';
import { MaterialFileCard } from './MaterialFileCard.tsx';
import { SlotBlock } from './SlotBlock.tsx';
import { WaiveDialog } from './WaiveDialog.tsx';

/** A file outside any slot has no slot kind; its probe says what it is. */
function kindOf(file: Material): MaterialKind {
  const probed = (file.probed as { kind?: string } | null)?.kind;
  return probed === 'video' ? 'video' : probed === 'document' ? 'document' : 'photo';
}

/** Files outside the slots: left over from a rule change, or forwarded with no place in this round. */
function otherFilesText(files: Material[]) {
  if (files.every((f) => f.forwarded)) {
    return {
      title: '本活动没有对应材料项的文件',
      description:
        '这些文件随推介从下级活动转来，本活动的材料要求中没有对应的材料项，不计入提交的材料，仅供查看。',
    };
  }
  return {
    title: '不再需要的文件',
    description: '活动规则或特别推介标注变更后，这些文件不属于任何一项材料，不会随推介提交，可以删除。',
  };
}

export function MaterialsSection({ nominationId }: { nominationId: string }) {
  const queryClient = useQueryClient();
  const { data, isLoading, error, refetch } = useNominationMaterials(nominationId);
  const [waiving, setWaiving] = useState<Material | null>(null);
  const changed = () => void queryClient.invalidateQueries({ queryKey: materialsKey(nominationId) });

  let body: React.ReactNode;
  if (isLoading) body = <Skeleton active />;
  else if (error || !data) {
    body = (
      <Result
        status="warning"
        title="材料加载失败"
        subTitle={error instanceof Error ? error.message : undefined}
        extra={<Button onClick={() => refetch()}>重试</Button>}
      />
    );
  } else {
    const errors = data.findings.filter((f) => f.severity === 'error');
    const files = [...data.slots.flatMap((s) => s.files), ...data.otherFiles];
    body = (
      <>
        {files.some((f) => f.forwarded) && (
          <Alert
            type="info"
            showIcon
            title="材料随推介从下级活动转来"
            description="文件与在下级活动中提交的完全相同，已按本活动的材料要求重新检查，结果如下。"
            style={{ marginBottom: 8 }}
          />
        )}
        {data.findings.length > 0 && (
          <Alert
            type={errors.length > 0 ? 'warning' : 'info'}
            showIcon
            title={
              errors.length === 0
                ? '材料提示'
                : data.actions.includes('upload')
                  ? `提交前还需处理 ${errors.length} 项材料问题`
                  : `材料有 ${errors.length} 项问题未解决`
            }
            description={<FindingLines findings={data.findings} />}
            style={{ marginBottom: 8 }}
          />
        )}
        {data.slots.map((entry) => (
          <SlotBlock
            key={`${entry.setKey}:${entry.slot.id}`}
            nominationId={nominationId}
            entry={entry}
            title={slotDisplayName(entry.setKey, entry.slot).slice(1, -1)}
            conversionAvailable={data.conversionAvailable}
            onChanged={changed}
            onWaive={setWaiving}
          />
        ))}
        {data.otherFiles.length > 0 && (
          <section style={{ paddingTop: 12 }}>
            <Typography.Text strong>{otherFilesText(data.otherFiles).title}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }}>
              {otherFilesText(data.otherFiles).description}
            </Typography.Paragraph>
            {data.otherFiles.map((file) => (
              <MaterialFileCard
                key={file.id}
                material={file}
                kind={kindOf(file)}
                paired={false}
                outside
                onChanged={changed}
                onWaive={setWaiving}
              />
            ))}
          </section>
        )}
      </>
    );
  }
  return (
    <Card title="材料" size="small" id="materials">
      {body}
      <WaiveDialog material={waiving} onClose={() => setWaiving(null)} onWaived={changed} />
    </Card>
  );
}
