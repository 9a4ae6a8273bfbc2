/**
 * 本单位公示情况: the 公示 a reporting unit posted of its nominees before submitting them (做好征集推介、
 * 公示、材料提交等工作), each with its count of working days on the organiser's calendar, and the way to
 * record, correct or remove one while the campaign takes submissions.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { formatPeriod } from '#core/publicity/coverage.ts';
import type { NominationSummary } from '#web/api/nominations.ts';
import {
  deleteUnitPublicity,
  publicityKey,
  type UnitPublicity,
  useUnitPublicities,
} from '#web/api/publicity.ts';
import { displayTitle } from '#web/lib/nominationDisplay.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { CoverageView } from './CoverageView.tsx';
import { PublicityForm } from './PublicityForm.tsx';

function RecordView({
  record,
  onEdit,
  onDelete,
  deleting,
}: {
  record: UnitPublicity;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  const { modal } = App.useApp();
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
      <Typography.Text strong>{formatPeriod(record.fromDay, record.toDay)}</Typography.Text>
      <div style={{ overflowWrap: 'anywhere' }}>
        公示地点：{record.place}
        {record.url && (
          <>
            {' '}
            <a href={record.url} target="_blank" rel="noopener noreferrer">
              查看公示网页
            </a>
          </>
        )}
      </div>
      <div>
        公示的推介：
        {record.nominationIds === null
          ? `本单位全部推介（${record.nominations.length}条）`
          : record.nominations.map(displayTitle).join('、')}
      </div>
      {record.file && (
        <div>
          公示材料：
          <a href={record.file.url} target="_blank" rel="noopener noreferrer">
            {record.file.fileName}
          </a>
        </div>
      )}
      {record.published && <Typography.Text type="secondary">已在平台公开网站展示</Typography.Text>}
      <div style={{ marginTop: 6 }}>
        <CoverageView coverage={record.coverage} />
      </div>
      {record.actions.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {record.actions.includes('edit') && <Button onClick={onEdit}>修改</Button>}
          {record.actions.includes('delete') && (
            <Button
              danger
              loading={deleting}
              onClick={() =>
                modal.confirm({
                  title: '删除这条公示记录？',
                  content: '删除后组织单位在形式审查时将看不到这次公示。',
                  okText: '删除',
                  okButtonProps: { danger: true },
                  onOk: onDelete,
                })
              }
            >
              删除
            </Button>
          )}
        </Space>
      )}
    </div>
  );
}

export function UnitPublicityCard({
  campaignId,
  nominations,
}: {
  campaignId: string;
  nominations: NominationSummary[];
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, isLoading } = useUnitPublicities(campaignId);
  // null: closed; 'new': a new record; else the record being corrected.
  const [editing, setEditing] = useState<UnitPublicity | 'new' | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: publicityKey(campaignId) });
  const remove = useMutation({
    mutationFn: (r: UnitPublicity) => deleteUnitPublicity(r.id, r.version),
    onSuccess: () => {
      message.success('已删除');
      refresh();
    },
    onError: showError,
  });

  const items = data?.items ?? [];
  return (
    <Card size="small" title="本单位公示情况" loading={isLoading}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          按通知要求，本单位应在提交前对推介对象进行公示，公示期不少于{data?.facts.rules.workingDays ?? 5}
          个工作日（按国家法定节假日和调休安排计算）。请登记公示地点、起止日期，并附公示网页链接或截图。
        </Typography.Text>
        {editing && data ? (
          <PublicityForm
            campaignId={campaignId}
            record={editing === 'new' ? null : editing}
            facts={data.facts}
            nominations={nominations}
            onDone={() => {
              setEditing(null);
              refresh();
            }}
          />
        ) : (
          <>
            {items.length === 0 && (
              <Empty description="尚未登记公示情况" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
            {items.map((r) => (
              <RecordView
                key={r.id}
                record={r}
                onEdit={() => setEditing(r)}
                onDelete={() => remove.mutateAsync(r).catch(() => undefined)}
                deleting={remove.isPending && remove.variables?.id === r.id}
              />
            ))}
            {data?.mayRecord && (
              <div>
                <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                  登记公示情况
                </Button>
              </div>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
