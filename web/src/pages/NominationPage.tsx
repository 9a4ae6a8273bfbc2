/**
 * 推介表: the unit fills in the form of its category (autosaved, checked live by core's checkNomination,
 * submitted with the server's checks), and sees it read-only once submitted, with the content hash
 * that fixes what was sent. The organiser reads the same page and takes the 形式审查 and later moves
 * offered in `transitions`.
 */
import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  CloudSyncOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  ConfigProvider,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { todayInShanghai } from '../../../src/core/calendar/today.ts';
import type { Finding } from '../../../src/core/findings.ts';
import { checkNomination } from '../../../src/core/nomination/check.ts';
import { type CampaignDetail, campaignKey, findingsOf, getCampaign } from '../api/campaigns.ts';
import { ApiError } from '../api/client.ts';
import {
  NOMINATIONS_KEY,
  type Nomination,
  type NominationTransitionOption,
  nominationKey,
  reviewNomination,
  submitNomination,
  transitionNomination,
  useNomination,
  withdrawNomination,
} from '../api/nominations.ts';
import { DeadlineText } from '../components/campaign/DeadlineText.tsx';
import {
  FindingsList,
  FindingsSummary,
  jumpTo,
  summaryTitle,
} from '../components/nomination/FindingsPanel.tsx';
import { ProjectFormFields, StarFormFields } from '../components/nomination/FormSections.tsx';
import { FormContext, type FormEditing, readPath, writePath } from '../components/nomination/formContext.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { formatClock, formatDateTime } from '../format.ts';
import { displayTitle, isEditable, NOMINATION_STATE_COLORS } from '../lib/nominationDisplay.ts';
import { clearLocalCopy, readLocalCopy, type SaveState, sameForm, useAutosave } from '../lib/useAutosave.ts';
import { useIsMobile } from '../lib/useIsMobile.ts';
import { useShowError } from '../lib/useShowError.ts';

/** Findings only the server can make (previous winners, other nominations): kept from its last answer. */
const REGISTRY_CODES = new Set([
  'DUPLICATE_WINNER',
  'POSSIBLE_PREVIOUS_WINNER',
  'DUPLICATE_NOMINATION',
  'POSSIBLE_DUPLICATE_NOMINATION',
]);

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === false ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** Read-only, labels step back so the answers read like the printed form. */
const READ_ONLY_THEME = { components: { Form: { labelColor: 'rgba(0, 0, 0, 0.45)', itemMarginBottom: 12 } } };

function merge(...lists: Finding[][]): Finding[] {
  const seen = new Set<string>();
  return lists.flat().filter((f) => {
    const key = `${f.code}\u0000${f.field}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function SaveStatusText({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  switch (state.status) {
    case 'idle':
      return (
        <Typography.Text type="secondary">
          <CloudSyncOutlined /> 自动保存已开启
        </Typography.Text>
      );
    case 'pending':
      return (
        <Typography.Text type="secondary">
          <CloudSyncOutlined /> 有未保存的修改
          {state.savedAt ? `（已保存 ${formatClock(state.savedAt)}）` : ''}
        </Typography.Text>
      );
    case 'saving':
      return (
        <Typography.Text type="secondary">
          <LoadingOutlined /> 保存中…
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success">
          <CheckCircleOutlined /> 已保存 {formatClock(state.savedAt)}
        </Typography.Text>
      );
    case 'error':
      return (
        <Typography.Text type="danger">
          <WarningOutlined /> 保存失败，请检查网络{' '}
          <Typography.Link onClick={onRetry}>立即重试</Typography.Link>
        </Typography.Text>
      );
    case 'invalid':
      return (
        <Typography.Text type="danger">
          <WarningOutlined /> 未保存：有内容不符合要求，请按提示修改
        </Typography.Text>
      );
    case 'stale':
      return (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> 已暂停保存：推介表在别处被修改
        </Typography.Text>
      );
    case 'blocked':
      return (
        <Typography.Text type="danger">
          <ExclamationCircleOutlined /> 不能保存：{state.message}
        </Typography.Text>
      );
  }
}

interface Pending {
  transition: NominationTransitionOption;
  organiser: boolean;
}

/** The dialog for a move of the state table: a reason when the table asks for one, a word of warning otherwise. */
function TransitionDialog({
  pending,
  loading,
  onCancel,
  onConfirm,
}: {
  pending: Pending | null;
  loading: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const t = pending?.transition;
  const needsReason = Boolean(t?.requiresReason);
  const offersReason = needsReason || t?.to === 'withdrawn';
  const hint =
    t?.to === 'submitted'
      ? '提交后推介表将锁定，不能再修改；截止前如需修改，可先撤回。'
      : t?.to === 'withdrawn'
        ? '撤回后本推介不再占用名额，也不在推介登记表中；截止前可恢复为草稿修改后重新提交。'
        : t?.to === 'returned'
          ? '请写明需要修改的内容，报送单位将看到此原因。'
          : t?.to === 'accepted'
            ? '确认材料齐全、符合形式要求。'
            : undefined;
  return (
    <Modal
      open={Boolean(pending)}
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

function NominationEditor({
  nomination,
  detail,
  onReplaced,
  onReload,
}: {
  nomination: Nomination;
  detail: CampaignDetail;
  onReplaced: (next: Nomination) => void;
  onReload: () => void;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const isMobile = useIsMobile();
  const editable = isEditable(nomination);
  const organiser = nomination.actions.includes('actAsOrganiser');
  const { rules, campaign } = detail;
  // Autosave answers leave out the registry comparison (previous winners, other nominations): keep the
  // last one seen (from opening the page) until the page is loaded again.
  const autosave = useAutosave(nomination, editable, (saved) =>
    queryClient.setQueryData<Nomination>(nominationKey(nomination.id), (previous) => ({
      ...saved,
      findings: merge(
        saved.findings,
        (previous?.findings ?? []).filter((f) => REGISTRY_CODES.has(f.code)),
      ),
    })),
  );
  const { form, state } = autosave;
  const [refusal, setRefusal] = useState<{ message: string; findings: Finding[] } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [localCopy, setLocalCopy] = useState(() => {
    if (!editable) return null;
    const copy = readLocalCopy(nomination.id);
    if (copy && sameForm(copy.form, nomination.form)) {
      clearLocalCopy(nomination.id);
      return null;
    }
    return copy;
  });

  const deferredForm = useDeferredValue(form);
  const today = todayInShanghai();
  const findings = useMemo(() => {
    if (!editable) return nomination.findings;
    const live = checkNomination(nomination.category, deferredForm, rules, { today });
    const registry = nomination.findings.filter((f) => REGISTRY_CODES.has(f.code));
    // A previous winner or a duplicate outweighs a missing field: those come first.
    return merge(state.status === 'invalid' ? (state.findings ?? []) : [], registry, live);
  }, [editable, nomination.category, nomination.findings, deferredForm, rules, today, state]);

  // A fresh form is not a page of red: next to an input still empty, "please fill in" waits until the
  // unit tries to submit or asks for it; the summary counts everything from the start.
  const [showMissing, setShowMissing] = useState(nomination.state === 'returned');
  const fieldFindings = showMissing
    ? findings
    : findings.filter((f) => !f.field || !isEmpty(readPath(form, f.field)));
  const editing: FormEditing = {
    form,
    set: (path, value) => autosave.change((current) => writePath(current, path, value)),
    findings: fieldFindings,
    readOnly: !editable,
  };

  const move = useMutation({
    mutationFn: async ({
      transition,
      reason,
    }: {
      transition: NominationTransitionOption;
      reason: string;
    }) => {
      const id = nomination.id;
      if (transition.to === 'submitted') {
        const saved = await autosave.flush();
        if (!saved) throw new ApiError(0, 'NOT_SAVED', '推介表还有未保存的修改，请先解决保存问题后再提交');
        return submitNomination(id);
      }
      if (transition.to === 'withdrawn' && !organiser) return withdrawNomination(id, reason || undefined);
      if (organiser && nomination.state === 'submitted' && transition.to === 'accepted')
        return reviewNomination(id, 'accept');
      if (organiser && transition.to === 'returned') return reviewNomination(id, 'return', reason);
      return transitionNomination(id, transition.to, reason || undefined);
    },
    onSuccess: (next, { transition }) => {
      setPending(null);
      setRefusal(null);
      message.success(transition.to === 'submitted' ? '已提交' : `已${transition.label}`);
      void queryClient.invalidateQueries({ queryKey: [...NOMINATIONS_KEY, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...NOMINATIONS_KEY, 'quota'] });
      onReplaced(next);
    },
    onError: (error) => {
      setPending(null);
      const found = findingsOf(error);
      if (found.length > 0 || (error instanceof ApiError && error.status !== 401)) {
        setRefusal({ message: (error as Error).message, findings: found });
        window.scrollTo({ top: 0, behavior: 'smooth' });
      } else showError(error);
    },
  });

  const unitTransitions = nomination.transitions;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const categoryLabel = rules.categories[nomination.category].label;

  const buttons = unitTransitions.map((t) => {
    const primary =
      t.to === 'submitted' || t.to === 'accepted' || t.to === 'shortlisted' || t.to === 'selected';
    return (
      <Button
        key={t.to}
        type={primary ? 'primary' : 'default'}
        danger={t.to === 'withdrawn' || t.to === 'returned'}
        block={isMobile}
        loading={move.isPending && move.variables?.transition.to === t.to}
        onClick={() => {
          if (t.to === 'submitted' && errors > 0) {
            setShowMissing(true);
            message.warning(`${summaryTitle(findings)}，请先按提示修改`);
            const first = findings.find((f) => f.severity === 'error' && f.field);
            if (first) setTimeout(() => jumpTo(first.field), 50);
            return;
          }
          setPending({ transition: t, organiser });
        }}
      >
        {t.label}
      </Button>
    );
  });

  const statusLine = editable ? <SaveStatusText state={state} onRetry={() => void autosave.flush()} /> : null;

  const panel = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {statusLine && <div>{statusLine}</div>}
      <FindingsSummary findings={findings} editable={editable} onJump={() => setShowMissing(true)} />
      {buttons.length > 0 && (
        <Space wrap style={{ width: '100%' }} orientation={isMobile ? 'vertical' : 'horizontal'}>
          {buttons}
        </Space>
      )}
    </Space>
  );

  return (
    <FormContext.Provider value={editing}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          title={
            <Space size={8} style={{ minWidth: 0 }}>
              <Link
                to={`/campaigns/${campaign.id}?tab=${organiser ? 'overview' : 'mine'}`}
                aria-label="返回活动详情"
              >
                <ArrowLeftOutlined />
              </Link>
              <span>{categoryLabel}推介表</span>
            </Space>
          }
          extra={!isMobile && statusLine}
        >
          <Typography.Title level={isMobile ? 5 : 4} style={{ marginTop: 0 }}>
            {displayTitle(nomination)}
          </Typography.Title>
          <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
            <Tag color={NOMINATION_STATE_COLORS[nomination.state]}>{nomination.stateLabel}</Tag>
            <Tag>{categoryLabel}</Tag>
            {nomination.special && <Tag color="gold">{nomination.remark || '特别推介'}</Tag>}
            {nomination.rank !== null && <Tag>排序第 {nomination.rank} 位</Tag>}
          </Space>
          <div>
            <Typography.Text type="secondary">
              {campaign.title} · 报送单位：{nomination.unitName}
            </Typography.Text>
          </div>
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary">报送截止：</Typography.Text>
            <DeadlineText deadlineAt={campaign.deadlineAt} open={campaign.status === 'open'} />
          </div>
          {nomination.submittedAt && (
            <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>
              <Typography.Text type="secondary">
                提交时间：{formatDateTime(nomination.submittedAt)}
                {nomination.contentHash && (
                  <>
                    {' '}
                    · 内容校验码（SHA-256）：
                    <Typography.Text
                      code
                      copyable={{ text: nomination.contentHash }}
                      style={{ fontSize: 12 }}
                    >
                      {nomination.contentHash.slice(0, 16)}…
                    </Typography.Text>
                  </>
                )}
              </Typography.Text>
            </div>
          )}
        </Card>

        {nomination.state === 'returned' && nomination.returnReason && (
          <Alert
            type="error"
            showIcon
            title="组织单位退回修改"
            description={
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{nomination.returnReason}</div>
                {editable && <div style={{ marginTop: 4 }}>请按上述意见修改后，点击「修改后重新提交」。</div>}
              </>
            }
          />
        )}
        {state.status === 'stale' && (
          <Alert
            type="error"
            showIcon
            title="推介表已在其他窗口或由他人保存，为避免覆盖，本页已暂停自动保存"
            description="您在本页的修改已保留在本机。载入最新版本后，可选择用本机的修改替换，或放弃本机的修改。"
            action={
              <Button type="primary" onClick={onReload}>
                载入最新版本
              </Button>
            }
          />
        )}
        {state.status === 'blocked' && (
          <Alert
            type="error"
            showIcon
            title={`推介表不能再保存：${state.message ?? ''}`}
            description="您的修改已保留在本机。"
            action={<Button onClick={onReload}>刷新</Button>}
          />
        )}
        {localCopy && (
          <Alert
            type="warning"
            showIcon
            title={`本机有 ${formatDateTime(new Date(localCopy.at))} 未保存到服务器的修改`}
            description={
              localCopy.version === nomination.version
                ? '可能是上次离开页面时还没来得及保存。恢复后将自动保存。'
                : `这些修改基于第 ${localCopy.version} 版，服务器上现在是第 ${nomination.version} 版（在别处保存过）。恢复将用本机的修改替换服务器上的版本。`
            }
            action={
              <Space orientation={isMobile ? 'vertical' : 'horizontal'}>
                <Button
                  type="primary"
                  size="small"
                  onClick={() => {
                    autosave.change(localCopy.form);
                    setLocalCopy(null);
                  }}
                >
                  恢复本机修改
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    clearLocalCopy(nomination.id);
                    setLocalCopy(null);
                  }}
                >
                  放弃
                </Button>
              </Space>
            }
          />
        )}
        {refusal && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setRefusal(null) }}
            title={refusal.message || '操作未成功'}
            description={
              refusal.findings.length > 0 ? <FindingsList findings={refusal.findings} /> : undefined
            }
          />
        )}

        <Row gutter={16}>
          {isMobile && (
            <Col span={24} style={{ marginBottom: 16 }}>
              <FindingsSummary findings={findings} editable={editable} onJump={() => setShowMissing(true)} />
            </Col>
          )}
          <Col xs={24} lg={16}>
            <ConfigProvider theme={editable ? undefined : READ_ONLY_THEME}>
              <Form layout="vertical" requiredMark={editable}>
                {nomination.category === 'star' ? (
                  <StarFormFields rules={rules} />
                ) : (
                  <ProjectFormFields rules={rules} />
                )}
              </Form>
            </ConfigProvider>
          </Col>
          {!isMobile && (
            <Col xs={24} lg={8}>
              <div style={{ position: 'sticky', top: 80 }}>
                <Card size="small" title={editable ? '检查与提交' : '检查结果与操作'}>
                  {panel}
                </Card>
              </div>
            </Col>
          )}
        </Row>
        {isMobile && (buttons.length > 0 || statusLine) && (
          <div
            style={{
              position: 'sticky',
              bottom: 0,
              margin: '0 -12px -12px',
              padding: '8px 12px',
              background: '#fff',
              borderTop: '1px solid #f0f0f0',
              zIndex: 10,
            }}
          >
            {statusLine && (
              <div style={{ marginBottom: buttons.length > 0 ? 8 : 0, fontSize: 13 }}>{statusLine}</div>
            )}
            {buttons.length > 0 && <div style={{ display: 'flex', gap: 8 }}>{buttons}</div>}
          </div>
        )}
      </Space>
      <TransitionDialog
        pending={pending}
        loading={move.isPending}
        onCancel={() => setPending(null)}
        onConfirm={(reason) => pending && move.mutate({ transition: pending.transition, reason })}
      />
    </FormContext.Provider>
  );
}

export default function NominationPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);
  const { data: nomination, isLoading, error, refetch } = useNomination(id);
  const campaignId = nomination?.campaignId ?? '';
  const campaign = useQuery({
    queryKey: campaignKey(campaignId),
    queryFn: () => getCampaign(campaignId),
    enabled: campaignId !== '',
  });

  if (isLoading || (nomination && campaign.isLoading)) return <PageLoading />;
  if (error || !nomination) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '推介不存在或您无权查看' : '推介加载失败'}
        extra={
          <Space>
            <Link to="/campaigns">返回活动列表</Link>
            {!notFound && <Button onClick={() => refetch()}>重试</Button>}
          </Space>
        }
      />
    );
  }
  if (!campaign.data) {
    return (
      <Result
        status="error"
        title="活动规则加载失败"
        extra={<Button onClick={() => campaign.refetch()}>重试</Button>}
      />
    );
  }
  return (
    <NominationEditor
      key={`${nomination.id}:${generation}`}
      nomination={nomination}
      detail={campaign.data}
      onReplaced={(next) => {
        queryClient.setQueryData(nominationKey(id), next);
        setGeneration((g) => g + 1);
      }}
      onReload={async () => {
        await refetch();
        setGeneration((g) => g + 1);
      }}
    />
  );
}
