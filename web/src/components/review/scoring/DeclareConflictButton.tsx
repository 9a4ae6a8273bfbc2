/**
 * 申请回避: the expert names a reason why they should not judge this nomination (a relative, a former
 * employer …); once declared, the nomination leaves the expert's list and another expert takes it.
 */
import { useMutation } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { declareConflict } from '#web/api/review-scoring.ts';
import { useShowError } from '#web/lib/useShowError.ts';

export function DeclareConflictButton({
  campaignId,
  nominationId,
  title,
  disabled,
  onDeclared,
}: {
  campaignId: string;
  nominationId: string;
  title: string;
  disabled?: boolean;
  onDeclared: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { message } = App.useApp();
  const showError = useShowError();
  const declare = useMutation({
    mutationFn: () => declareConflict(campaignId, nominationId, reason.trim()),
    onSuccess: () => {
      message.success('已申请回避，该推介已从您的评审列表中移除');
      setOpen(false);
      setReason('');
      onDeclared();
    },
    onError: showError,
  });
  return (
    <>
      <Button danger disabled={disabled || !campaignId} onClick={() => setOpen(true)}>
        申请回避
      </Button>
      <Modal
        open={open}
        title="申请回避"
        okText="确认回避"
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: declare.isPending }}
        cancelText="取消"
        onOk={() => declare.mutate()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          您将回避“{title}”的评审。回避后该推介不再出现在您的评审列表中，已填的评分不会计入。
        </Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label="回避理由" required>
            <Input.TextArea
              value={reason}
              maxLength={500}
              showCount
              autoSize={{ minRows: 3 }}
              placeholder="如：与推介对象系近亲属；近三年曾在该实施主体任职"
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
