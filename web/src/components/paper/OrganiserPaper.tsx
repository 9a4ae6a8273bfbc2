/**
 * 纸质材料 for the organiser: every reporting unit with where its parcel stands, who has not posted and
 * whose parcel has not arrived first; the dispatch each unit recorded, its scan, and the receipt dialog.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PAPER_STANDING_LABELS, type PaperStanding } from '#core/paper/status.ts';
import type { CampaignDetail } from '#web/api/campaigns.ts';
import { type PaperOverview, type PaperUnit, paperKey, usePaper } from '#web/api/paper.ts';
import { WORKLIST_KEY } from '#web/api/worklist.ts';
import { useIsMobile } from '#web/lib/useIsMobile.ts';
import { type ResponsiveColumn, ResponsiveTable } from '../ResponsiveTable.tsx';
import { PaperRecordView } from './PaperRecordView.tsx';
import { STANDING_COLORS } from './paperDisplay.ts';
import { ReceiptDialog } from './ReceiptDialog.tsx';

/** Who needs chasing comes first. */
const ORDER: PaperStanding[] = [
  'not_dispatched',
  'received_with_problems',
  'in_transit',
  'received',
  'not_needed',
];

export function OrganiserPaper({ detail }: { detail: CampaignDetail }) {
  const { campaign } = detail;
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const paper = usePaper(campaign.id);
  const [standing, setStanding] = useState<PaperStanding | undefined>();
  const [receiving, setReceiving] = useState<PaperUnit | null>(null);
  const data = paper.data;
  const units = [...(data?.units ?? [])]
    .filter((u) => !standing || u.standing === standing)
    .sort((a, b) => ORDER.indexOf(a.standing) - ORDER.indexOf(b.standing));

  const columns: ResponsiveColumn<PaperUnit>[] = [
    { key: 'unit', title: '报送单位', dataIndex: 'unitName', cardRole: 'title', width: 200 },
    {
      key: 'standing',
      title: '情况',
      dataIndex: 'standing',
      width: 150,
      render: (_: unknown, u: PaperUnit) => <Tag color={STANDING_COLORS[u.standing]}>{u.standingLabel}</Tag>,
    },
    {
      key: 'record',
      title: '寄送与签收',
      dataIndex: 'unitId',
      render: (_: unknown, u: PaperUnit) =>
        u.state === 'none' ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <PaperRecordView unit={u} />
        ),
    },
    {
      key: 'actions',
      title: '操作',
      dataIndex: 'moves',
      width: 130,
      cardRole: 'actions',
      render: (_: unknown, u: PaperUnit) => {
        const move = u.moves.find((m) => m.to === 'received');
        if (!move) return null;
        // A unit with nothing submitted has nothing to post; a parcel from it is still recorded if it comes.
        const type = u.standing === 'not_needed' ? 'link' : u.state === 'received' ? 'default' : 'primary';
        return (
          <Button size="small" type={type} onClick={() => setReceiving(u)}>
            {move.label}
          </Button>
        );
      },
    },
  ];

  const summary = data?.summary;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {data && (
        <Typography.Text type="secondary">
          各单位须寄送盖章的推介表与推介登记表，一式 {data.requirement.copies} 份
          {data.requirement.disc ? '，并将电子材料刻录光盘或拷入U盘一并邮寄' : ''}。
        </Typography.Text>
      )}
      {summary && (
        <Space size={[8, 4]} wrap>
          <Tag color="red">未寄送 {summary.notDispatched}</Tag>
          <Tag color="blue">已寄出待签收 {summary.inTransit}</Tag>
          <Tag color="orange">需补寄 {summary.receivedWithProblems}</Tag>
          <Tag color="green">已签收 {summary.received}</Tag>
          <Tag>无需寄送 {summary.notNeeded}</Tag>
        </Space>
      )}
      {paper.error && <Alert type="error" showIcon title="纸质材料情况加载失败，请刷新页面重试" />}
      <Select
        allowClear
        placeholder="全部情况"
        aria-label="按纸质材料情况筛选"
        value={standing}
        onChange={setStanding}
        style={{ width: isMobile ? '100%' : 220 }}
        options={ORDER.map((s) => ({ value: s, label: PAPER_STANDING_LABELS[s] }))}
      />
      <ResponsiveTable<PaperUnit>
        rowKey="unitId"
        columns={columns}
        dataSource={units}
        loading={paper.isLoading}
        scrollX={860}
        pagination={units.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
        emptyText="没有符合条件的报送单位"
      />
      <ReceiptDialog
        campaignId={campaign.id}
        unit={receiving}
        onClose={() => setReceiving(null)}
        onSaved={(next) => {
          setReceiving(null);
          queryClient.setQueryData<PaperOverview>(paperKey(campaign.id), (old) =>
            old ? { ...old, units: old.units.map((u) => (u.unitId === next.unitId ? next : u)) } : old,
          );
          void queryClient.invalidateQueries({ queryKey: paperKey(campaign.id) });
          void queryClient.invalidateQueries({ queryKey: WORKLIST_KEY });
        }}
      />
    </Space>
  );
}
