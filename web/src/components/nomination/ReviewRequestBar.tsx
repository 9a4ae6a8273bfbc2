/**
 * A draft is the unit's own until submitted; the unit may ask the organiser to look at it, e.g. to waive
 * a file that cannot be made to pass (the submit rule waits for that waiver). The unit asks or takes it
 * back here; the organiser sees why it can read a draft.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button } from 'antd';
import { type Nomination, requestReview } from '#web/api/nominations.ts';
import { useShowError } from '#web/lib/useShowError.ts';

export function ReviewRequestBar({
  nomination,
  organiser,
  onChanged,
}: {
  nomination: Nomination;
  organiser: boolean;
  onChanged: (next: Nomination) => void;
}) {
  const { message } = App.useApp();
  const showError = useShowError();
  const change = useMutation({
    mutationFn: (requested: boolean) => requestReview(nomination.id, requested),
    onSuccess: (next) => {
      message.success(next.reviewRequested ? '已请组织单位查看' : '已取消，组织单位不再能查看本草稿');
      onChanged(next);
    },
    onError: showError,
  });
  if (nomination.state !== 'draft') return null;
  if (organiser) {
    return nomination.reviewRequested ? (
      <Alert
        type="info"
        showIcon
        title="报送单位请您查看此草稿（尚未提交）"
        description="如材料问题可以接受，请在下方“材料”中逐项豁免；草稿仍由报送单位修改和提交。"
      />
    ) : null;
  }
  if (nomination.reviewRequested) {
    return (
      <Alert
        type="info"
        showIcon
        title="已请组织单位查看本草稿"
        description="组织单位现在可以查看本推介的内容和材料，以便审核豁免材料问题。"
        action={
          <Button size="small" loading={change.isPending} onClick={() => change.mutate(false)}>
            取消
          </Button>
        }
      />
    );
  }
  const failed = nomination.findings.some((f) => f.code === 'MATERIAL_FAILED' && f.severity === 'error');
  if (!failed) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title="有材料未通过检查"
      description="如确实无法重新提供符合要求的文件，可请组织单位查看本草稿并审核豁免。提交前，草稿的内容只有本单位能看到。"
      action={
        <Button size="small" type="primary" loading={change.isPending} onClick={() => change.mutate(true)}>
          请组织单位查看
        </Button>
      }
    />
  );
}
