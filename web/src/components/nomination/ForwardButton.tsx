/**
 * 报送上级: a provincial round's selected nominations go on to the national round of the same year. The
 * organiser picks the national round; what was forwarded, or why nothing was, is shown in the dialog.
 */
import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Finding } from '#core/findings.ts';
import { type CampaignDetail, findingsOf, useCampaigns } from '#web/api/campaigns.ts';
import { type Forwarded, forwardNominations, NOMINATIONS_KEY } from '#web/api/nominations.ts';
import { categoryLabel } from '#web/lib/nominationDisplay.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { FindingLines } from '../material/FindingLines.tsx';

export function ForwardButton({ detail }: { detail: CampaignDetail }) {
  const { campaign, rules } = detail;
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const campaigns = useCampaigns();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<string | undefined>();
  const [result, setResult] = useState<
    { forwarded: Forwarded[] } | { message: string; findings: Finding[] } | null
  >(null);
  const targets = (campaigns.data ?? []).filter(
    (c) => c.id !== campaign.id && c.level === 'national' && c.year === campaign.year,
  );
  const forward = useMutation({
    mutationFn: () => forwardNominations(campaign.id, target!),
    onSuccess: (forwarded) => {
      setResult({ forwarded });
      message.success(`已报送 ${forwarded.length} 条`);
      void queryClient.invalidateQueries({ queryKey: NOMINATIONS_KEY });
    },
    onError: (error) => {
      const findings = findingsOf(error);
      if (findings.length > 0 || error instanceof Error)
        setResult({ message: (error as Error).message, findings });
      else showError(error);
    },
  });
  if (!rules.forwardsToNationalRound) return null;
  return (
    <>
      <Button
        icon={<SendOutlined />}
        onClick={() => {
          setResult(null);
          setTarget(targets.find((c) => c.status === 'open')?.id ?? targets[0]?.id);
          setOpen(true);
        }}
      >
        报送上级
      </Button>
      <Modal
        open={open}
        title="将“入选”的推介报送上级活动"
        okText="确认报送"
        cancelText={result && 'forwarded' in result ? '关闭' : '取消'}
        okButtonProps={{
          disabled: !target || Boolean(result && 'forwarded' in result),
          loading: forward.isPending,
        }}
        onOk={() => forward.mutate()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          本活动中状态为“入选”的全部推介将作为{campaign.organiserName}
          的推介报送到上级活动（内容复制并冻结，计入本单位在上级活动的名额，须全部符合才会报送）。
        </Typography.Paragraph>
        {targets.length === 0 ? (
          <Alert type="warning" showIcon title={`没有找到 ${campaign.year} 年的全国活动，或您无权查看`} />
        ) : (
          <Select
            aria-label="报送到的上级活动"
            style={{ width: '100%' }}
            value={target}
            onChange={setTarget}
            options={targets.map((c) => ({ value: c.id, label: `${c.title}（${c.statusLabel}）` }))}
          />
        )}
        {result && 'forwarded' in result && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            title={`已报送 ${result.forwarded.length} 条`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {result.forwarded.map((f) => (
                  <li key={f.id}>
                    {categoryLabel(rules, f.category)}：{f.title}
                    <Typography.Text type="secondary">
                      （随推介转去材料 {f.materials.files} 个，将按上级活动的要求重新检查）
                    </Typography.Text>
                    {f.materials.findings.length > 0 && <FindingLines findings={f.materials.findings} />}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {result && 'findings' in result && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            title={result.message}
            description={
              result.findings.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {result.findings.map((f) => (
                    <li key={`${f.code}:${f.field}:${f.message}`}>{f.message}</li>
                  ))}
                </ul>
              )
            }
          />
        )}
      </Modal>
    </>
  );
}

/** The organiser never sees a withdrawn nomination, and a draft only when its unit asked. */
