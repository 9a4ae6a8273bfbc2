/** The moves the server offers for this objection and this caller; each one that needs a reason asks for it. */
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ObjectionState } from '#core/objection/states.ts';
import { handleObjection, type ObjectionDetail } from '#web/api/objections.ts';
import { useShowError } from '#web/lib/useShowError.ts';

type Move = ObjectionDetail['moves'][number];

const HINTS: Partial<Record<ObjectionState, string>> = {
  upheld_proposed: '拟认定异议成立后，须由另一位组织方管理员复核确认。',
  upheld: '确认后，该对象将移出拟推介名单，公示页面显示带日期的更正说明。',
  replied: '答复内容将在异议人凭回执编号查询时显示。',
};

export function MoveButtons({
  objection,
  onDone,
}: {
  objection: ObjectionDetail;
  onDone: (next: ObjectionDetail) => void;
}) {
  const [open, setOpen] = useState<Move | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();
  if (objection.moves.length === 0) {
    return objection.state === 'upheld_proposed' ? (
      <Typography.Text type="secondary">已拟认定异议成立，等待另一位组织方管理员复核。</Typography.Text>
    ) : null;
  }
  const run = async (move: Move, text?: string) => {
    setBusy(true);
    try {
      onDone(await handleObjection(objection.id, move.to, text, objection.version));
      message.success(`已${move.label}`);
      setOpen(null);
      setReason('');
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Space wrap>
        {objection.moves.map((m) => (
          <Button
            key={m.to}
            type={m.to === 'investigating' || m.to === 'replied' ? 'primary' : 'default'}
            danger={m.to === 'upheld'}
            onClick={() => setOpen(m)}
          >
            {m.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open?.label}
        okText={open?.label}
        confirmLoading={busy}
        okButtonProps={{ disabled: Boolean(open?.requiresReason && !reason.trim()) }}
        onOk={() => open && run(open, reason.trim() || undefined)}
        onCancel={() => setOpen(null)}
      >
        {open && HINTS[open.to] && <Typography.Paragraph>{HINTS[open.to]}</Typography.Paragraph>}
        {open?.requiresReason && (
          <Input.TextArea
            aria-label={open.to === 'replied' ? '答复内容' : '理由'}
            placeholder={open.to === 'replied' ? '答复异议人的内容' : '请写明理由'}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 8 }}
          />
        )}
      </Modal>
    </>
  );
}
