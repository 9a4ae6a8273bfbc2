/**
 * 推介表: the unit fills in the form of its category (autosaved, checked live by core's checkNomination,
 * submitted with the server's checks), and sees it read-only once submitted, with the content hash
 * that fixes what was sent. The organiser reads the same page and takes the 形式审查 and later moves
 * offered in `transitions`.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, ConfigProvider, Form, Result, Row, Space } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { deadlinePassedMessage } from '#core/nomination/moves.ts';
import { transitionsFrom } from '#core/nomination/states.ts';
import { DESCRIPTION_TEXT } from '#web/theme.ts';
import { type CampaignDetail, campaignKey, getCampaign } from '../api/campaigns.ts';
import { ApiError } from '../api/client.ts';
import { useNominationMaterials } from '../api/materials.ts';
import { type Nomination, nominationKey, useNomination } from '../api/nominations.ts';
import { CampaignContacts } from '../components/campaign/CampaignContacts.tsx';
import { NominationDocuments } from '../components/documents/NominationDocuments.tsx';
import { MaterialsSection } from '../components/material/MaterialsSection.tsx';
import { AutosaveStatus, AutosaveStopped } from '../components/nomination/AutosaveStatus.tsx';
import {
  FindingsList,
  FindingsSummary,
  jumpTo,
  summaryTitle,
} from '../components/nomination/FindingsPanel.tsx';
import { FormalCheckNext } from '../components/nomination/FormalCheckNext.tsx';
import { FormContext, type FormEditing, writePath } from '../components/nomination/formContext.tsx';
import { GenerateSummaryButton } from '../components/nomination/GenerateSummaryButton.tsx';
import { LocalCopyBanner } from '../components/nomination/LocalCopyBanner.tsx';
import { NominationHeader } from '../components/nomination/NominationHeader.tsx';
import { ProjectFormFields } from '../components/nomination/ProjectFormFields.tsx';
import { ReviewRequestBar } from '../components/nomination/ReviewRequestBar.tsx';
import { StarFormFields } from '../components/nomination/StarFormFields.tsx';
import { TransitionDialog } from '../components/nomination/TransitionDialog.tsx';
import { PageLoading } from '../components/PageLoading.tsx';
import { NominationPublicityLine } from '../components/publicity/NominationPublicityLine.tsx';
import { ExclusionRequestSection } from '../components/review/exclusions/ExclusionRequestSection.tsx';
import { isEditable } from '../lib/nominationDisplay.ts';
import { useAutosave } from '../lib/useAutosave.ts';
import { useIsMobile } from '../lib/useIsMobile.ts';
import { useNominationFindings, withRegistryFindings } from '../lib/useNominationFindings.ts';
import { useNominationMove } from '../lib/useNominationMove.ts';

/** Read-only, labels step back so the answers read like the printed form. */
const READ_ONLY_THEME = { components: { Form: { labelColor: DESCRIPTION_TEXT, itemMarginBottom: 12 } } };

/** Why the unit sees no 提交 or 撤回 any more: its deadline has passed, and what became of the nomination. */
function DeadlineNotice({ nomination }: { nomination: Nomination }) {
  const at = nomination.deadline.at ? Date.parse(nomination.deadline.at) : null;
  const passed = deadlinePassedMessage({ at, extended: nomination.deadline.extended });
  const lapsed = nomination.lapsedAt && nomination.state === 'withdrawn';
  return (
    <Alert
      type={lapsed ? 'error' : 'info'}
      showIcon
      title={lapsed ? '逾期未提交，已视为自动放弃' : '报送截止时间已过'}
      description={passed}
    />
  );
}

/** Moves that carry the form forward; withdrawing and returning are shown as danger instead. */
const PRIMARY_MOVES = new Set(['submitted', 'accepted', 'shortlisted', 'selected']);

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
  const isMobile = useIsMobile();
  const editable = isEditable(nomination);
  const organiser = nomination.actions.includes('actAsOrganiser');
  const { rules, campaign } = detail;
  // Autosave answers leave out the registry comparison (previous winners, other nominations): keep the
  // last one seen (from opening the page) until the page is loaded again.
  const autosave = useAutosave(nomination, editable, (saved) =>
    queryClient.setQueryData<Nomination>(nominationKey(nomination.id), (previous) =>
      withRegistryFindings(saved, previous),
    ),
  );
  const { form, state } = autosave;
  // The same query as the material section's (polled while checks run): the summary follows each upload.
  const materials = useNominationMaterials(nomination.id);
  const material = useMemo(
    () => materials.data?.findings ?? nomination.findings.filter((f) => f.field.startsWith('materials')),
    [materials.data, nomination.findings],
  );
  const { findings, fieldFindings, revealMissing } = useNominationFindings({
    nomination,
    form,
    rules,
    saveState: state,
    editable,
    material,
  });
  const move = useNominationMove({ nomination, organiser, flush: autosave.flush, onMoved: onReplaced });
  const editing: FormEditing = {
    form,
    set: (path, value) => autosave.change((current) => writePath(current, path, value)),
    findings: fieldFindings,
    readOnly: !editable,
  };

  const errors = findings.filter((f) => f.severity === 'error').length;
  const categoryLabel = rules.categories[nomination.category].label;

  const buttons = nomination.transitions.map((t) => (
    <Button
      key={t.to}
      type={PRIMARY_MOVES.has(t.to) ? 'primary' : 'default'}
      danger={t.to === 'withdrawn' || t.to === 'returned'}
      block={isMobile}
      loading={move.isMoving(t.to)}
      onClick={() => {
        // The server would refuse: show every finding at its field and go to the first instead.
        if (t.to === 'submitted' && errors > 0) {
          revealMissing();
          message.warning(`${summaryTitle(findings)}，请先按提示修改`);
          const first = findings.find((f) => f.severity === 'error' && f.field);
          if (first) setTimeout(() => jumpTo(first.field), 50);
          return;
        }
        move.ask(t);
      }}
    >
      {t.label}
    </Button>
  ));

  const statusLine = editable ? <AutosaveStatus state={state} onRetry={() => void autosave.flush()} /> : null;
  const summary = <FindingsSummary findings={findings} editable={editable} onJump={revealMissing} />;

  return (
    <FormContext.Provider value={editing}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <NominationHeader
          nomination={nomination}
          campaign={campaign}
          categoryLabel={categoryLabel}
          organiser={organiser}
          extra={!isMobile && statusLine}
        />
        <NominationDocuments nomination={nomination} />
        <CampaignContacts rules={rules} />
        {organiser && <FormalCheckNext nomination={nomination} />}
        {organiser && nomination.publicity && <NominationPublicityLine publicity={nomination.publicity} />}
        <ReviewRequestBar nomination={nomination} organiser={organiser} onChanged={onReplaced} />

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
        {/* Only where the unit would otherwise have had a move (not once the review has it). */}
        {!organiser &&
          nomination.deadline.passed &&
          nomination.actions.includes('actAsUnit') &&
          transitionsFrom(nomination.state, 'unit').length > 0 && <DeadlineNotice nomination={nomination} />}
        <AutosaveStopped state={state} onReload={onReload} />
        <LocalCopyBanner nomination={nomination} editable={editable} onRestore={autosave.change} />
        {move.refusal && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: move.dismissRefusal }}
            title={move.refusal.message || '操作未成功'}
            description={
              move.refusal.findings.length > 0 ? <FindingsList findings={move.refusal.findings} /> : undefined
            }
          />
        )}

        <Row gutter={16}>
          {isMobile && (
            <Col span={24} style={{ marginBottom: 16 }}>
              {summary}
            </Col>
          )}
          <Col xs={24} lg={16}>
            <ConfigProvider theme={editable ? undefined : READ_ONLY_THEME}>
              <Form layout="vertical" requiredMark={editable}>
                {nomination.category === 'star' ? (
                  <StarFormFields rules={rules} />
                ) : (
                  <ProjectFormFields
                    rules={rules}
                    summaryAction={
                      <GenerateSummaryButton
                        nominationId={nomination.id}
                        flush={autosave.flush}
                        disabled={typeof form.workSummary !== 'string' || form.workSummary.trim() === ''}
                      />
                    }
                  />
                )}
              </Form>
            </ConfigProvider>
          </Col>
          {!isMobile && (
            <Col xs={24} lg={8}>
              <div style={{ position: 'sticky', top: 80 }}>
                <Card size="small" title={editable ? '检查与提交' : '检查结果与操作'}>
                  <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                    {statusLine && <div>{statusLine}</div>}
                    {summary}
                    {buttons.length > 0 && (
                      <Space wrap style={{ width: '100%' }} orientation="horizontal">
                        {buttons}
                      </Space>
                    )}
                  </Space>
                </Card>
              </div>
            </Col>
          )}
        </Row>
        {/* 材料: photos, video, work summary; uploads, checks, conversion, waivers (components/material). */}
        <MaterialsSection nominationId={nomination.id} />
        {/* A published winner's 宣传活动 (五进) are recorded on their own page (pages/WinnerActivitiesPage). */}
        {campaign.status === 'published' &&
          (nomination.state === 'selected' || nomination.state === 'forwarded') && (
            <Card size="small" title="宣传推介活动" style={{ marginTop: 16 }}>
              <Link to={`/activities/winners/${nomination.id}`}>登记和查看“五进”宣传活动</Link>
            </Card>
          )}
        {!organiser && nomination.actions.includes('actAsUnit') && (
          <ExclusionRequestSection nomination={nomination} campaignStatus={campaign.status} />
        )}
        {/* On phones the actions stay within reach of the thumb, below the form. */}
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
        transition={move.pending}
        loading={move.isPending}
        onCancel={move.cancel}
        onConfirm={move.confirm}
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
