/**
 * One objection as its handler sees it: the facts (plain text, never markup), the files, the handling
 * log, the moves the server offers (受理, 不予受理, 拟认定成立, 复核 …, each asking for its reason), notes,
 * findings' files, the request to the nominating unit, and the objector behind a button that says the
 * view is logged.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import {
  addObjectionNote,
  type ObjectionDetail,
  objectionFileUrl,
  objectionKey,
  objectionsKey,
  useObjection,
} from '#web/api/objections.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { PageLoading } from '../PageLoading.tsx';
import { DuesText } from './DuesText.tsx';
import { IdentityButton } from './IdentityButton.tsx';
import { MoveButtons } from './MoveButtons.tsx';
import { RequestExplanationForm } from './RequestExplanationForm.tsx';
import { UploadFindings } from './UploadFindings.tsx';

export function ObjectionDetailView({
  id,
  campaignId,
  onClose,
}: {
  id: string;
  campaignId: string;
  onClose: () => void;
}) {
  const { data: objection, isLoading, error } = useObjection(id);
  const queryClient = useQueryClient();
  const update = (next: ObjectionDetail) => {
    queryClient.setQueryData(objectionKey(id), next);
    void queryClient.invalidateQueries({ queryKey: objectionsKey(campaignId) });
  };
  if (isLoading) return <PageLoading />;
  if (error || !objection) return <Alert type="error" title="异议不存在或您无权查看" />;
  const o = objection;
  return (
    <Card
      title={
        <Space wrap size={8}>
          <span>对「{o.entryName}」的异议</span>
          <Tag color={o.overdue.length > 0 ? 'red' : 'blue'}>{o.stateLabel}</Tag>
        </Space>
      }
      extra={<Button onClick={onClose}>收起</Button>}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          size="small"
          items={[
            { key: 'receipt', label: '回执编号', children: o.receipt },
            { key: 'submittedAt', label: '收到时间', children: o.submittedAt },
            { key: 'kind', label: '异议人类型', children: o.objectorKindLabel },
            { key: 'entry', label: '公示对象', children: `${o.entryName}（${o.entryUnit}）` },
            { key: 'dues', label: '办理期限', children: <DuesText item={o} /> },
          ]}
        />
        <section aria-label="异议事实和理由">
          <Typography.Title level={5}>异议事实和理由</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {o.facts}
          </Typography.Paragraph>
        </section>
        {o.actions.includes('seeIdentity') && <IdentityButton id={o.id} />}
        {o.files.length > 0 && (
          <section aria-label="材料">
            <Typography.Title level={5}>材料</Typography.Title>
            <ul style={{ paddingInlineStart: 20 }}>
              {o.files.map((f) => (
                <li key={f.id}>
                  <a href={objectionFileUrl(o.id, f.id)} target="_blank" rel="noreferrer">
                    {f.fileName}
                  </a>{' '}
                  <Typography.Text type="secondary">（{f.stageLabel}）</Typography.Text>
                </li>
              ))}
            </ul>
          </section>
        )}
        {o.explanation && (
          <Alert
            type="info"
            title={`报送单位情况说明（${o.explainedAt}）`}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{o.explanation}</span>}
          />
        )}
        {o.conclusionReason && (
          <Typography.Paragraph>
            <Typography.Text strong>认定理由：</Typography.Text>
            {o.conclusionReason}
            {o.proposedByName && (
              <Typography.Text type="secondary">（{o.proposedByName}提出）</Typography.Text>
            )}
          </Typography.Paragraph>
        )}
        {o.reply && (
          <Typography.Paragraph>
            <Typography.Text strong>答复异议人：</Typography.Text>
            {o.reply}
          </Typography.Paragraph>
        )}
        <MoveButtons objection={o} onDone={update} />
        {o.actions.includes('requestExplanation') && <RequestExplanationForm id={o.id} onDone={update} />}
        {o.actions.includes('note') && <NoteForm id={o.id} onDone={update} />}
        {o.actions.includes('note') && <UploadFindings id={o.id} onDone={update} />}
        <section aria-label="办理记录">
          <Typography.Title level={5}>办理记录</Typography.Title>
          <Timeline
            items={o.events.map((e, i) => ({
              key: i,
              content: (
                <div>
                  <Typography.Text strong>{e.label}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {e.at} {e.actorName ?? '（公示页面提交）'}
                  </Typography.Text>
                  {e.note && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{e.note}</div>}
                </div>
              ),
            }))}
          />
        </section>
      </Space>
    </Card>
  );
}

function NoteForm({ id, onDone }: { id: string; onDone: (next: ObjectionDetail) => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.TextArea
        aria-label="核实记录"
        placeholder="记录调查核实情况（如走访、电话核实的结果）"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        autoSize={{ minRows: 1, maxRows: 4 }}
      />
      <Button
        loading={busy}
        disabled={!note.trim()}
        onClick={async () => {
          setBusy(true);
          try {
            onDone(await addObjectionNote(id, note));
            setNote('');
            message.success('已添加核实记录');
          } catch (err) {
            showError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        添加记录
      </Button>
    </Space.Compact>
  );
}
