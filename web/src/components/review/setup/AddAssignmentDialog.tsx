/** 添加专家 to one nomination by hand; the platform refuses a recused or overloaded expert, in Chinese. */
import { useMutation } from '@tanstack/react-query';
import { Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { type AssignmentRow, changeAssignment, type PoolExpert } from '#web/api/review-setup.ts';
import { PANEL_LABELS } from './labels.ts';
import { RefusalAlert } from './RefusalAlert.tsx';

export function AddAssignmentDialog({
  campaignId,
  roundId,
  row,
  experts,
  onClose,
  onDone,
}: {
  campaignId: string;
  roundId: string;
  row: AssignmentRow | null;
  experts: PoolExpert[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [expertId, setExpertId] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: () =>
      changeAssignment(
        campaignId,
        roundId,
        { nominationId: row?.nominationId ?? '', expertId: expertId ?? '' },
        'add',
      ),
    onSuccess: () => {
      setExpertId(undefined);
      onDone();
    },
  });
  const taken = new Set([
    ...(row?.experts ?? []).map((e) => e.expertId),
    ...(row?.recused ?? []).map((e) => e.expertId),
  ]);
  const options = row
    ? experts
        .filter((e) => e.panels.includes(row.category) && !taken.has(e.expertId))
        .map((e) => ({ value: e.expertId, label: `${e.name}（${e.employerName || e.organisationName}）` }))
    : [];
  return (
    <Modal
      open={row !== null}
      title="添加评审专家"
      okText="添加"
      okButtonProps={{ disabled: !expertId }}
      confirmLoading={add.isPending}
      onOk={() => add.mutate()}
      onCancel={() => {
        add.reset();
        setExpertId(undefined);
        onClose();
      }}
      destroyOnHidden
    >
      {row && (
        <>
          <Typography.Paragraph>
            {row.title}（{PANEL_LABELS[row.category]}，{row.unitName}）
          </Typography.Paragraph>
          <Select
            style={{ width: '100%' }}
            placeholder="选择专家"
            value={expertId}
            onChange={setExpertId}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            notFoundContent="该评审组中没有可添加的专家（已分配或须回避的不列出）"
          />
          {row.recused.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              已回避：{row.recused.map((e) => e.name).join('、')}
            </Typography.Paragraph>
          )}
          <div style={{ marginTop: 8 }}>
            <RefusalAlert error={add.error} />
          </div>
        </>
      )}
    </Modal>
  );
}
