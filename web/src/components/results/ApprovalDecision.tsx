/**
 * 审定通过 or 退回, each confirmed with what will happen: how many 拟推介 become 入选, or that the list goes
 * back to the organiser with the reason.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import {
  APPROVALS_KEY,
  approveCampaign,
  type ResultsStatusResponse,
  resultsKey,
  returnCampaign,
} from '#web/api/results.ts';
import { useShowError } from '#web/lib/useShowError.ts';

export function ApprovalDecision({ status }: { status: ResultsStatusResponse }) {
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const id = status.campaign.id;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: resultsKey(id) }),
      queryClient.invalidateQueries({ queryKey: APPROVALS_KEY }),
    ]);
  const approve = useMutation({
    mutationFn: () => approveCampaign(id, ''),
    onSuccess: async (r) => {
      message.success(`已审定，${r.selected} 项推介入选`);
      await refresh();
    },
    onError: showError,
  });
  const sendBack = useMutation({
    mutationFn: () => returnCampaign(id, reason),
    onSuccess: async () => {
      message.success('已退回，组织单位将收到通知');
      setReturning(false);
      setReason('');
      await refresh();
    },
    onError: showError,
  });
  const total = status.sections.reduce((n, s) => n + s.entries.length, 0);
  const canApprove = status.actions.includes('approve');
  const canReturn = status.actions.includes('return');
  if (!canApprove && !canReturn) return null;
  return (
    <Space wrap>
      {canApprove && (
        <Button
          type="primary"
          loading={approve.isPending}
          onClick={() =>
            modal.confirm({
              title: '审定通过拟推介名单？',
              content: `审定后，名单上的 ${total} 项推介（${status.counts}）全部确定为入选，活动进入「已审定」，由组织单位公布结果。审定后不能撤回。`,
              okText: '审定通过',
              onOk: () => approve.mutateAsync().catch(() => undefined),
            })
          }
        >
          审定通过
        </Button>
      )}
      {canReturn && <Button onClick={() => setReturning(true)}>退回</Button>}
      <Modal
        title="退回拟推介名单"
        open={returning}
        okText="退回"
        okButtonProps={{ disabled: reason.trim() === '', loading: sendBack.isPending }}
        onOk={() => sendBack.mutate()}
        onCancel={() => setReturning(false)}
      >
        <p>退回后活动仍为「公示中」，名单不变；组织单位将收到退回通知和原因，修改后重新提请审定。</p>
        <Input.TextArea
          aria-label="退回原因"
          placeholder="请写明退回的原因"
          rows={4}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
