/**
 * One winner's public text: the text as the organiser edits it, 保存 (a draft, checked first with the
 * same rules the platform applies, then by the platform, which also knows the form's address), and
 * 审核通过并公开 once the saved text is the one shown. A refusal or a conflict leaves the text as typed.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { SPECIAL_LABELS } from '#core/announcement/entries.ts';
import { CATEGORY_LABELS } from '#core/announcement/labels.ts';
import type { Finding } from '#core/findings.ts';
import { hasErrors } from '#core/findings.ts';
import { STORY_MAX_CHARACTERS, storyFindings } from '#core/showcase/story.ts';
import { findingsOf } from '#web/api/campaigns.ts';
import { ApiError } from '#web/api/client.ts';
import {
  approveShowcaseStory,
  type StoriesList,
  type StoryWinner,
  saveShowcaseStory,
  storiesKey,
} from '#web/api/showcase.ts';
import { formatDateTime } from '#web/format.ts';
import { useShowError } from '#web/lib/useShowError.ts';

const STATE_LABELS: Record<StoryWinner['state'], { label: string; color: string }> = {
  none: { label: '未填写', color: 'default' },
  draft: { label: '待审核', color: 'orange' },
  approved: { label: '已公开', color: 'green' },
};

const characters = (s: string) => [...s].length;

export function StoryCard({ campaignId, winner: w }: { campaignId: string; winner: StoryWinner }) {
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const fieldId = useId();
  const [text, setText] = useState(w.text);
  // The version this text was loaded or saved at: a background reload showing someone else's save does
  // not move it, so saving over their text is refused rather than silently done.
  const [baseVersion, setBaseVersion] = useState(w.version);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);

  const changed = w.state === 'none' || text.trim() !== w.text.trim();
  const patch = (next: Partial<StoryWinner>) =>
    queryClient.setQueryData<StoriesList>(storiesKey(campaignId), (list) =>
      list
        ? {
            ...list,
            winners: list.winners.map((x) => (x.nominationId === w.nominationId ? { ...x, ...next } : x)),
          }
        : list,
    );

  const refused = (error: unknown) => {
    if (
      error instanceof ApiError &&
      (error.code === 'STALE_VERSION' || error.code === 'STORY_NOT_APPROVABLE')
    )
      return setConflict(true);
    const findings: Finding[] = findingsOf(error);
    if (findings.length > 0) return setProblems(findings.map((f) => f.message));
    if (error instanceof ApiError && error.status === 400) return setProblems([error.message]);
    showError(error);
  };

  const save = useMutation({
    mutationFn: (body: string) => saveShowcaseStory(w.nominationId, body, baseVersion),
    onSuccess: (saved, body) => {
      setBaseVersion(saved.version);
      patch({ state: saved.state, version: saved.version, text: body.trim(), approvedAt: null });
      message.success(`已保存${w.name}的事迹文字，审核通过后公开`);
      void queryClient.invalidateQueries({ queryKey: storiesKey(campaignId) });
    },
    onError: refused,
  });
  const approve = useMutation({
    mutationFn: () => approveShowcaseStory(w.nominationId, baseVersion ?? 0),
    onSuccess: (saved) => {
      setBaseVersion(saved.version);
      patch({ state: saved.state, version: saved.version });
      void queryClient.invalidateQueries({ queryKey: storiesKey(campaignId) });
    },
    onError: refused,
  });

  const onSave = () => {
    setProblems([]);
    setConflict(false);
    // The same rules the platform applies, so a phone number is caught before anything is sent.
    const findings = storyFindings(text);
    if (hasErrors(findings)) return setProblems(findings.map((f) => f.message));
    save.mutate(text);
  };

  const onApprove = () =>
    modal.confirm({
      title: '审核通过并公开？',
      content: `${w.name}的事迹文字将在优秀事迹展示页面向公众公开。公开后如再修改保存，展示页面将撤下这段文字，待再次审核通过后重新公开。`,
      okText: '审核通过并公开',
      cancelText: '取消',
      onOk: () => {
        setProblems([]);
        setConflict(false);
        return approve.mutateAsync().catch(() => undefined);
      },
    });

  // Someone else saved: show their text and version; the organiser's own text is still in the box until then.
  const loadLatest = async () => {
    await queryClient.invalidateQueries({ queryKey: storiesKey(campaignId) });
    const latest = queryClient
      .getQueryData<StoriesList>(storiesKey(campaignId))
      ?.winners.find((x) => x.nominationId === w.nominationId);
    if (!latest) return;
    setText(latest.text);
    setBaseVersion(latest.version);
    setConflict(false);
    setProblems([]);
  };

  const state = STATE_LABELS[w.state];
  const titleId = `${fieldId}-title`;
  return (
    <section aria-labelledby={titleId}>
      <Card
        size="small"
        title={
          <Space size={[8, 4]} wrap>
            <span id={titleId}>{w.name}</span>
            <Tag color={state.color}>{state.label}</Tag>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {CATEGORY_LABELS[w.category]}
          {w.special && `（${SPECIAL_LABELS[w.category]}）`} · {w.unit}
          {w.state === 'approved' && w.approvedAt && ` · ${formatDateTime(w.approvedAt)}公开`}
          {w.state === 'draft' && w.editedAt && ` · ${formatDateTime(w.editedAt)}保存`}
        </Typography.Paragraph>
        <label htmlFor={fieldId} style={{ display: 'block', marginBottom: 4 }}>
          {w.category === 'star' ? '公开展示的事迹' : '公开展示的项目介绍'}
        </label>
        {/* The character count hangs below the box; the room below keeps what follows off it. */}
        <div style={{ marginBottom: 24 }}>
          <Input.TextArea
            id={fieldId}
            value={text}
            autoSize={{ minRows: 4, maxRows: 16 }}
            count={{ show: true, max: STORY_MAX_CHARACTERS, strategy: characters }}
            status={problems.length > 0 ? 'error' : undefined}
            aria-invalid={problems.length > 0}
            onChange={(e) => {
              setText(e.target.value);
              if (problems.length > 0) setProblems([]);
            }}
          />
        </div>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginTop: 8 }}
            title="这段文字不能保存，请修改后再保存"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        {conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginTop: 8 }}
            title="其他人已修改或审核了这位入选者的事迹文字，您的操作未生效"
            description="您填写的文字仍在上方，如需保留请先复制；点击“载入最新文字”查看他人保存的文字后再修改。"
            action={
              <Button size="small" onClick={loadLatest}>
                载入最新文字
              </Button>
            }
          />
        )}
        {w.state === 'approved' && changed && (
          <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
            修改后保存，展示页面将撤下已公开的文字，待再次审核通过后重新公开。
          </Typography.Paragraph>
        )}
        <Space wrap style={{ marginTop: 8 }}>
          <Button type="primary" loading={save.isPending} disabled={!changed} onClick={onSave}>
            保存
          </Button>
          {w.state === 'draft' && (
            <Button loading={approve.isPending} disabled={changed} onClick={onApprove}>
              审核通过并公开
            </Button>
          )}
          <Typography.Link href={w.publicPath} target="_blank" rel="noopener">
            查看展示页
          </Typography.Link>
        </Space>
        {w.state === 'draft' && changed && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            文字已修改，请先保存，再审核通过并公开。
          </Typography.Paragraph>
        )}
      </Card>
    </section>
  );
}
