/** The dialog for a move of the state table: a reason when the table asks for one, a word of warning otherwise. */
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { NominationTransitionOption } from '#web/api/nominations.ts';

/** What the move means for the unit, said before it is confirmed. */
function hintFor(to: NominationTransitionOption['to'] | undefined): string | undefined {
  switch (to) {
    case 'submitted':
      return '提交后推介表将锁定，不能再修改；截止前如需修改，可先撤回。';
    case 'withdrawn':
      return '撤回后本推介不再占用名额，也不在推介登记表中；截止前可恢复为草稿修改后重新提交。';
    case 'returned':
      return '请写明需要修改的内容，报送单位将看到此原因。';
    case 'accepted':
      return '确认材料齐全、符合形式要求。';
    default:
      return undefined;
  }
}

export function TransitionDialog({
  transition: t,
  loading,
  onCancel,
  onConfirm,
}: {
  /** The move waiting for confirmation; null keeps the dialog closed. */
  transition: NominationTransitionOption | null;
  loading: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const needsReason = Boolean(t?.requiresReason);
  // A withdrawal may say why, for the organiser's records, without having to.
  const offersReason = needsReason || t?.to === 'withdrawn';
  const hint = hintFor(t?.to);
  return (
    <Modal
      open={Boolean(t)}
      title={t ? `${t.label}？` : ''}
      okText={t?.label}
      okButtonProps={{
        danger: t?.to === 'withdrawn' || t?.to === 'returned',
        disabled: needsReason && reason.trim() === '',
        loading,
      }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={() => onConfirm(reason.trim())}
      afterOpenChange={(open) => {
        if (!open) setReason('');
      }}
      destroyOnHidden
    >
      {hint && <Typography.Paragraph>{hint}</Typography.Paragraph>}
      {offersReason && (
        <Form layout="vertical">
          <Form.Item
            label={needsReason ? '原因（必填）' : '原因（选填）'}
            htmlFor="transition-reason"
            required={needsReason}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea
              id="transition-reason"
              value={reason}
              maxLength={500}
              showCount
              autoSize={{ minRows: 3, maxRows: 8 }}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
