/**
 * 规则: the campaign's rules, editable by its organiser while `actions` includes editRules. Every edit is
 * checked at once by core's validateCampaignRules (findings next to the field) and compared with the
 * saved rules by diffRules, so the organiser sees exactly what units will be told changed.
 */
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type CampaignRules, diffRules, validateCampaignRules } from '#core/campaign/index.ts';
import type { Finding } from '#core/findings.ts';
import type { ReportingUnit } from '#web/api/campaigns.ts';
import { type CampaignDetail, findingsOf, saveRules } from '#web/api/campaigns.ts';
import { ApiError } from '#web/api/client.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { BasicSection } from './BasicSection.tsx';
import { MaterialsSection } from './MaterialsSection.tsx';
import { QuotaSection } from './QuotaSection.tsx';
import { AnnouncementSection, EligibilitySection, FormsSection } from './RequirementsSection.tsx';
import { RulesContext, type RulesEditing } from './rulesContext.tsx';
import { SupervisionSection } from './SupervisionSection.tsx';

export const STALE_RULES_MESSAGE = '规则已被他人修改，请刷新后重试';

interface Props {
  detail: CampaignDetail;
  reportingUnits: ReportingUnit[];
  onSaved: (detail: CampaignDetail) => void;
  onReload: () => void;
}

function FindingsSummary({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  const errors = findings.filter((f) => f.severity === 'error');
  return (
    <Alert
      type={errors.length > 0 ? 'error' : 'warning'}
      showIcon
      title={
        errors.length > 0
          ? `有 ${errors.length} 处需要修改${findings.length > errors.length ? `，${findings.length - errors.length} 处提示` : ''}（有错误时活动不能开放报送）`
          : `有 ${findings.length} 处提示，请核对`
      }
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {findings.map((f) => (
            <li key={`${f.code}:${f.field}`}>
              <Typography.Text type={f.severity === 'error' ? 'danger' : undefined}>
                {f.message}
              </Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}

export function RulesTab({ detail, reportingUnits, onSaved, onReload }: Props) {
  const { campaign, rules: saved } = detail;
  const editable = campaign.actions.includes('editRules');
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [draft, setDraft] = useState<CampaignRules>(saved);
  const [serverFindings, setServerFindings] = useState<Finding[]>([]);
  const [stale, setStale] = useState(false);

  const changes = useMemo(() => diffRules(saved, draft), [saved, draft]);
  // Fresh rules from the server replace the draft only when the organiser had nothing unsaved on top of
  // the rules they were editing (after a save, a refresh, or someone else's change seen on refetch).
  const previous = useRef(saved);
  useEffect(() => {
    const before = previous.current;
    previous.current = saved;
    setDraft((current) => (!editable || diffRules(before, current).length === 0 ? saved : current));
  }, [saved, editable]);

  const local = useMemo(() => validateCampaignRules(draft), [draft]);
  const findings = useMemo(() => {
    const seen = new Set(local.map((f) => `${f.code}:${f.field}`));
    return [...local, ...serverFindings.filter((f) => !seen.has(`${f.code}:${f.field}`))];
  }, [local, serverFindings]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const blockedWhileOpen = campaign.status === 'open' && errors > 0;

  const editing: RulesEditing = useMemo(
    () => ({
      rules: draft,
      findings: editable ? findings : [],
      readOnly: !editable,
      edit: (change) =>
        setDraft((current) => {
          const next = structuredClone(current);
          change(next);
          return next;
        }),
    }),
    [draft, findings, editable],
  );

  const save = useMutation({
    mutationFn: () => saveRules(campaign.id, draft, campaign.rulesVersion),
    onSuccess: (next) => {
      setServerFindings([]);
      setStale(false);
      setDraft(next.rules);
      onSaved(next);
      message.success(`规则已保存为第 ${next.campaign.rulesVersion} 版`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'STALE_VERSION') {
        setStale(true);
        message.error(STALE_RULES_MESSAGE);
        return;
      }
      const fromServer = findingsOf(error);
      if (fromServer.length > 0) setServerFindings(fromServer);
      showError(error);
    },
  });

  const confirmSave = () => {
    if (campaign.status !== 'draft') {
      modal.confirm({
        title: '保存规则修改？',
        content: `活动${campaign.statusLabel}，本次 ${changes.length} 处修改将记为「开放报送后变更」，各报送单位会在活动页看到提示。`,
        okText: '保存',
        onOk: () => save.mutateAsync().catch(() => undefined),
      });
    } else {
      save.mutate();
    }
  };

  return (
    <RulesContext.Provider value={editing}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {editable && <FindingsSummary findings={findings} />}
        <Form layout="vertical" component="div">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title="基本信息与截止时间">
              <BasicSection />
            </Card>
            <Card size="small" title="推介名额">
              <QuotaSection reportingUnits={reportingUnits} />
            </Card>
            <Card size="small" title="纸质材料">
              <FormsSection />
            </Card>
            <Card size="small" title="公示">
              <AnnouncementSection />
            </Card>
            <Card size="small" title="推介条件">
              <EligibilitySection />
            </Card>
            <Card size="small" title="电子材料要求">
              <MaterialsSection />
            </Card>
            <Card size="small" title="上级单位查看">
              <SupervisionSection />
            </Card>
          </Space>
        </Form>
        {editable && changes.length > 0 && (
          <div
            style={{
              position: 'sticky',
              bottom: 0,
              zIndex: 5,
              background: '#fff',
              border: '1px solid #ffd591',
              borderRadius: 8,
              padding: 12,
              boxShadow: '0 -4px 12px rgba(0,0,0,0.08)',
            }}
          >
            <Typography.Text strong>未保存的修改（{changes.length} 处）</Typography.Text>
            <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20, maxHeight: 160, overflowY: 'auto' }}>
              {changes.map((c) => (
                <li key={c.path}>{c.message}</li>
              ))}
            </ul>
            {stale && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 8 }}
                title={STALE_RULES_MESSAGE}
                description="刷新会载入他人保存的最新规则，上面列出的修改将被放弃，请记下后在新版本上重新修改。"
                action={
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      setStale(false);
                      setDraft(saved);
                      onReload();
                    }}
                  >
                    刷新
                  </Button>
                }
              />
            )}
            {blockedWhileOpen && (
              <Typography.Paragraph type="danger" style={{ marginBottom: 8 }}>
                活动报送中，规则有错误时不能保存，请先按上方提示修改。
              </Typography.Paragraph>
            )}
            <Space wrap>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                disabled={blockedWhileOpen || stale}
                onClick={confirmSave}
              >
                保存为第 {campaign.rulesVersion + 1} 版
              </Button>
              <Button icon={<UndoOutlined />} onClick={() => setDraft(saved)}>
                放弃修改
              </Button>
            </Space>
          </div>
        )}
      </Space>
    </RulesContext.Provider>
  );
}
