/**
 * 公示 (the organiser's tab): draft it from the confirmed 拟推介名单, edit its words and objection contact,
 * preview it exactly as the public will see it, pick the start day (the end day computed on the calendar),
 * confirm, open on the day, restart with a reason. The buttons are the moves the server offers.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Modal,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { formatChineseDate } from '#core/calendar/format.ts';
import { todayInShanghai } from '#core/calendar/index.ts';
import {
  type AnnouncementView,
  announcementKey,
  createAnnouncement,
  openAnnouncement,
  restartAnnouncement,
  scheduleAnnouncement,
  updateAnnouncement,
  useAnnouncement,
  withdrawAnnouncement,
} from '#web/api/announcements.ts';
import { CAMPAIGNS_KEY, type CampaignDetail } from '#web/api/campaigns.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { PageLoading } from '../PageLoading.tsx';
import { AnnouncementPreview } from './AnnouncementPreview.tsx';
import { type AnnouncementText, AnnouncementTextForm } from './AnnouncementTextForm.tsx';
import { StartDayPicker } from './StartDayPicker.tsx';

const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  scheduled: 'blue',
  open: 'orange',
  closed: 'green',
};

export function AnnouncementPanel({ detail }: { detail: CampaignDetail }) {
  const campaignId = detail.campaign.id;
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const { data, isLoading } = useAnnouncement(campaignId);
  const [startDay, setStartDay] = useState(todayInShanghai(new Date()));
  const [restarting, setRestarting] = useState(false);
  const [reason, setReason] = useState('');

  const done = (text: string) => (a: AnnouncementView) => {
    queryClient.setQueryData(announcementKey(campaignId), { announcement: a, notReady: null });
    void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    message.success(text);
  };
  const create = useMutation({
    mutationFn: () => createAnnouncement(campaignId),
    onSuccess: done('已从拟推介名单起草公示'),
    onError: showError,
  });
  const save = useMutation({
    mutationFn: (text: AnnouncementText & { version: number }) => updateAnnouncement(campaignId, text),
    onSuccess: done('公示内容已保存'),
    onError: showError,
  });
  const move = useMutation({
    mutationFn: ({ to, a }: { to: string; a: AnnouncementView }) => {
      if (to === 'draft') return withdrawAnnouncement(campaignId, a.version);
      if (to === 'open') return openAnnouncement(campaignId, a.version);
      if (a.state === 'draft') return scheduleAnnouncement(campaignId, a.version, startDay);
      return restartAnnouncement(campaignId, { version: a.version, startDay, reason });
    },
    onSuccess: (a) => {
      setRestarting(false);
      setReason('');
      done(`公示已变为「${a.stateLabel}」`)(a);
    },
    onError: showError,
  });

  if (isLoading || !data) return <PageLoading />;
  const a = data.announcement;
  if (!a)
    return (
      <Empty description={data.notReady ?? '本活动的拟推介名单已确认，可以起草公示。'}>
        {!data.notReady && (
          <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>
            从拟推介名单起草公示
          </Button>
        )}
      </Empty>
    );

  const schedule = a.moves.find((m) => m.to === 'scheduled');
  const others = a.moves.filter((m) => m.to !== 'scheduled');
  const stars = a.entries.filter((e) => e.category === 'star').length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ marginBottom: 8 }}>
          <Tag color={STATE_COLORS[a.state]}>{a.stateLabel}</Tag>
          <Typography.Text>
            百姓学习之星 {stars} 名，终身学习品牌项目 {a.entries.length - stars} 个
          </Typography.Text>
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            { key: 'period', label: '公示期', children: a.period?.text ?? '尚未选定' },
            { key: 'venue', label: '公示地点', children: a.venue || '未填写' },
            ...(a.openedAt
              ? [{ key: 'opened', label: '开始公示', children: formatChineseDate(a.openedAt.slice(0, 10)) }]
              : []),
          ]}
        />
        {schedule && !schedule.requiresReason && (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
            <StartDayPicker campaignId={campaignId} value={startDay} onChange={setStartDay} />
            <Button
              type="primary"
              loading={move.isPending}
              onClick={() =>
                modal.confirm({
                  title: '确认发布公示？',
                  content: `公示将于${formatChineseDate(startDay)}开始，当天由系统自动发布到公示页面；确认后名单和内容不能再修改（可撤回修改）。`,
                  okText: '确认发布',
                  onOk: () => move.mutateAsync({ to: 'scheduled', a }).catch(() => undefined),
                })
              }
            >
              {schedule.label}
            </Button>
          </Space>
        )}
        <Space wrap style={{ marginTop: 12 }}>
          {others.map((m) => (
            <Button
              key={m.to}
              type={m.to === 'open' ? 'primary' : 'default'}
              loading={move.isPending && move.variables?.to === m.to}
              onClick={() => move.mutate({ to: m.to, a })}
            >
              {m.label}
            </Button>
          ))}
          {schedule?.requiresReason && (
            <Button danger onClick={() => setRestarting(true)}>
              {schedule.label}
            </Button>
          )}
        </Space>
        {a.state === 'scheduled' && !others.some((m) => m.to === 'open') && a.period && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={`公示将于${formatChineseDate(a.period.startDay)}由系统自动开始，${formatChineseDate(a.period.endDay)}期满后自动结束。`}
          />
        )}
      </Card>

      <Tabs
        items={[
          {
            key: 'preview',
            label: '预览（公众看到的内容）',
            children: <AnnouncementPreview announcement={a} />,
          },
          ...(a.editable
            ? [
                {
                  key: 'edit',
                  label: '编辑内容',
                  children: (
                    <AnnouncementTextForm
                      announcement={a}
                      saving={save.isPending}
                      onSave={(text) => save.mutate({ ...text, version: a.version })}
                    />
                  ),
                },
              ]
            : []),
          {
            key: 'corrections',
            label: `更正记录（${a.corrections.length}）`,
            children:
              a.corrections.length === 0 ? (
                <Empty description="暂无更正" />
              ) : (
                <ul style={{ paddingInlineStart: 20 }}>
                  {a.corrections.map((c) => (
                    <li key={c.id}>
                      {formatChineseDate(c.day)}【{c.kindLabel}】{c.text}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />

      <Modal
        open={restarting}
        title="重新公示"
        okText="重新公示"
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: move.isPending }}
        onOk={() => move.mutate({ to: 'scheduled', a })}
        onCancel={() => setRestarting(false)}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            原因将作为更正说明在公示页面上注明日期公示。公示期从新的开始日期重新计算。
          </Typography.Paragraph>
          <Input.TextArea
            aria-label="重新公示的原因"
            placeholder="如：拟推介名单调整"
            value={reason}
            maxLength={500}
            autoSize={{ minRows: 2 }}
            onChange={(e) => setReason(e.target.value)}
          />
          <StartDayPicker campaignId={campaignId} value={startDay} onChange={setStartDay} />
        </Space>
      </Modal>
    </Space>
  );
}
